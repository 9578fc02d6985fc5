import { childPath, joinPath } from '../repo-paths'
import type { PackageManifests } from './package-manifests'

/**
 * From a path that an import names (already joined to the repository: 'src/util', 'src/a.js',
 * 'src/lib') to the file it means: the exact file, the TypeScript source a '.js' specifier stands for,
 * the file with an extension added, or the directory's package.json entry or index file.
 */

/**
 * Who imports decides the order when several candidates exist: TypeScript prefers its own sources
 * ('./x' and './x.js' mean x.ts over x.js, x.d.ts over x.js), Node and bundlers run the file written
 * ('./x.js' is x.js). Only a repository holding both a source and its compiled twin sees the difference.
 */
export type ImporterFlavour = 'ts' | 'js'

export type FileLookup = { readonly kind: 'found'; readonly path: string } | { readonly kind: 'missing'; readonly tried: string }

const TS_IMPORTER = /\.(?:[cm]?ts|tsx)$/
const TS_SOURCE = /^(?:\.d)?\.(?:[cm]?ts|tsx)$/
const JS_IMPORTER = /\.(?:[cm]?js|jsx)$/

/** Files of other kinds (Vue, Svelte, Astro, MDX) import the TypeScript way: their tooling compiles with TS. */
export function flavourOf(path: string): ImporterFlavour {
  return JS_IMPORTER.test(path) && !TS_IMPORTER.test(path) ? 'js' : 'ts'
}

/** Extensions added to an extensionless path: TypeScript's five first, then the module variants and JSON. */
const ADDED: Readonly<Record<ImporterFlavour, readonly string[]>> = {
  ts: ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.json'],
  js: ['.js', '.jsx', '.mjs', '.cjs', '.json', '.ts', '.tsx', '.d.ts', '.mts', '.cts'],
}

/** Script extensions, longest first so '.d.ts' wins over '.ts'. */
const SCRIPT_EXTENSIONS = ['.d.mts', '.d.cts', '.d.ts', '.mts', '.cts', '.tsx', '.ts', '.mjs', '.cjs', '.jsx', '.js'] as const

/** What TypeScript tries for a specifier written with a script extension (on the path without it). */
const REPLACED: Readonly<Record<(typeof SCRIPT_EXTENSIONS)[number], readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.ts': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.d.ts': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.jsx': ['.tsx', '.ts', '.d.ts', '.jsx', '.js'],
  '.tsx': ['.tsx', '.ts', '.d.ts', '.jsx', '.js'],
  '.mjs': ['.mts', '.d.mts', '.mjs'],
  '.mts': ['.mts', '.d.mts', '.mjs'],
  '.d.mts': ['.mts', '.d.mts', '.mjs'],
  '.cjs': ['.cts', '.d.cts', '.cjs'],
  '.cts': ['.cts', '.d.cts', '.cjs'],
  '.d.cts': ['.cts', '.d.cts', '.cjs'],
}

/** Package fields naming a directory's entry file, in the order each kind of importer reads them. */
export const ENTRY_FIELDS: Readonly<Record<ImporterFlavour, readonly string[]>> = {
  ts: ['types', 'typings', 'main', 'module'],
  js: ['main', 'module', 'types', 'typings'],
}

export function scriptExtensionOf(path: string): (typeof SCRIPT_EXTENSIONS)[number] | null {
  return SCRIPT_EXTENSIONS.find((ext) => path.endsWith(ext) && path.length > ext.length && path[path.length - ext.length - 1] !== '/') ?? null
}

export interface FileProbe {
  /** The file or directory `candidate` names, with extension probing and index files. */
  module(candidate: string, flavour: ImporterFlavour): FileLookup
  /**
   * A file a package field or an exports target names: exact, or the TypeScript source of a script
   * extension; no extensions added and no directories, as Node and TypeScript do for exports.
   */
  entry(candidate: string, flavour: ImporterFlavour): FileLookup
  /** The index file of a folder (index.ts, index.js…), package.json not read. */
  index(dir: string, flavour: ImporterFlavour): FileLookup
}

export function createFileProbe(paths: ReadonlySet<string>, manifests: PackageManifests): FileProbe {
  const firstExisting = (candidates: readonly string[]): string | null => candidates.find((c) => paths.has(c)) ?? null

  /** The file itself (for the flavour), or null; `tried` collects what was looked for. */
  const asFile = (candidate: string, flavour: ImporterFlavour, addExtensions: boolean): { found: string | null; tried: string } => {
    const ext = scriptExtensionOf(candidate)
    // A package entry written with a TypeScript extension means that file and no other.
    if (ext !== null && !addExtensions && TS_SOURCE.test(ext)) return { found: paths.has(candidate) ? candidate : null, tried: candidate }
    if (ext !== null) {
      const stem = candidate.slice(0, -ext.length)
      const replaced = REPLACED[ext].map((e) => stem + e)
      const order = flavour === 'js' ? [candidate, ...replaced] : replaced
      return { found: firstExisting(order), tried: `${stem}{${unique(order.map((c) => c.slice(stem.length))).join(',')}}` }
    }
    if (paths.has(candidate)) return { found: candidate, tried: candidate }
    if (!addExtensions) return { found: null, tried: candidate }
    const found = firstExisting(ADDED[flavour].map((e) => candidate + e))
    return { found, tried: `${candidate}{,${ADDED[flavour].join(',')}}` }
  }

  const asIndex = (dir: string, flavour: ImporterFlavour): { found: string | null; tried: string } => {
    const index = childPath(dir, 'index')
    return { found: firstExisting(ADDED[flavour].map((e) => index + e)), tried: `${index}{${ADDED[flavour].join(',')}}` }
  }

  const asDirectory = (dir: string, flavour: ImporterFlavour): { found: string | null; tried: string[] } => {
    const tried: string[] = []
    const manifest = manifests.at(dir)
    if (manifest.kind === 'manifest') {
      for (const field of ENTRY_FIELDS[flavour]) {
        const value = manifest.manifest.fields[field]
        if (typeof value !== 'string' || value === '') continue
        const target = joinPath(dir, value)
        if (target === null) continue
        const file = asFile(target, flavour, true)
        if (file.found !== null) return { found: file.found, tried }
        const index = asIndex(target, flavour)
        if (index.found !== null) return { found: index.found, tried }
        tried.push(`${manifest.manifest.path} "${field}" ${file.tried}`)
      }
    }
    const index = asIndex(dir, flavour)
    tried.push(index.tried)
    return { found: index.found, tried }
  }

  return {
    module(candidate, flavour) {
      const file = asFile(candidate, flavour, true)
      if (file.found !== null) return { kind: 'found', path: file.found }
      const dir = asDirectory(candidate, flavour)
      if (dir.found !== null) return { kind: 'found', path: dir.found }
      return { kind: 'missing', tried: [file.tried, ...dir.tried].join(', ') }
    },
    entry(candidate, flavour) {
      const file = asFile(candidate, flavour, false)
      return file.found !== null ? { kind: 'found', path: file.found } : { kind: 'missing', tried: file.tried }
    },
    index(dir, flavour) {
      const index = asIndex(dir, flavour)
      return index.found !== null ? { kind: 'found', path: index.found } : { kind: 'missing', tried: index.tried }
    },
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}
