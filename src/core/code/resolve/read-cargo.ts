import type { RepoSnapshot } from '../code-types'
import { readToml, tomlArray, tomlString, tomlTable, type TomlTable } from './read-toml'
import { ancestorDirs, filesByDirectory, joinPath, parentDir, pathsNamed } from './repo-paths'

/** One Cargo package of the repository, as resolution needs it. */
export interface CargoPackage {
  /** The folder of its Cargo.toml. */
  readonly dir: string
  /** The name a path uses for its library: `[lib] name`, else the package name with '-' → '_'. */
  readonly crateName: string
  /** '2015' when unset, as Cargo reads it: 2015 `use` paths start at the crate root. */
  readonly edition: string
  /** The library target's root file, when it exists. */
  readonly lib: string | null
  /** Every target's root file: library, binaries, tests, examples, benches, build script. */
  readonly roots: readonly string[]
  /** Dependencies by the name code uses (the key with '-' → '_'). */
  readonly dependencies: ReadonlyMap<string, CargoDependency>
}

export interface CargoDependency {
  /** The package's name in its registry (`package = …` when renamed). */
  readonly name: string
  /** The package folder of a path dependency (repository-relative), else null. */
  readonly dir: string | null
}

const DEPENDENCY_TABLES = ['dependencies', 'dev-dependencies', 'build-dependencies']

/** Every Cargo.toml with a `[package]`, read with its workspace's shared settings. */
export function readCargoPackages(snapshot: RepoSnapshot): readonly CargoPackage[] {
  const manifests = new Map<string, TomlTable>()
  for (const path of pathsNamed(snapshot, 'Cargo.toml')) {
    const text = snapshot.readText(path)
    const toml = text === null ? null : readToml(text)
    if (toml !== null) manifests.set(parentDir(path), toml)
  }
  const workspaceOf = (dir: string): { dir: string; table: TomlTable } | null => {
    for (const d of ancestorDirs(dir)) {
      const table = tomlTable(manifests.get(d)?.workspace)
      if (table !== undefined) return { dir: d, table }
    }
    return null
  }

  const mainFiles = pathsNamed(snapshot, 'main.rs')
  const packages: CargoPackage[] = []
  for (const [dir, toml] of manifests) {
    const pkg = tomlTable(toml.package)
    const name = tomlString(pkg?.name)
    if (pkg === undefined || name === undefined) continue
    const workspace = workspaceOf(dir)
    // `edition.workspace = true` takes the workspace's edition.
    const sharedEdition = tomlString(tomlTable(workspace?.table.package)?.edition)
    const edition = tomlString(pkg.edition) ?? (tomlTable(pkg.edition)?.workspace === true ? sharedEdition : undefined) ?? '2015'
    const libTable = tomlTable(toml.lib)
    const libPath = joinPath(dir, tomlString(libTable?.path) ?? 'src/lib.rs')
    const lib = libPath !== null && snapshot.paths.has(libPath) ? libPath : null
    packages.push({
      dir,
      crateName: (tomlString(libTable?.name) ?? name).replaceAll('-', '_'),
      edition,
      lib,
      roots: targetRoots(snapshot, dir, toml, lib, mainFiles),
      dependencies: dependenciesOf(dir, toml, workspace),
    })
  }
  return packages.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))
}

/** Cargo's target auto-discovery plus the paths `[[bin]]`, `[[test]]`… and `build` name. */
function targetRoots(snapshot: RepoSnapshot, dir: string, toml: TomlTable, lib: string | null, mainFiles: readonly string[]): string[] {
  const byDir = filesByDirectory(snapshot)
  const roots = new Set<string>(lib === null ? [] : [lib])
  const add = (rel: string | undefined): void => {
    const path = rel === undefined ? null : joinPath(dir, rel)
    if (path !== null && snapshot.paths.has(path)) roots.add(path)
  }
  add('src/main.rs')
  add(tomlString(tomlTable(toml.package)?.build) ?? 'build.rs')
  for (const folder of ['src/bin', 'tests', 'examples', 'benches']) {
    const base = joinPath(dir, folder) as string
    for (const file of byDir.get(base) ?? []) if (file.endsWith('.rs')) roots.add(file)
    // src/bin/tool/main.rs and the like: a target made of a folder.
    for (const main of mainFiles) if (parentDir(parentDir(main)) === base) roots.add(main)
  }
  for (const kind of ['bin', 'test', 'example', 'bench']) for (const target of tomlArray(toml[kind])) add(tomlString(tomlTable(target)?.path))
  return [...roots].sort()
}

function dependenciesOf(dir: string, toml: TomlTable, workspace: { dir: string; table: TomlTable } | null): Map<string, CargoDependency> {
  const tables = DEPENDENCY_TABLES.map((t) => tomlTable(toml[t]))
  for (const target of Object.values(tomlTable(toml.target) ?? {})) tables.push(...DEPENDENCY_TABLES.map((t) => tomlTable(tomlTable(target)?.[t])))
  const shared = tomlTable(workspace?.table.dependencies)
  const dependencies = new Map<string, CargoDependency>()
  for (const table of tables) {
    for (const [key, spec] of Object.entries(table ?? {})) {
      let entry = tomlTable(spec)
      let base = dir
      // `foo = { workspace = true }` takes the workspace's declaration (its path is relative to the workspace).
      if (entry?.workspace === true && workspace !== null) {
        entry = tomlTable(shared?.[key])
        base = workspace.dir
      }
      const path = tomlString(entry?.path)
      dependencies.set(key.replaceAll('-', '_'), { name: tomlString(entry?.package) ?? key, dir: path === undefined ? null : joinPath(base, path) })
    }
  }
  return dependencies
}

