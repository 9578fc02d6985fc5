// Coop's JavaScript/TypeScript file → file edges (read from the database) against dependency-cruiser's,
// with every disagreement grouped by importing file and what each side made of the import.
import type Database from 'better-sqlite3'
import type { CodeLanguage } from '../src/core/code/code-types'
import { languageOfPath } from '../src/core/code/parse/languages'
import { compareEdges } from '../src/core/code/resolve/js/compare-edges'

/** The languages dependency-cruiser reads too (a language of code_files, or languageOfPath's answer). */
export const JS_TS: ReadonlySet<string | null> = new Set<CodeLanguage>(['typescript', 'tsx', 'javascript'])

/** One import as dependency-cruiser saw it: importer, specifier as written, resolved path or null. */
export type CruisedImport = readonly [from: string, specifier: string, resolved: string | null]

/** What dependency-cruiser printed (bench/cruise-child.mjs). */
export interface CruiseOutput {
  readonly cruiseMs: number
  readonly files: readonly string[]
  readonly edges: readonly (readonly [string, string])[]
  readonly imports: readonly CruisedImport[]
}

export interface EdgeNote {
  /** The other end of the edge. */
  readonly to: string
  /** The import as written in the file (several when more than one import leads there). */
  readonly specifiers: readonly string[]
  /** What the other side made of the same specifiers. */
  readonly otherSide: string
}

export interface FileDisagreement {
  readonly file: string
  /** Why Coop has no edges from this file at all, when that is the reason (vendored, generated, skipped). */
  readonly coopDidNotParse?: string
  readonly onlyCoop: readonly EdgeNote[]
  readonly onlyDependencyCruiser: readonly EdgeNote[]
}

export interface EdgeFigures {
  readonly coopEdges: number
  readonly dependencyCruiserEdges: number
  readonly shared: number
  readonly precision: number
  readonly recall: number
  /** Disagreeing edges in all (both directions). */
  readonly disagreements: number
  readonly byFile: readonly FileDisagreement[]
}

interface ImportRow {
  readonly fromPath: string
  readonly language: string
  readonly specifier: string
  readonly toPath: string | null
  readonly ecosystem: string | null
  readonly name: string | null
  readonly unresolved: string | null
}

/** Compares the stored edges of `repoId` with dependency-cruiser's, JS/TS importers on both sides. */
export function compareWithDependencyCruiser(db: Database.Database, repoId: number, cruised: CruiseOutput): EdgeFigures {
  const rows = db
    .prepare(
      `SELECT ff.path AS fromPath, cf.language, i.specifier, tf.path AS toPath, x.ecosystem, x.name, e.unresolved
       FROM code_imports i JOIN code_files cf ON cf.file_id = i.file_id JOIN files ff ON ff.id = i.file_id
       LEFT JOIN code_edges e ON e.file_id = i.file_id AND e.seq = i.seq
       LEFT JOIN files tf ON tf.id = e.target_file_id LEFT JOIN code_externals x ON x.id = e.external_id
       WHERE ff.repo_id = ? AND cf.language IN ('typescript', 'tsx', 'javascript')`,
    )
    .all(repoId) as ImportRow[]
  const ours = rows.filter((r) => r.toPath !== null).map((r) => [r.fromPath, r.toPath] as [string, string])
  const theirs = cruised.edges.filter(([from]) => JS_TS.has(languageOfPath(from)))
  const comparison = compareEdges(ours, theirs)

  // What each side made of each specifier in each file, to explain a disagreement in one line.
  const coopSays = new Map<string, string[]>()
  const coopSpecifiers = new Map<string, string[]>()
  for (const r of rows) {
    const said = r.toPath ?? (r.name !== null ? `external ${r.ecosystem}:${r.name}` : `unresolved (${r.unresolved ?? 'no reason'})`)
    push(coopSays, `${r.fromPath}\0${r.specifier}`, said)
    if (r.toPath !== null) push(coopSpecifiers, `${r.fromPath}\0${r.toPath}`, r.specifier)
  }
  const theySay = new Map<string, string[]>()
  const theirSpecifiers = new Map<string, string[]>()
  for (const [from, specifier, resolved] of cruised.imports) {
    push(theySay, `${from}\0${specifier}`, resolved ?? 'could not resolve')
    if (resolved !== null) push(theirSpecifiers, `${from}\0${resolved}`, specifier)
  }
  const describe = (says: ReadonlyMap<string, string[]>, from: string, specifiers: readonly string[], side: string): string => {
    const answers = [...new Set(specifiers.flatMap((s) => says.get(`${from}\0${s}`) ?? []))]
    return answers.length === 0 ? `${side} has no such import` : `${side}: ${answers.join(', ')}`
  }

  const notParsed = filesCoopDidNotParse(db, repoId)
  const byFile = new Map<string, { onlyCoop: EdgeNote[]; onlyDependencyCruiser: EdgeNote[] }>()
  const entry = (file: string): { onlyCoop: EdgeNote[]; onlyDependencyCruiser: EdgeNote[] } => {
    let e = byFile.get(file)
    if (!e) byFile.set(file, (e = { onlyCoop: [], onlyDependencyCruiser: [] }))
    return e
  }
  for (const [from, to] of comparison.onlyOurs) {
    const specifiers = unique(coopSpecifiers.get(`${from}\0${to}`))
    entry(from).onlyCoop.push({ to, specifiers, otherSide: describe(theySay, from, specifiers, 'dependency-cruiser') })
  }
  for (const [from, to] of comparison.onlyTheirs) {
    const specifiers = unique(theirSpecifiers.get(`${from}\0${to}`))
    entry(from).onlyDependencyCruiser.push({ to, specifiers, otherSide: describe(coopSays, from, specifiers, 'coop') })
  }
  const ourCount = new Set(ours.map(([f, t]) => `${f}\0${t}`)).size
  const theirCount = new Set(theirs.map(([f, t]) => `${f}\0${t}`)).size
  return {
    coopEdges: ourCount,
    dependencyCruiserEdges: theirCount,
    shared: ourCount - comparison.onlyOurs.length,
    precision: comparison.precision,
    recall: comparison.recall,
    disagreements: comparison.onlyOurs.length + comparison.onlyTheirs.length,
    byFile: [...byFile.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([file, e]) => {
        const reason = notParsed.get(file)
        return { file, ...(reason === undefined ? {} : { coopDidNotParse: reason }), ...e }
      }),
  }
}

/** Files at HEAD that Coop has no parsed code for, with the reason (its kind, or why parsing skipped it). */
function filesCoopDidNotParse(db: Database.Database, repoId: number): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT f.path, f.kind, cf.file_id IS NOT NULL AS coded, cf.skipped FROM files f LEFT JOIN code_files cf ON cf.file_id = f.id
       WHERE f.repo_id = ? AND f.in_head = 1 AND (cf.file_id IS NULL OR cf.skipped IS NOT NULL)`,
    )
    .all(repoId) as { path: string; kind: string; coded: number; skipped: string | null }[]
  return new Map(rows.map((r) => [r.path, r.skipped !== null ? `skipped: ${r.skipped}` : `classified as ${r.kind}, not parsed`]))
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function unique(list: readonly string[] | undefined): string[] {
  return [...new Set(list ?? [])]
}
