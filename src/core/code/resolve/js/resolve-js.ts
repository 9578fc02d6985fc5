import type { ImportSpec, RepoSnapshot, Resolution } from '../../code-types'
import { joinPath, parentDir } from '../repo-paths'
import { createBuildOutputs } from './build-output'
import { classifySpecifier, splitPackageSpecifier } from './js-specifiers'
import { matchTsPaths } from './match-ts-paths'
import { createPackageManifests } from './package-manifests'
import { createFileProbe, flavourOf, type ImporterFlavour } from './probe-files'
import { createTsConfigs, type TsConfig } from './read-tsconfig'
import { createPackageResolver, type PackageRequest } from './resolve-package'
import { findWorkspacePackages } from './workspace-packages'

/**
 * JavaScript and TypeScript imports, resolved the way TypeScript (with a bundler-style tsconfig) and
 * Node do, from the snapshot alone:
 *
 * - './x', '../x', '.': the file, its TypeScript source ('./x.js' → x.ts), an added extension, or a
 *   folder's package.json entry or index file;
 * - 'node:fs', 'fs', 'fs/promises': Node builtins;
 * - anything else: tsconfig `paths`, then `baseUrl`; '#name' from the package's `imports`; the
 *   importer's own package by name (self-reference); a workspace package (through its `exports`,
 *   else its entry fields, else index); else an npm package.
 *
 * What cannot be found is unresolved with the reason, never a guessed file. Config files are parsed
 * once per resolver and every answer is memoised per folder, so a repository's tens of thousands of
 * imports cost set lookups.
 */
export function createJsResolver(snapshot: RepoSnapshot): (fromPath: string, spec: ImportSpec) => Resolution {
  const manifests = createPackageManifests(snapshot)
  const workspaces = findWorkspacePackages(snapshot, manifests)
  const tsconfigs = createTsConfigs(snapshot, manifests, (name, fromDir) => workspaces.find(name, fromDir)?.manifest.dir ?? null)
  const probe = createFileProbe(snapshot.paths, manifests)
  const packages = createPackageResolver(probe, createBuildOutputs(snapshot, tsconfigs))
  const memo = new Map<string, Resolution>()

  const resolveRelative = (fromDir: string, path: string, flavour: ImporterFlavour, specifier: string): Resolution => {
    const candidate = joinPath(fromDir, path)
    if (candidate === null) return unresolved(`${specifier} climbs above the repository root`)
    const file = probe.module(candidate, flavour)
    return file.kind === 'found' ? { kind: 'file', path: file.path } : unresolved(`no file for ${specifier}: tried ${file.tried}`)
  }

  /** A package name, after aliases: the importer's own package, a workspace package, or npm. */
  const resolvePackage = (fromDir: string, specifier: string, request: PackageRequest, aliasMiss: string | null): Resolution => {
    const bare = splitPackageSpecifier(specifier)
    if (bare === null) {
      return unresolved(aliasMiss ?? `${specifier} is neither a path nor a package name, and no tsconfig paths entry maps it (an alias configured only in the bundler?)`)
    }
    const scope = manifests.scopeOf(fromDir)
    if (scope.kind === 'manifest' && scope.manifest.name === bare.name && scope.manifest.fields.exports !== undefined) {
      return packages.exported(scope.manifest, bare.subpath, request, specifier)
    }
    const workspace = workspaces.find(bare.name, fromDir)
    if (workspace !== null) return packages.exported(workspace.manifest, bare.subpath, request, specifier)
    // A paths entry like '@/*' that matched but found nothing means a missing file, not a package.
    if (aliasMiss !== null) return unresolved(aliasMiss)
    return { kind: 'external', ecosystem: 'npm', name: bare.name }
  }

  const resolveNonRelative = (fromPath: string, fromDir: string, spec: ImportSpec, flavour: ImporterFlavour, config: TsConfig | null, internal: boolean): Resolution => {
    const specifier = spec.specifier
    const request = packageRequest(flavour, spec, config)
    let aliasMiss: string | null = null
    if (config !== null && config.paths.length > 0) {
      const match = matchTsPaths(config.paths, specifier)
      if (match !== null) {
        const tried: string[] = []
        for (const candidate of match.candidates) {
          if (candidate === null) {
            tried.push('a target outside the repository')
            continue
          }
          const installed = installedPackageName(candidate)
          if (installed !== null) return { kind: 'external', ecosystem: 'npm', name: installed }
          const file = probe.module(candidate, flavour)
          if (file.kind === 'found') return { kind: 'file', path: file.path }
          tried.push(file.tried)
        }
        // A catch-all '*' only adds places to look; a named alias that finds nothing is a missing file.
        if (match.pattern.key !== '*') {
          aliasMiss = `${config.path} paths '${match.pattern.key}' matches ${specifier}, but none of its targets exists: tried ${tried.join('; ')}${problemsOf(config)}`
        }
      }
    }
    if (config !== null && config.baseUrl !== null) {
      const candidate = joinPath(config.baseUrl, specifier)
      const file = candidate === null ? null : probe.module(candidate, flavour)
      if (file?.kind === 'found') return { kind: 'file', path: file.path }
    }
    if (internal) {
      const scope = manifests.scopeOf(fromDir)
      switch (scope.kind) {
        case 'none':
          return unresolved(aliasMiss ?? `${specifier} needs a package.json "imports" entry, and there is no package.json above ${fromPath}`)
        case 'invalid':
          return unresolved(`${scope.path} cannot be read for "imports": ${scope.error}`)
        case 'manifest':
          return packages.internal(scope.manifest, specifier, request, (target) => resolveImportTarget(fromDir, target, request))
      }
    }
    const resolution = resolvePackage(fromDir, specifier, request, aliasMiss)
    // A base config outside the repository may hold the alias that would have matched: say so.
    return resolution.kind === 'unresolved' && aliasMiss === null && config !== null ? unresolved(resolution.reason + problemsOf(config)) : resolution
  }

  /** A bare target of an "imports" entry: a builtin, a workspace package or npm (no aliases apply). */
  const resolveImportTarget = (fromDir: string, target: string, request: PackageRequest): Resolution => {
    const kind = classifySpecifier(target)
    if (kind.kind === 'node') return { kind: 'external', ecosystem: 'node', name: kind.name }
    return resolvePackage(fromDir, target, request, null)
  }

  const resolveUncached = (fromPath: string, spec: ImportSpec, flavour: ImporterFlavour, config: TsConfig | null): Resolution => {
    const fromDir = parentDir(fromPath)
    const kind = classifySpecifier(spec.specifier)
    switch (kind.kind) {
      case 'empty':
        return unresolved('the specifier is empty')
      case 'relative':
        return resolveRelative(fromDir, kind.path, flavour, spec.specifier)
      case 'absolute':
        return unresolved(`${spec.specifier} is an absolute path, not a path in the repository`)
      case 'node':
        return { kind: 'external', ecosystem: 'node', name: kind.name }
      case 'scheme':
        return unresolved(`${spec.specifier} is a '${kind.scheme}:' URL, not a file or a package`)
      case 'internal':
        return resolveNonRelative(fromPath, fromDir, spec, flavour, config, true)
      case 'bare':
        return resolveNonRelative(fromPath, fromDir, spec, flavour, config, false)
    }
  }

  return (fromPath, spec) => {
    const flavour = flavourOf(fromPath)
    const config = tsconfigs.forFile(fromPath)
    const key = `${parentDir(fromPath)}\0${flavour}\0${config?.path ?? ''}\0${spec.kind === 'require' ? 'require' : 'import'}\0${spec.specifier}`
    let resolution = memo.get(key)
    if (resolution === undefined) {
      resolution = resolveUncached(fromPath, spec, flavour, config)
      memo.set(key, resolution)
    }
    return resolution
  }
}

/**
 * Conditions for `exports`/`imports`: 'import' or 'require' by how the import is written, 'types'
 * for TypeScript (which reads declarations first), and the tsconfig's customConditions. 'node' and
 * 'browser' are left out: which one applies depends on where the code runs, which a file doesn't say.
 */
function packageRequest(flavour: ImporterFlavour, spec: ImportSpec, config: TsConfig | null): PackageRequest {
  const conditions = new Set(config?.customConditions ?? [])
  if (flavour === 'ts') conditions.add('types')
  conditions.add(spec.kind === 'require' ? 'require' : 'import')
  return { flavour, conditions }
}

/** A paths target inside node_modules names an installed package, which is not a file of the repository. */
function installedPackageName(path: string): string | null {
  const at = path.lastIndexOf('node_modules/')
  if (at === -1 || (at > 0 && path[at - 1] !== '/')) return null
  return splitPackageSpecifier(path.slice(at + 'node_modules/'.length))?.name ?? null
}

function problemsOf(config: TsConfig): string {
  return config.problems.length === 0 ? '' : ` (${config.problems.join('; ')})`
}

function unresolved(reason: string): Resolution {
  return { kind: 'unresolved', reason }
}
