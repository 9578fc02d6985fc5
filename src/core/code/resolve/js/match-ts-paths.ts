import { joinPath } from '../repo-paths'
import type { TsPathPattern } from './read-tsconfig'

/**
 * compilerOptions.paths as TypeScript matches it: an exact key first, else the wildcard key with the
 * longest prefix; its targets, '*' replaced by what it matched, are tried in the order written.
 */

export interface PathsMatch {
  readonly pattern: TsPathPattern
  /** Repository paths to try, in order; null for a target that leaves the repository. */
  readonly candidates: readonly (string | null)[]
}

export function matchTsPaths(patterns: readonly TsPathPattern[], specifier: string): PathsMatch | null {
  let best: TsPathPattern | null = null
  for (const pattern of patterns) {
    if (!pattern.wildcard) {
      if (pattern.key === specifier) {
        best = pattern
        break
      }
      continue
    }
    const fits = specifier.length >= pattern.prefix.length + pattern.suffix.length && specifier.startsWith(pattern.prefix) && specifier.endsWith(pattern.suffix)
    if (fits && (best === null || pattern.prefix.length > best.prefix.length)) best = pattern
  }
  if (best === null) return null
  const star = best.wildcard ? specifier.slice(best.prefix.length, specifier.length - best.suffix.length) : ''
  // The match is substituted before normalising, so '@/../x' cannot hide a climb out of the target.
  return { pattern: best, candidates: best.targets.map((t) => (t === null ? null : joinPath('', best.wildcard ? t.replace('*', star) : t))) }
}
