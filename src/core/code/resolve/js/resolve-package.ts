import type { Resolution } from '../../code-types'
import { joinPath } from '../repo-paths'
import type { BuildOutputs } from './build-output'
import { lookupSubpath, type ExportTarget } from './package-exports'
import type { PackageManifest } from './package-manifests'
import { ENTRY_FIELDS, scriptExtensionOf, type FileProbe, type ImporterFlavour } from './probe-files'

/**
 * Inside a package of the repository (a workspace package, or the importer's own for a
 * self-reference or '#imports'): `exports` when the package has it, else its entry fields and index
 * file, else the subpath as a path inside the package folder.
 */

export interface PackageRequest {
  readonly flavour: ImporterFlavour
  /** Conditions that apply besides 'default': 'types' for TypeScript, 'import' or 'require', tsconfig customConditions. */
  readonly conditions: ReadonlySet<string>
}

export interface PackageResolver {
  /** `subpath` ('.' or './button') of the package `manifest` describes; `label` names the import in reasons. */
  exported(manifest: PackageManifest, subpath: string, request: PackageRequest, label: string): Resolution
  /** '#name' from the `imports` of the package `scope`; package targets go to `resolveBare`. */
  internal(scope: PackageManifest, specifier: string, request: PackageRequest, resolveBare: (specifier: string) => Resolution): Resolution
}

export function createPackageResolver(probe: FileProbe, buildOutputs: BuildOutputs): PackageResolver {
  /** An entry path of the package: the file itself (or its TS source), or the source it is built from. */
  const entryFile = (manifest: PackageManifest, path: string, flavour: ImporterFlavour): string | null => {
    const file = probe.entry(path, flavour)
    if (file.kind === 'found') return file.path
    return buildOutputs.sourceOf(manifest.dir, path)
  }

  const fromTargets = (
    manifest: PackageManifest,
    field: 'exports' | 'imports',
    key: string,
    targets: readonly ExportTarget[],
    request: PackageRequest,
    label: string,
    resolveBare: ((specifier: string) => Resolution) | null,
  ): Resolution => {
    const tried: string[] = []
    for (const target of targets) {
      switch (target.kind) {
        case 'excluded':
          if (tried.length === 0) return unresolved(`${manifest.path} "${field}" excludes ${label} (${describeKey(key, target.conditions)} is null)`)
          break
        case 'package':
          if (resolveBare !== null) return resolveBare(target.specifier)
          break
        case 'invalid':
          tried.push(`${target.value} (an invalid target: Node accepts only './…' paths${field === 'imports' ? ' and package names' : ''})`)
          continue
        case 'path': {
          const path = joinPath(manifest.dir, target.value)
          const file = path === null ? null : entryFile(manifest, path, request.flavour)
          if (file !== null) return { kind: 'file', path: file }
          tried.push(`${target.value} (${describeKey(key, target.conditions)})`)
          continue
        }
      }
      break
    }
    return unresolved(`${manifest.path} "${field}" maps ${label} to ${tried.join(', ')}: no such file in the repository (a build output?), and no tsconfig of the package says which source it is built from`)
  }

  return {
    exported(manifest, subpath, request, label) {
      const exports = manifest.fields.exports
      if (exports !== undefined && exports !== null) {
        const lookup = lookupSubpath(exports, subpath, request.conditions, 'exports')
        switch (lookup.kind) {
          case 'invalid':
            return unresolved(`${manifest.path}: ${lookup.reason}`)
          case 'not-exported':
            return unresolved(`${manifest.path} "exports" has no entry for ${label} under the conditions ${[...request.conditions, 'default'].join(', ')}`)
          case 'targets':
            return fromTargets(manifest, 'exports', lookup.key, lookup.targets, request, label, null)
        }
      }
      if (subpath !== '.') {
        const path = joinPath(manifest.dir, subpath)
        if (path === null) return unresolved(`${label} leaves the package folder ${manifest.dir}`)
        const file = probe.module(path, request.flavour)
        if (file.kind === 'found') return { kind: 'file', path: file.path }
        const source = scriptExtensionOf(path) === null ? null : buildOutputs.sourceOf(manifest.dir, path)
        return source !== null ? { kind: 'file', path: source } : unresolved(`no file for ${label} in ${manifest.dir}: tried ${file.tried}`)
      }
      const tried: string[] = []
      for (const field of ENTRY_FIELDS[request.flavour]) {
        const value = manifest.fields[field]
        if (typeof value !== 'string' || value === '') continue
        const path = joinPath(manifest.dir, value)
        if (path === null) continue
        const file = probe.module(path, request.flavour)
        if (file.kind === 'found') return { kind: 'file', path: file.path }
        const source = buildOutputs.sourceOf(manifest.dir, path)
        if (source !== null) return { kind: 'file', path: source }
        tried.push(`"${field}" ${value}`)
      }
      const index = probe.index(manifest.dir, request.flavour)
      if (index.kind === 'found') return { kind: 'file', path: index.path }
      tried.push(index.tried)
      return unresolved(`no entry file for ${label} in ${manifest.dir}: tried ${tried.join(', ')} (a build output without a tsconfig naming its source?)`)
    },

    internal(scope, specifier, request, resolveBare) {
      const imports = scope.fields.imports
      if (imports === undefined || imports === null) return unresolved(`${specifier} needs an "imports" entry, and ${scope.path} has no "imports"`)
      const lookup = lookupSubpath(imports, specifier, request.conditions, 'imports')
      switch (lookup.kind) {
        case 'invalid':
          return unresolved(`${scope.path}: ${lookup.reason}`)
        case 'not-exported':
          return unresolved(`${scope.path} "imports" has no entry for ${specifier} under the conditions ${[...request.conditions, 'default'].join(', ')}`)
        case 'targets':
          return fromTargets(scope, 'imports', lookup.key, lookup.targets, request, specifier, resolveBare)
      }
    },
  }
}

function describeKey(key: string, conditions: readonly string[]): string {
  return conditions.length === 0 ? key : `${key} → ${conditions.join(' → ')}`
}

function unresolved(reason: string): Resolution {
  return { kind: 'unresolved', reason }
}
