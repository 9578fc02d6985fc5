import type { ImportSpec, RepoSnapshot, Resolution } from '../code-types'
import { readCargoPackages, type CargoPackage } from './read-cargo'
import { ancestorDirs, baseName, childPath, parentDir } from './repo-paths'

/**
 * A module of the file tree: the folder its child modules' files sit in, and the file(s) that
 * could be it — more than one only for a crate root folder holding several targets (src/lib.rs and
 * src/main.rs), where a path that ends at a root item cannot tell which.
 */
interface RustModule {
  readonly dir: string
  readonly files: readonly string[]
  readonly isRoot: boolean
}

const STD_CRATES = new Set(['std', 'core', 'alloc', 'proc_macro', 'test'])

/**
 * Rust `mod x;` and `use` paths over the file-module tree of each crate. Not followed: `#[path]`
 * attributes and inline `mod a { … }` blocks (an import spec does not say which inline module it
 * sits in), and macro-generated paths.
 */
export function createRustResolver(snapshot: RepoSnapshot): (fromPath: string, spec: ImportSpec) => readonly Resolution[] {
  const packages = readCargoPackages(snapshot)
  const packageByDir = new Map(packages.map((p) => [p.dir, p]))
  const packageByCrate = new Map<string, CargoPackage>()
  for (const p of packages) if (p.lib !== null && !packageByCrate.has(p.crateName)) packageByCrate.set(p.crateName, p)
  const rootsByDir = new Map<string, string[]>()
  for (const p of packages) for (const root of p.roots) rootsByDir.set(parentDir(root), [...(rootsByDir.get(parentDir(root)) ?? []), root])

  const packageOfDir = (dir: string): CargoPackage | undefined => {
    for (const d of ancestorDirs(dir)) {
      const p = packageByDir.get(d)
      if (p !== undefined) return p
    }
    return undefined
  }
  /** Crate roots in a folder: Cargo's targets, or outside any Cargo package, lib.rs and main.rs by name. */
  const rootsIn = (dir: string): readonly string[] => {
    const declared = rootsByDir.get(dir)
    if (declared !== undefined) return declared
    if (packageOfDir(dir) !== undefined) return []
    return ['lib.rs', 'main.rs'].map((n) => childPath(dir, n)).filter((p) => snapshot.paths.has(p))
  }
  const isRoot = (file: string): boolean => rootsIn(parentDir(file)).includes(file)

  /** The module a file is: a root or mod.rs owns its folder; a.rs owns the folder a/. */
  const moduleOfFile = (file: string): RustModule => {
    const root = isRoot(file)
    const dir = root || baseName(file) === 'mod.rs' ? parentDir(file) : childPath(parentDir(file), baseName(file).slice(0, -'.rs'.length))
    return { dir, files: [file], isRoot: root }
  }
  /** The module whose child folder is `dir`: dir/mod.rs, dir.rs, or the crate root(s) in dir. */
  const moduleOwning = (dir: string): RustModule => {
    const roots = rootsIn(dir)
    if (roots.length > 0) return { dir, files: roots, isRoot: true }
    const candidates = [childPath(dir, 'mod.rs'), ...(dir === '' ? [] : [`${dir}.rs`])].filter((p) => snapshot.paths.has(p))
    return { dir, files: candidates, isRoot: false }
  }
  const crateOf = (file: string): RustModule | null => {
    const self = moduleOfFile(file)
    if (self.isRoot) return self
    const root = ancestorDirs(parentDir(self.dir)).find((d) => rootsIn(d).length > 0)
    return root === undefined ? null : moduleOwning(root)
  }
  const childModule = (parent: RustModule, name: string): string[] =>
    [`${childPath(parent.dir, name)}.rs`, childPath(childPath(parent.dir, name), 'mod.rs')].filter((p) => snapshot.paths.has(p))
  const libModule = (p: CargoPackage): RustModule => ({ dir: parentDir(p.lib as string), files: [p.lib as string], isRoot: true })

  return (fromPath, spec) => {
    if (spec.kind === 'mod') {
      const here = moduleOfFile(fromPath)
      const files = childModule(here, spec.specifier)
      const tried = `${childPath(here.dir, spec.specifier)}.rs or ${childPath(here.dir, spec.specifier)}/mod.rs`
      if (files.length === 1) return [{ kind: 'file', path: files[0] as string }]
      return [{ kind: 'unresolved', reason: files.length === 0 ? `no ${tried}` : `both ${tried} exist` }]
    }

    const global = spec.specifier.startsWith('::')
    const segments = spec.specifier.replace(/^::/, '').split('::')
    while (segments.length > 0 && (segments[segments.length - 1] === '*' || segments[segments.length - 1] === 'self')) segments.pop()
    const [first, ...rest] = segments
    if (first === undefined || first === '') return [{ kind: 'unresolved', reason: `empty path ${spec.specifier}` }]

    if (first === 'crate') {
      const root = crateOf(fromPath)
      return root === null ? [{ kind: 'unresolved', reason: `no crate root (lib.rs, main.rs or a Cargo target) above ${fromPath}` }] : walk(root, rest, spec.specifier)
    }
    if (first === 'self' || first === 'super') {
      let module = moduleOfFile(fromPath)
      let i = first === 'self' ? 1 : 0
      for (; segments[i] === 'super'; i++) {
        if (module.isRoot) return [{ kind: 'unresolved', reason: `${spec.specifier}: super of the crate root ${module.files.join(' / ')}` }]
        module = moduleOwning(parentDir(module.dir))
      }
      return walk(module, segments.slice(i), spec.specifier)
    }
    if (STD_CRATES.has(first)) return [{ kind: 'external', ecosystem: 'rust-std', name: first }]

    const pkg = packageOfDir(parentDir(fromPath))
    // 2018+: a path may start with a module of the current one; in 2015 paths start at the crate root.
    const edition2015 = pkg !== undefined && pkg.edition === '2015'
    const start = edition2015 ? crateOf(fromPath) : global ? null : moduleOfFile(fromPath)
    if (start !== null && childModule(start, first).length > 0) return walk(start, segments, spec.specifier)

    const dependency = pkg?.dependencies.get(first)
    if (dependency !== undefined) {
      const local = dependency.dir === null ? undefined : packageByDir.get(dependency.dir)
      if (local?.lib) return walk(libModule(local), rest, spec.specifier)
      if (dependency.dir !== null) return [{ kind: 'unresolved', reason: `path dependency ${first} (${dependency.dir}) has no library target in the repository` }]
      return [{ kind: 'external', ecosystem: 'crate', name: dependency.name }]
    }
    // The package's own library (from its binaries, tests, examples), or another crate of the repository by name.
    const own = pkg?.crateName === first && pkg.lib !== null ? pkg : packageByCrate.get(first)
    if (own !== undefined) return walk(libModule(own), rest, spec.specifier)
    if (/^[A-Z]/.test(first)) return [{ kind: 'unresolved', reason: `${first} is neither a module nor a crate (an item in scope?)` }]
    return [{ kind: 'external', ecosystem: 'crate', name: first }]
  }

  /** Down the module files as far as the path names modules; the rest names items of the last one. */
  function walk(from: RustModule, path: readonly string[], specifier: string): readonly Resolution[] {
    let module = from
    for (const name of path) {
      const files = childModule(module, name)
      if (files.length === 0) break
      if (files.length > 1) return [{ kind: 'unresolved', reason: `${specifier}: both ${files.join(' and ')} exist` }]
      module = moduleOfFile(files[0] as string)
    }
    if (module.files.length === 1) return [{ kind: 'file', path: module.files[0] as string }]
    if (module.files.length === 0) return [{ kind: 'unresolved', reason: `${specifier}: no module file owns ${module.dir || 'the repository root'} (mod.rs or ${module.dir}.rs)` }]
    return [{ kind: 'unresolved', reason: `${specifier}: an item of the crate root, which is one of ${module.files.join(', ')}` }]
  }
}
