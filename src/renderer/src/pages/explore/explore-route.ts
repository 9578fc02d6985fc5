/** The Explore page's place in the address: `#/explore?repo=3&path=src/app.ts&view=symbols&name=Service`. */

export const exploreViews = ['files', 'hotspots', 'symbols'] as const

export type ExploreView = (typeof exploreViews)[number]

export interface ExploreRoute {
  readonly repoId: number | null
  /** The selected path; null when none is named (the repository root is shown). */
  readonly path: string | null
  readonly view: ExploreView
  /** The name searched in the Symbols view; kept while other views are shown, so coming back finds it. */
  readonly name: string | null
}

/** Whether an address fragment is this page's (`#/explore`, `#/explore?…`). */
export function isExploreHash(hash: string): boolean {
  return /^#\/?explore(?:[/?]|$)/.test(hash)
}

export function parseExploreHash(hash: string): ExploreRoute {
  const query = hash.indexOf('?')
  const params = new URLSearchParams(query === -1 ? '' : hash.slice(query + 1))
  const repo = Number(params.get('repo'))
  const path = params.get('path')
  const view = params.get('view')
  const name = params.get('name')?.trim()
  return {
    repoId: Number.isSafeInteger(repo) && repo > 0 ? repo : null,
    path: path === null ? null : path.replace(/^\/+|\/+$/g, ''),
    view: exploreViews.find((known) => known === view) ?? 'files',
    name: name ? name : null,
  }
}

export function exploreHash(route: ExploreRoute): string {
  const params = new URLSearchParams()
  if (route.repoId !== null) params.set('repo', String(route.repoId))
  if (route.path) params.set('path', route.path)
  if (route.view !== 'files') params.set('view', route.view)
  if (route.name) params.set('name', route.name)
  const query = params.toString()
  // Slashes stay readable in the address; URLSearchParams reads them back either way.
  return `#/explore${query ? `?${query.replaceAll('%2F', '/')}` : ''}`
}

/** The repository to show: the one in the address, else the one chosen last in this tab, else the first. */
export function pickRepoId(repoIds: readonly number[], fromAddress: number | null, fromStorage: number | null): number | null {
  if (fromAddress !== null && repoIds.includes(fromAddress)) return fromAddress
  if (fromStorage !== null && repoIds.includes(fromStorage)) return fromStorage
  return repoIds[0] ?? null
}
