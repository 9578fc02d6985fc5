import type { RepoSnapshot } from '../../code-types'
import { ancestorDirs, childPath } from '../repo-paths'
import { asRecord, parseJsonc } from './parse-jsonc'

/**
 * The package.json files of a snapshot, each parsed once: the package a directory belongs to, and the
 * fields resolution reads (name, exports, imports, main…).
 */

export interface PackageManifest {
  readonly path: string
  readonly dir: string
  readonly name: string | null
  readonly fields: Readonly<Record<string, unknown>>
}

export type ManifestLookup =
  | { readonly kind: 'manifest'; readonly manifest: PackageManifest }
  | { readonly kind: 'invalid'; readonly path: string; readonly error: string }
  | { readonly kind: 'none' }

export interface PackageManifests {
  /** The package.json directly in `dir`. */
  at(dir: string): ManifestLookup
  /** The nearest package.json at or above `dir`: the package scope Node and TypeScript use. */
  scopeOf(dir: string): ManifestLookup
}

export function createPackageManifests(snapshot: RepoSnapshot): PackageManifests {
  const byDir = new Map<string, ManifestLookup>()
  const scopes = new Map<string, ManifestLookup>()

  const at = (dir: string): ManifestLookup => {
    let lookup = byDir.get(dir)
    if (lookup === undefined) {
      lookup = readManifest(snapshot, dir)
      byDir.set(dir, lookup)
    }
    return lookup
  }

  const scopeOf = (dir: string): ManifestLookup => {
    let lookup = scopes.get(dir)
    if (lookup === undefined) {
      lookup = { kind: 'none' }
      for (const d of ancestorDirs(dir)) {
        const here = at(d)
        if (here.kind !== 'none') {
          lookup = here
          break
        }
      }
      scopes.set(dir, lookup)
    }
    return lookup
  }

  return { at, scopeOf }
}

function readManifest(snapshot: RepoSnapshot, dir: string): ManifestLookup {
  const path = childPath(dir, 'package.json')
  if (!snapshot.paths.has(path)) return { kind: 'none' }
  const text = snapshot.readText(path)
  if (text === null) return { kind: 'invalid', path, error: 'its text is not available' }
  // npm rejects comments in package.json, but a lenient read costs nothing and loses no edge.
  const parsed = parseJsonc(text)
  if (!parsed.ok) return { kind: 'invalid', path, error: parsed.error }
  const fields = asRecord(parsed.value)
  if (fields === null) return { kind: 'invalid', path, error: 'it is not a JSON object' }
  return { kind: 'manifest', manifest: { path, dir, name: typeof fields.name === 'string' && fields.name !== '' ? fields.name : null, fields } }
}
