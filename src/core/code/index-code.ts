import type { Statement } from 'better-sqlite3'
import type { GitBackend } from '../git/git-backend'
import type { Db } from '../store/open-database'
import type { CodeLanguage, ImportSpec, ParsedFile, SymbolRef } from './code-types'
import { languageOfPath } from './parse/languages'
import type { ParsePool } from './parse/parse-pool'
import { storeResolutions } from './store-resolutions'

/** Files larger than this are not parsed: generated bundles and data, not code anyone reads. */
export const MAX_PARSE_BYTES = 1 << 20
/** Parses in flight at once: enough to keep every worker's queue full while the next blobs are read. */
const IN_FLIGHT = 32
/**
 * Parsed files per transaction. Not fewer: a commit writes every page it changed to the WAL again, and
 * references land all over their name-ordered table (50 files per transaction wrote for 45% longer).
 */
const FILES_PER_TRANSACTION = 200
/** References per INSERT statement: a statement per row made writing them a third slower. */
const REFS_PER_STATEMENT = 100

export interface CodeRunInput {
  readonly db: Db
  readonly backend: GitBackend
  readonly pool: ParsePool
  readonly repoId: number
  readonly repoPath: string
  readonly onProgress?: (done: number, total: number) => void
  readonly signal?: AbortSignal
}

export interface CodeRunOutcome {
  readonly parsed: number
  readonly removed: number
  readonly edges: number
}

interface HeadFile {
  readonly id: number
  readonly path: string
  readonly size: number | null
  readonly oid: string
  readonly parsedOid: string | null
}

/**
 * Brings the code structure of one repository up to the tree at HEAD: files whose content (blob id)
 * changed are parsed again in worker threads; then every import is resolved again against the
 * current tree, because an added or removed file can change what an unchanged import points at.
 */
export async function indexCode(input: CodeRunInput): Promise<CodeRunOutcome> {
  const { db, backend, pool, repoId, repoPath, onProgress, signal } = input
  const head = (
    db
      .prepare(
        `SELECT f.id, f.path, f.size, f.blob_oid AS oid, cf.blob_oid AS parsedOid FROM files f LEFT JOIN code_files cf ON cf.file_id = f.id
         WHERE f.repo_id = ? AND f.in_head = 1 AND f.blob_oid IS NOT NULL AND f.kind NOT IN ('vendored', 'generated', 'binary')`,
      )
      .all(repoId) as HeadFile[]
  ).filter((f) => languageOfPath(f.path) !== null)

  // Code rows of files that left HEAD (or stopped being code) go.
  const keep = new Set(head.map((f) => f.id))
  const stale = (db.prepare('SELECT cf.file_id FROM code_files cf JOIN files f ON f.id = cf.file_id WHERE f.repo_id = ?').pluck().all(repoId) as number[]).filter(
    (id) => !keep.has(id),
  )
  const removeFile = db.prepare('DELETE FROM code_files WHERE file_id = ?')
  db.transaction(() => {
    for (const id of stale) removeFile.run(id)
  })()

  const todo = head.filter((f) => f.oid !== f.parsedOid)
  // Without workers nothing can be parsed: stop here rather than record every file as unparseable.
  if (todo.length > 0) pool.assertUsable()
  const writer = new ParsedWriter(db)
  let done = 0
  onProgress?.(0, todo.length)
  const tooLarge = todo.filter((f) => (f.size ?? 0) > MAX_PARSE_BYTES)
  for (const file of tooLarge) writer.add(file, languageOf(file), { skipped: `larger than ${MAX_PARSE_BYTES} bytes` })
  const toRead = todo.filter((f) => (f.size ?? 0) <= MAX_PARSE_BYTES)
  const byOid = new Map<string, HeadFile[]>()
  for (const file of toRead) byOid.set(file.oid, [...(byOid.get(file.oid) ?? []), file])

  const inFlight = new Set<Promise<void>>()
  await backend.readBlobs(repoPath, [...byOid.keys()], async ({ oid, content }) => {
    if (signal?.aborted) throw signal.reason
    for (const file of byOid.get(oid) ?? []) {
      const language = languageOf(file)
      const text = content === null ? null : textOf(content)
      if (text === null) {
        writer.add(file, language, { skipped: content === null ? 'object missing from the repository' : 'not text' })
        continue
      }
      const job = pool.parse(language, text).then(
        (parsed) => writer.add(file, language, { parsed, declares: declarationsOf(language, text) }),
        (error: unknown) => writer.add(file, language, { skipped: `could not be parsed: ${error instanceof Error ? error.message : String(error)}` }),
      )
      const tracked = job.finally(() => {
        inFlight.delete(tracked)
        onProgress?.(++done, todo.length)
      })
      inFlight.add(tracked)
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight)
    }
  })
  await Promise.all(inFlight)
  writer.flush()

  const edges = await storeResolutions(db, repoId, backend, repoPath, stale.length > 0 ? null : new Set(todo.map((f) => f.id)))
  return { parsed: todo.length, removed: stale.length, edges }
}

function languageOf(file: HeadFile): CodeLanguage {
  return languageOfPath(file.path) as CodeLanguage
}

/** UTF-8 text, or null for content with NUL bytes (binary whatever its name says). */
function textOf(content: Buffer): string | null {
  if (content.includes(0)) return null
  return content.toString('utf8')
}

/** Java's package and C#'s namespaces: what resolving an import by package needs from each file. */
function declarationsOf(language: CodeLanguage, text: string): string | null {
  const pattern = language === 'java' ? /^\s*package\s+([\w.]+)\s*;/gm : language === 'csharp' ? /^\s*namespace\s+([\w.]+)/gm : null
  if (pattern === null) return null
  const names = [...text.matchAll(pattern)].map((m) => m[1] as string)
  return names.length === 0 ? null : names.join(' ')
}

type ParseResult = { readonly parsed: ParsedFile; readonly declares: string | null } | { readonly skipped: string }

/** Writes parse results in transactions of FILES_PER_TRANSACTION, replacing what a file had. */
class ParsedWriter {
  readonly #db: Db
  readonly #pending: { file: HeadFile; language: CodeLanguage; result: ParseResult }[] = []
  readonly #upsert: Statement
  readonly #clear: readonly Statement[]
  readonly #addImport: Statement
  readonly #addSymbol: Statement
  readonly #addRef: Statement
  readonly #addRefs: Statement

  constructor(db: Db) {
    this.#db = db
    this.#upsert = db.prepare(
      `INSERT INTO code_files (file_id, blob_oid, language, skipped, declares) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (file_id) DO UPDATE SET blob_oid = excluded.blob_oid, language = excluded.language, skipped = excluded.skipped, declares = excluded.declares`,
    )
    this.#clear = [
      db.prepare('DELETE FROM code_imports WHERE file_id = ?'),
      db.prepare('DELETE FROM code_symbols WHERE file_id = ?'),
      db.prepare('DELETE FROM code_refs WHERE file_id = ?'),
    ]
    this.#addImport = db.prepare(
      'INSERT INTO code_imports (file_id, seq, specifier, kind, line, type_only, level, names, system) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    this.#addSymbol = db.prepare(
      'INSERT INTO code_symbols (file_id, name, kind, start_line, end_line, exported, container) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    const addRefs = (rows: number): string => `INSERT OR IGNORE INTO code_refs (name, file_id, line) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')}`
    this.#addRef = db.prepare(addRefs(1))
    this.#addRefs = db.prepare(addRefs(REFS_PER_STATEMENT))
  }

  add(file: HeadFile, language: CodeLanguage, result: ParseResult): void {
    this.#pending.push({ file, language, result })
    if (this.#pending.length >= FILES_PER_TRANSACTION) this.flush()
  }

  flush(): void {
    if (this.#pending.length === 0) return
    const batch = this.#pending.splice(0)
    this.#db.transaction(() => {
      for (const { file, language, result } of batch) {
        // A file never parsed before has no rows to replace.
        if (file.parsedOid !== null) for (const statement of this.#clear) statement.run(file.id)
        if ('skipped' in result) {
          this.#upsert.run(file.id, file.oid, language, result.skipped, null)
          continue
        }
        this.#upsert.run(file.id, file.oid, language, null, result.declares)
        result.parsed.imports.forEach((spec: ImportSpec, seq) =>
          this.#addImport.run(file.id, seq, spec.specifier, spec.kind, spec.line, spec.typeOnly ? 1 : 0, spec.level ?? null, spec.names ? JSON.stringify(spec.names) : null, spec.system ? 1 : 0),
        )
        for (const s of result.parsed.symbols) this.#addSymbol.run(file.id, s.name, s.kind, s.startLine, s.endLine, s.exported ? 1 : 0, s.container ?? null)
        this.#insertRefs(file.id, result.parsed.references)
      }
    })()
  }

  /** REFS_PER_STATEMENT rows per statement: most files have over a hundred references. */
  #insertRefs(fileId: number, refs: readonly SymbolRef[]): void {
    const values: (string | number)[] = []
    let next = 0
    for (; next + REFS_PER_STATEMENT <= refs.length; next += REFS_PER_STATEMENT) {
      values.length = 0
      for (const ref of refs.slice(next, next + REFS_PER_STATEMENT)) values.push(ref.name, fileId, ref.line)
      this.#addRefs.run(values)
    }
    for (const ref of refs.slice(next)) this.#addRef.run(ref.name, fileId, ref.line)
  }
}
