import type { RepoSnapshot } from '../../code-types'
import { parentDir } from '../repo-paths'
import { globToRegExp, normalizeGlob } from './glob-pattern'
import type { PackageManifest, PackageManifests } from './package-manifests'
import { asRecord } from './parse-jsonc'

/**
 * The packages of a monorepo, from package.json `workspaces` (npm, Yarn, Bun) and
 * pnpm-workspace.yaml `packages:`. A bare specifier naming one of them is a file of the repository,
 * the way the package manager's node_modules link makes it one.
 */

export interface WorkspacePackage {
  readonly name: string
  readonly manifest: PackageManifest
  /** The folder whose workspace list names the package. */
  readonly root: string
}

export interface WorkspacePackages {
  /** The package called `name` as seen from `fromDir`: the nearest enclosing workspace's wins. */
  find(name: string, fromDir: string): WorkspacePackage | null
  readonly all: readonly WorkspacePackage[]
}

interface WorkspaceRoot {
  readonly dir: string
  readonly include: readonly RegExp[]
  readonly exclude: readonly RegExp[]
}

export function findWorkspacePackages(snapshot: RepoSnapshot, manifests: PackageManifests): WorkspacePackages {
  const manifestDirs: string[] = []
  const roots: WorkspaceRoot[] = []
  for (const path of snapshot.paths) {
    if (isVendored(path)) continue
    if (path === 'package.json' || path.endsWith('/package.json')) {
      const dir = parentDir(path)
      manifestDirs.push(dir)
      const lookup = manifests.at(dir)
      if (lookup.kind === 'manifest') {
        const globs = workspaceGlobs(lookup.manifest.fields.workspaces)
        if (globs.length > 0) roots.push(workspaceRoot(dir, globs))
      }
    } else if (path === 'pnpm-workspace.yaml' || path.endsWith('/pnpm-workspace.yaml')) {
      const globs = pnpmWorkspaceGlobs(snapshot.readText(path) ?? '')
      if (globs.length > 0) roots.push(workspaceRoot(parentDir(path), globs))
    }
  }

  const all: WorkspacePackage[] = []
  for (const dir of manifestDirs.sort()) {
    for (const root of roots) {
      if (dir === root.dir || !(root.dir === '' || dir.startsWith(`${root.dir}/`))) continue
      const rel = root.dir === '' ? dir : dir.slice(root.dir.length + 1)
      if (!root.include.some((r) => r.test(rel)) || root.exclude.some((r) => r.test(rel))) continue
      const lookup = manifests.at(dir)
      if (lookup.kind === 'manifest' && lookup.manifest.name !== null) all.push({ name: lookup.manifest.name, manifest: lookup.manifest, root: root.dir })
    }
  }

  const byName = new Map<string, WorkspacePackage[]>()
  for (const pkg of all) byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg])
  return {
    all,
    find(name, fromDir) {
      const candidates = byName.get(name)
      if (candidates === undefined) return null
      let best: WorkspacePackage | null = null
      for (const pkg of candidates) {
        const encloses = pkg.root === '' || fromDir === pkg.root || fromDir.startsWith(`${pkg.root}/`)
        if (encloses && (best === null || pkg.root.length > best.root.length)) best = pkg
      }
      return best
    },
  }
}

function isVendored(path: string): boolean {
  return path.startsWith('node_modules/') || path.includes('/node_modules/')
}

function workspaceRoot(dir: string, globs: readonly string[]): WorkspaceRoot {
  const include: RegExp[] = []
  const exclude: RegExp[] = []
  for (const glob of globs) {
    if (glob.startsWith('!')) exclude.push(globToRegExp(normalizeGlob(glob.slice(1))))
    else include.push(globToRegExp(normalizeGlob(glob)))
  }
  return { dir, include, exclude }
}

/** `workspaces: [...]` (npm, Bun) or `workspaces: { packages: [...] }` (Yarn 1). */
function workspaceGlobs(field: unknown): string[] {
  const list = Array.isArray(field) ? field : asRecord(field)?.packages
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string') : []
}

/**
 * The `packages:` list of pnpm-workspace.yaml, block (`- 'apps/*'`) or flow (`['apps/*']`) style;
 * the rest of the file (catalogs, overrides) is not read.
 */
export function pnpmWorkspaceGlobs(text: string): string[] {
  const globs: string[] = []
  const lines = text.split(/\r?\n/)
  const start = lines.findIndex((line) => /^packages\s*:/.test(line))
  if (start === -1) return globs
  const inline = (lines[start] as string).replace(/^packages\s*:/, '').replace(/\s#.*$/, '').trim()
  if (inline.startsWith('[')) {
    return inline
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map(unquote)
      .filter((g) => g !== '')
  }
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break // the next top-level key
    const item = /^\s*-\s*(.*?)\s*(?:\s#.*)?$/.exec(line)
    if (item !== null) {
      const glob = unquote(item[1] as string)
      if (glob !== '') globs.push(glob)
    }
  }
  return globs
}

function unquote(text: string): string {
  const t = text.trim()
  return /^(['"]).*\1$/.test(t) ? t.slice(1, -1) : t
}
