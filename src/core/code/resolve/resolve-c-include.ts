import type { ImportSpec, RepoSnapshot, Resolution } from '../code-types'
import { ancestorDirs, baseName, directoriesOf, joinPath, parentDir } from './repo-paths'

/**
 * C and C++ `#include`: a quoted header next to the including file first, then (as for `<…>`) the
 * include roots — every folder named include/ (those beside the including file's folders first,
 * nearest first; then the rest in path order), the repository root, src/. When several roots
 * have the header, the first in that order wins, as the first -I would; a header is never matched
 * by its base name alone. An angle include found nowhere is a system header.
 */
export function createCIncludeResolver(snapshot: RepoSnapshot): (fromPath: string, spec: ImportSpec) => readonly Resolution[] {
  const dirs = directoriesOf(snapshot)
  const includeDirs = [...dirs].filter((d) => baseName(d) === 'include').sort()
  const rootsByDir = new Map<string, readonly string[]>()
  const rootsFor = (dir: string): readonly string[] => {
    let roots = rootsByDir.get(dir)
    if (roots === undefined) {
      const enclosing = ancestorDirs(dir)
      const rank = (include: string): number => {
        const depth = enclosing.indexOf(parentDir(include))
        return depth === -1 ? enclosing.length : depth
      }
      roots = [...new Set([...[...includeDirs].sort((a, b) => rank(a) - rank(b)), '', 'src'])].filter((d) => dirs.has(d))
      rootsByDir.set(dir, roots)
    }
    return roots
  }

  return (fromPath, spec) => {
    const header = spec.specifier
    const dir = parentDir(fromPath)
    const tried: string[] = []
    // The including file's folder may also be a root (src/): once is enough.
    const candidates = [...new Set([...(spec.system ? [] : [dir]), ...rootsFor(dir)])]
    for (const base of candidates) {
      const path = joinPath(base, header)
      if (path !== null && snapshot.paths.has(path)) return [{ kind: 'file', path }]
      tried.push(base === '' ? 'the repository root' : base)
    }
    if (spec.system) return [{ kind: 'external', ecosystem: 'system-header', name: header }]
    const listed = tried.length > 6 ? [...tried.slice(0, 6), `${tried.length - 6} more include roots`] : tried
    return [{ kind: 'unresolved', reason: `${header} is not in ${listed.join(', ')}` }]
  }
}
