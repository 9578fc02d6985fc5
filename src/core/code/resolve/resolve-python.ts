import type { ImportSpec, RepoSnapshot, Resolution } from '../code-types'
import { PYTHON_STDLIB_MODULES } from './python-stdlib'
import { pythonSourceRoots, type PythonSourceRoot } from './python-source-roots'
import { ancestorDirs, childPath, parentDir } from './repo-paths'

/**
 * Python imports: relative ones from the importing file's package; absolute ones against the source
 * roots (the longest dotted prefix that is a module wins), then the standard library, then PyPI.
 * `from m import a, b` gives one edge per name that is a submodule of m, and one edge to m for the rest.
 */
export function createPythonResolver(snapshot: RepoSnapshot): (fromPath: string, spec: ImportSpec) => readonly Resolution[] {
  const configured = pythonSourceRoots(snapshot)

  /** The file of the module at `base` ('a/b' for a.b): a package's __init__ first, as Python's finder does; stubs last. */
  const moduleFile = (base: string): string | null => {
    const prefix = base === '' ? '' : `${base}/`
    for (const candidate of [`${prefix}__init__.py`, `${base}.py`, `${prefix}__init__.pyi`, `${base}.pyi`]) {
      if (candidate !== '.py' && candidate !== '.pyi' && snapshot.paths.has(candidate)) return candidate
    }
    return null
  }

  const isPackage = (dir: string): boolean => {
    const prefix = dir === '' ? '' : `${dir}/`
    return snapshot.paths.has(`${prefix}__init__.py`) || snapshot.paths.has(`${prefix}__init__.pyi`)
  }

  /** Roots for a file's folder: the configured ones, nearest enclosing first; a folder of scripts first of all. */
  const rootsByDir = new Map<string, readonly PythonSourceRoot[]>()
  const rootsFor = (dir: string): readonly PythonSourceRoot[] => {
    let roots = rootsByDir.get(dir)
    if (roots === undefined) {
      const enclosing = ancestorDirs(dir)
      const rank = (root: PythonSourceRoot): number => {
        const depth = enclosing.indexOf(root.dir)
        return depth === -1 ? enclosing.length : depth
      }
      const sorted = [...configured].sort((a, b) => rank(a) - rank(b))
      // A folder without __init__.py holds scripts or tests: Python (and pytest) put it on sys.path.
      if (!isPackage(dir) && !sorted.some((r) => r.kind === 'root' && r.dir === dir)) sorted.unshift({ kind: 'root', dir })
      roots = sorted
      rootsByDir.set(dir, roots)
    }
    return roots
  }

  return (fromPath, spec) => {
    const segments = spec.specifier === '' ? [] : spec.specifier.split('.')
    const level = spec.level ?? 0
    if (level > 0) {
      let pkg: string | null = parentDir(fromPath)
      for (let up = 1; up < level && pkg !== null; up++) pkg = pkg === '' ? null : parentDir(pkg)
      if (pkg === null) return [{ kind: 'unresolved', reason: `${'.'.repeat(level)}${spec.specifier} climbs above the repository root from ${fromPath}` }]
      const found = findIn(moduleFile, pkg, segments, spec.names ?? [])
      const where = `${'.'.repeat(level)}${spec.specifier} (package folder ${pkg === '' ? 'the repository root' : pkg})`
      return found === null ? [{ kind: 'unresolved', reason: `no module ${where}: no .py, .pyi or __init__ file there` }] : found.files
    }
    if (segments.length === 0) return [{ kind: 'unresolved', reason: 'empty module name' }]

    let best: Found | null = null
    for (const root of rootsFor(parentDir(fromPath))) {
      if (root.kind === 'package' && segments[0] !== root.name) continue
      const found =
        root.kind === 'root'
          ? findIn(moduleFile, root.dir, segments, spec.names ?? [])
          : offset(findIn(moduleFile, root.dir, segments.slice(1), spec.names ?? [], true), 1)
      // Equal depths keep the earlier (nearer) root.
      if (found !== null && (best === null || found.depth > best.depth)) best = found
    }
    if (best !== null) return best.files
    const top = segments[0] as string
    if (PYTHON_STDLIB_MODULES.has(top)) return [{ kind: 'external', ecosystem: 'python-stdlib', name: top }]
    // The import's top-level name, which is not always the distribution's (import yaml ← PyYAML).
    return [{ kind: 'external', ecosystem: 'pypi', name: top }]
  }
}

interface Found {
  /** How many dotted segments matched (a submodule named in `from … import` counts one more). */
  readonly depth: number
  readonly files: readonly Resolution[]
}

/**
 * The module `segments` under `base`, or its longest prefix that is a module; with `names`, the
 * submodules among them. `baseIsPackage`: `base` is a mapped package's folder, so even a prefix of
 * zero segments names a module.
 */
function findIn(moduleFile: (base: string) => string | null, base: string, segments: readonly string[], names: readonly string[], baseIsPackage = false): Found | null {
  const full = segments.reduce(childPath, base)
  const submodules = names.flatMap((name) => {
    const file = name === '*' ? null : moduleFile(childPath(full, name))
    return file === null ? [] : [file]
  })
  const own = moduleFile(full)
  const rest = names.length === 0 || submodules.length < names.length
  if (submodules.length > 0) {
    const files = [...submodules, ...(rest && own !== null ? [own] : [])]
    return { depth: segments.length + 1, files: files.map((path) => ({ kind: 'file', path })) }
  }
  // The base alone is a module only for `from . import x` and for a mapped package.
  const minimum = baseIsPackage || segments.length === 0 ? 0 : 1
  for (let k = segments.length; k >= minimum; k--) {
    const file = moduleFile(segments.slice(0, k).reduce(childPath, base))
    if (file !== null) return { depth: k, files: [{ kind: 'file', path: file }] }
  }
  return null
}

function offset(found: Found | null, by: number): Found | null {
  return found === null ? null : { ...found, depth: found.depth + by }
}
