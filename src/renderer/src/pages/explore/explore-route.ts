/** The Explore page's place in the address: `#/explore?repo=3&path=src/app.ts&view=hotspots`. */

export type ExploreView = 'files' | 'hotspots'

export interface ExploreRoute {
  readonly repoId: number | null
  /** The selected path; null when none is named (the repository root is shown). */
  readonly path: string | null
  readonly view: ExploreView
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
  return {
    repoId: Number.isSafeInteger(repo) && repo > 0 ? repo : null,
    path: path === null ? null : path.replace(/^\/+|\/+$/g, ''),
    view: params.get('view') === 'hotspots' ? 'hotspots' : 'files',
  }
}

export function exploreHash(route: ExploreRoute): string {
  const params = new URLSearchParams()
  if (route.repoId !== null) params.set('repo', String(route.repoId))
  if (route.path) params.set('path', route.path)
  if (route.view !== 'files') params.set('view', route.view)
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
