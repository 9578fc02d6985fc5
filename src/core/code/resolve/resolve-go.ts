import type { ImportSpec, RepoSnapshot, Resolution } from '../code-types'
import { readGoMod, type GoMod } from './read-go-mod'
import { ancestorDirs, childPath, filesByDirectory, joinPath, parentDir, pathsNamed } from './repo-paths'

/** A module whose source is in the repository: its path and folder (null: a replacement outside the repository). */
interface LocalModule {
  readonly path: string
  readonly dir: string | null
  readonly via: string
}

/**
 * Go imports name a package, which is a folder: an import of one of the repository's modules gives
 * an edge to each of the folder's .go files other than tests. The module comes from the nearest
 * go.mod above the importing file, with its local `replace` directives and, when a go.work above it
 * uses it, the workspace's other modules. Anything else is the standard library (no dot in the
 * first path element) or an external module.
 */
export function createGoResolver(snapshot: RepoSnapshot): (fromPath: string, spec: ImportSpec) => readonly Resolution[] {
  const read = (name: string): Map<string, GoMod> =>
    new Map(
      pathsNamed(snapshot, name).flatMap((path) => {
        const text = snapshot.readText(path)
        return text === null ? [] : [[parentDir(path), readGoMod(text)] as const]
      }),
    )
  const mods = read('go.mod')
  const works = read('go.work')
  const nearest = (dir: string, within: ReadonlyMap<string, GoMod>): string | null => ancestorDirs(dir).find((d) => within.has(d)) ?? null

  const localByModule = new Map<string, readonly LocalModule[]>()
  const localModules = (modDir: string): readonly LocalModule[] => {
    let local = localByModule.get(modDir)
    if (local === undefined) {
      local = collectLocalModules(modDir, mods, works, nearest(modDir, works))
      localByModule.set(modDir, local)
    }
    return local
  }

  return (fromPath, spec) => {
    const importPath = spec.specifier
    const modDir = nearest(parentDir(fromPath), mods)
    const mod = modDir === null ? undefined : mods.get(modDir)
    if (modDir !== null) {
      const owner = longestPrefix(localModules(modDir), importPath)
      if (owner !== undefined) {
        if (owner.dir === null) return [{ kind: 'unresolved', reason: `${owner.path} is replaced by a folder outside the repository (${owner.via})` }]
        const dir = joinPath(owner.dir, importPath.slice(owner.path.length + 1))
        const inner = dir === null ? null : nearest(dir, mods)
        // A go.mod below the module's own folder makes that subtree another module, reached by version.
        const nested = inner !== null && isBelow(inner, owner.dir)
        if (dir !== null && !nested) {
          const files = goPackageFiles(snapshot, dir)
          if (files.length > 0) return files.map((path) => ({ kind: 'file', path }))
          return [{ kind: 'unresolved', reason: `no .go files other than tests in ${dir || 'the repository root'} (package ${importPath} of module ${owner.path}, ${owner.via})` }]
        }
      }
    }
    const first = importPath.split('/')[0] ?? ''
    if (!first.includes('.')) return [{ kind: 'external', ecosystem: 'go-stdlib', name: importPath }]
    return [{ kind: 'external', ecosystem: 'go', name: externalModule(importPath, mod) }]
  }
}

function collectLocalModules(modDir: string, mods: ReadonlyMap<string, GoMod>, works: ReadonlyMap<string, GoMod>, workDir: string | null): LocalModule[] {
  const mod = mods.get(modDir) as GoMod
  const goModPath = childPath(modDir, 'go.mod')
  const local: LocalModule[] = []
  const replaced = (owner: string, file: string, replaces: GoMod['replaces']): void => {
    for (const [path, to] of replaces) if (to.kind === 'local') local.push({ path, dir: joinPath(owner, to.dir), via: `replace in ${file}` })
  }
  // go.work replacements override go.mod's; the longest prefix wins and ties keep the first.
  const work = workDir === null ? undefined : works.get(workDir)
  const uses = work?.uses.map((u) => joinPath(workDir as string, u)) ?? []
  if (work !== undefined && uses.includes(modDir)) {
    const goWorkPath = childPath(workDir as string, 'go.work')
    replaced(workDir as string, goWorkPath, work.replaces)
    replaced(modDir, goModPath, mod.replaces)
    for (const dir of uses) {
      const used = dir === null ? undefined : mods.get(dir)?.module
      if (used) local.push({ path: used, dir, via: `used by ${goWorkPath}` })
    }
  } else {
    replaced(modDir, goModPath, mod.replaces)
    if (mod.module !== null) local.push({ path: mod.module, dir: modDir, via: goModPath })
  }
  return local
}

function longestPrefix(modules: readonly LocalModule[], importPath: string): LocalModule | undefined {
  let best: LocalModule | undefined
  for (const m of modules) {
    const covers = importPath === m.path || importPath.startsWith(`${m.path}/`)
    if (covers && (best === undefined || m.path.length > best.path.length)) best = m
  }
  return best
}

function isBelow(dir: string, ancestor: string): boolean {
  return ancestor === '' ? dir !== '' : dir.startsWith(`${ancestor}/`)
}

/** The package's files: .go files directly in the folder, not tests, not ignored (`_x.go`, `.x.go`). */
function goPackageFiles(snapshot: RepoSnapshot, dir: string): string[] {
  return (filesByDirectory(snapshot).get(dir) ?? []).filter((path) => {
    const name = path.slice(path.lastIndexOf('/') + 1)
    return name.endsWith('.go') && !name.endsWith('_test.go') && !name.startsWith('_') && !name.startsWith('.')
  })
}

/** Hosts whose module paths are three elements: host/owner/repo (golang.org/x/repo alike). */
const THREE_ELEMENT_HOSTS = /^(github\.com|gitlab\.com|bitbucket\.org|golang\.org\/x)\//

/**
 * The module an external import belongs to: a required (or replaced) module that is a prefix of it
 * is exact. Otherwise a heuristic: the first three elements on hosts laid out as host/owner/repo,
 * anywhere else the whole import path (a module path can be any prefix; only a go.mod knows).
 */
function externalModule(importPath: string, mod: GoMod | undefined): string {
  const known = [...(mod?.requires ?? []), ...(mod?.replaces.keys() ?? [])]
  const required = known.filter((m) => importPath === m || importPath.startsWith(`${m}/`)).sort((a, b) => b.length - a.length)[0]
  if (required !== undefined) return required
  return THREE_ELEMENT_HOSTS.test(importPath) ? importPath.split('/').slice(0, 3).join('/') : importPath
}
