import type { RepoSnapshot } from '../code-types'

/**
 * Path arithmetic on repository-relative, '/'-separated paths (the root is ''), and the per-snapshot
 * index of files by directory that several resolvers look things up in.
 */

/** The directory holding a path: 'a/b/c.py' → 'a/b', 'c.py' → ''. */
export function parentDir(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

/** The last segment of a path: 'a/b/c.py' → 'c.py'. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** `dir/name` without a leading '/' when dir is the root. */
export function childPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`
}

/**
 * `rel` ('../x/./y', 'z') taken from `dir`, normalised; null when it climbs above the repository root
 * or is absolute, since nothing outside the repository is a file of it.
 */
export function joinPath(dir: string, rel: string): string | null {
  if (rel.startsWith('/')) return null
  const parts = dir === '' ? [] : dir.split('/')
  for (const segment of rel.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (parts.length === 0) return null
      parts.pop()
    } else parts.push(segment)
  }
  return parts.join('/')
}

/** The directories from `dir` up to the root, nearest first: 'a/b' → ['a/b', 'a', '']. */
export function ancestorDirs(dir: string): string[] {
  const dirs = [dir]
  for (let d = dir; d !== ''; ) {
    d = parentDir(d)
    dirs.push(d)
  }
  return dirs
}

const filesByDirCache = new WeakMap<RepoSnapshot, ReadonlyMap<string, readonly string[]>>()

/** The files directly inside each directory, sorted; built once per snapshot. */
export function filesByDirectory(snapshot: RepoSnapshot): ReadonlyMap<string, readonly string[]> {
  let index = filesByDirCache.get(snapshot)
  if (index === undefined) {
    const byDir = new Map<string, string[]>()
    for (const path of snapshot.paths) {
      const dir = parentDir(path)
      const files = byDir.get(dir)
      if (files === undefined) byDir.set(dir, [path])
      else files.push(path)
    }
    for (const files of byDir.values()) files.sort()
    index = byDir
    filesByDirCache.set(snapshot, index)
  }
  return index
}

const dirsCache = new WeakMap<RepoSnapshot, ReadonlySet<string>>()

/** Every directory that holds a file, at any depth (the root included); built once per snapshot. */
export function directoriesOf(snapshot: RepoSnapshot): ReadonlySet<string> {
  let dirs = dirsCache.get(snapshot)
  if (dirs === undefined) {
    const all = new Set<string>()
    for (const dir of filesByDirectory(snapshot).keys()) {
      for (let d = dir; !all.has(d); d = parentDir(d)) {
        all.add(d)
        if (d === '') break
      }
    }
    dirs = all
    dirsCache.set(snapshot, dirs)
  }
  return dirs
}

/** Paths of the snapshot whose base name is `name` (go.mod, Cargo.toml…), sorted. */
export function pathsNamed(snapshot: RepoSnapshot, name: string): string[] {
  return [...snapshot.paths].filter((p) => p === name || p.endsWith(`/${name}`)).sort()
}
