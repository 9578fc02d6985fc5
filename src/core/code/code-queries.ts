import { CoopError } from '../errors/coop-error'
import type { DependencyEdge, DependencyReport, ExternalDependency, ReferenceHit, SymbolHit, UnresolvedImport } from '../../shared/code-graph-types'
import type { Db } from '../store/open-database'

interface EdgeRow {
  readonly fromId: number
  readonly toId: number | null
  readonly fromPath: string
  readonly toPath: string | null
  readonly specifier: string
  readonly line: number
  readonly typeOnly: number
  readonly ecosystem: string | null
  readonly name: string | null
  readonly unresolved: string | null
}

const EDGE_COLUMNS = `e.file_id AS fromId, e.target_file_id AS toId, ff.path AS fromPath, tf.path AS toPath, i.specifier, i.line,
  i.type_only AS typeOnly, x.ecosystem, x.name, e.unresolved`
const EDGE_JOINS = `FROM code_edges e JOIN code_imports i ON i.file_id = e.file_id AND i.seq = e.seq JOIN files ff ON ff.id = e.file_id
  LEFT JOIN files tf ON tf.id = e.target_file_id LEFT JOIN code_externals x ON x.id = e.external_id`

/** The stored file id of a path at HEAD that has code structure, or a clear error. */
export function codeFileId(db: Db, repoId: number, path: string): number {
  const row = db
    .prepare('SELECT f.id, cf.file_id AS parsed, cf.skipped FROM files f LEFT JOIN code_files cf ON cf.file_id = f.id WHERE f.repo_id = ? AND f.path = ? AND f.in_head = 1')
    .get(repoId, path) as { id: number; parsed: number | null; skipped: string | null } | undefined
  if (!row) throw new CoopError('not_found', `No file ${path} at the indexed commit`, { path })
  if (row.parsed === null) throw new CoopError('not_found', `${path} is not source code Coop parses (see coop deps --help for the languages)`, { path })
  if (row.skipped !== null) throw new CoopError('unsupported', `${path} was not parsed: ${row.skipped}`, { path })
  return row.id
}

/**
 * What a file imports, or what imports it, transitively up to `maxDepth` steps (breadth first, so
 * each file is reported at its shortest distance).
 */
export function dependencies(db: Db, repoId: number, path: string, options: { reverse: boolean; maxDepth: number }): DependencyReport {
  const start = codeFileId(db, repoId, path)
  const step = db.prepare(`SELECT ${EDGE_COLUMNS} ${EDGE_JOINS} WHERE ${options.reverse ? 'e.target_file_id' : 'e.file_id'} = ? ORDER BY i.seq`)
  const seen = new Map<number, number>([[start, 0]])
  const files: { path: string; depth: number }[] = []
  const edges: DependencyEdge[] = []
  const external: ExternalDependency[] = []
  const unresolved: UnresolvedImport[] = []
  let frontier = [start]
  for (let depth = 1; depth <= options.maxDepth && frontier.length > 0; depth++) {
    const next: number[] = []
    for (const id of frontier) {
      for (const row of step.all(id) as EdgeRow[]) {
        if (row.toId === null) {
          // Externals and unresolved imports are the asked file's own (or, transitively, its imports').
          if (options.reverse) continue
          if (row.name !== null) external.push({ from: row.fromPath, ecosystem: row.ecosystem ?? '', name: row.name, specifier: row.specifier, line: row.line })
          else unresolved.push({ from: row.fromPath, specifier: row.specifier, line: row.line, reason: row.unresolved ?? '' })
          continue
        }
        const other = options.reverse ? row.fromId : row.toId
        edges.push({ from: row.fromPath, to: row.toPath ?? '', depth, specifier: row.specifier, line: row.line, typeOnly: row.typeOnly === 1 })
        if (seen.has(other)) continue
        seen.set(other, depth)
        files.push({ path: options.reverse ? row.fromPath : (row.toPath ?? ''), depth })
        next.push(other)
      }
    }
    frontier = next
  }
  return { path, direction: options.reverse ? 'dependents' : 'imports', depth: options.maxDepth, files, edges, external, unresolved }
}

/** Where a symbol is defined: exact name first; if none, names that match ignoring case. */
export function findSymbols(db: Db, repoId: number, name: string, limit = 100): SymbolHit[] {
  const query = (where: string): SymbolHit[] =>
    (
      db
        .prepare(
          `SELECT s.name, s.kind, f.path, s.start_line AS startLine, s.end_line AS endLine, s.exported, s.container
           FROM code_symbols s JOIN files f ON f.id = s.file_id WHERE f.repo_id = ? AND ${where} ORDER BY s.exported DESC, f.path, s.start_line LIMIT ?`,
        )
        .all(repoId, name, limit) as (Omit<SymbolHit, 'exported'> & { exported: number })[]
    ).map((r) => ({ ...r, exported: r.exported === 1 }))
  const exact = query('s.name = ?')
  return exact.length > 0 ? exact : query('s.name = ? COLLATE NOCASE')
}

/** Files that use a name, with the lines; files importing a definition of it first. */
export function findReferences(db: Db, repoId: number, name: string, limit = 200): ReferenceHit[] {
  const rows = db
    .prepare(
      `SELECT f.path, group_concat(r.line) AS lines,
         EXISTS (SELECT 1 FROM code_edges e JOIN code_symbols s ON s.file_id = e.target_file_id WHERE e.file_id = r.file_id AND s.name = r.name) AS importsDefinition
       FROM code_refs r JOIN files f ON f.id = r.file_id WHERE r.name = ? AND f.repo_id = ?
       GROUP BY r.file_id ORDER BY importsDefinition DESC, f.path LIMIT ?`,
    )
    .all(name, repoId, limit) as { path: string; lines: string; importsDefinition: number }[]
  return rows.map((r) => ({
    path: r.path,
    lines: r.lines
      .split(',')
      .map(Number)
      .sort((a, b) => a - b),
    importsDefinition: r.importsDefinition === 1,
  }))
}

/** Test files by the conventions of the languages parsed. */
export function isTestPath(path: string): boolean {
  return (
    /(^|\/)(test|tests|__tests__|spec|specs)\//.test(path) ||
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(path) ||
    /_test\.(go|py)$/.test(path) ||
    /(^|\/)test_[^/]*\.py$/.test(path) ||
    /Tests?\.(java|cs)$/.test(path) ||
    /_spec\.rb$/.test(path)
  )
}
