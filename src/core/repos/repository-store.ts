import type { RepositoryLayout } from '../git/inspect-repository'
import type { Db } from '../store/open-database'

export interface RepositoryRow {
  readonly id: number
  readonly path: string
  readonly name: string
  readonly layout: RepositoryLayout
  readonly addedAt: string
  readonly indexedHead: string | null
  readonly lastIndexedAt: string | null
  readonly commits: number
  readonly files: number
  readonly people: number
  readonly filesAtHead: number
  readonly shallow: boolean
  /** The commit whose tree is stored as the files at HEAD. */
  readonly treeHead: string | null
  /** The commit whose tree the code structure was last brought up to. */
  readonly codeHead: string | null
}

const COLUMNS = `id, path, name, layout, added_at AS addedAt, indexed_head AS indexedHead,
  last_indexed_at AS lastIndexedAt, commit_count AS commits, file_count AS files, person_count AS people,
  (SELECT COUNT(*) FROM files f WHERE f.repo_id = repositories.id AND f.in_head = 1) AS filesAtHead,
  shallow, tree_head AS treeHead, code_head AS codeHead`

/** The repositories table: which repositories are known and what their last index run found. */
export class RepositoryStore {
  readonly #db: Db

  constructor(db: Db) {
    this.#db = db
  }

  list(): RepositoryRow[] {
    return (this.#db.prepare(`SELECT ${COLUMNS} FROM repositories ORDER BY name COLLATE NOCASE, id`).all() as RawRow[]).map(toRow)
  }

  get(id: number): RepositoryRow | undefined {
    const row = this.#db.prepare(`SELECT ${COLUMNS} FROM repositories WHERE id = ?`).get(id) as RawRow | undefined
    return row && toRow(row)
  }

  findByPath(path: string): RepositoryRow | undefined {
    const row = this.#db.prepare(`SELECT ${COLUMNS} FROM repositories WHERE path = ?`).get(path) as RawRow | undefined
    return row && toRow(row)
  }

  /** Registers a repository, or returns the existing row for the same path. */
  ensure(repo: { path: string; name: string; layout: RepositoryLayout }): RepositoryRow {
    this.#db
      .prepare(`INSERT INTO repositories (path, name, layout, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (path) DO NOTHING`)
      .run(repo.path, repo.name, repo.layout, new Date().toISOString())
    return this.findByPath(repo.path) as RepositoryRow
  }

  /** Records a completed run: the head it reached and fresh counts, in one transaction. */
  completeRun(id: number, head: string, options: { pruneFiles: boolean; shallow: boolean }): RepositoryRow {
    this.#db.transaction(() => {
      if (options.pruneFiles) {
        this.#db
          .prepare(
            `DELETE FROM files WHERE repo_id = ? AND in_head = 0 AND NOT EXISTS (SELECT 1 FROM file_changes c WHERE c.file_id = files.id)
               AND NOT EXISTS (SELECT 1 FROM file_changes c WHERE c.old_file_id = files.id)`,
          )
          .run(id)
        // Commits that were rewritten away may have been some files' last commits.
        this.#db
          .prepare(
            `UPDATE files SET last_commit_id = nullif(max(
               coalesce((SELECT MAX(commit_id) FROM file_changes WHERE file_id = files.id), 0),
               coalesce((SELECT MAX(commit_id) FROM file_changes WHERE old_file_id = files.id), 0)), 0)
             WHERE repo_id = ?`,
          )
          .run(id)
      }
      this.#db
        .prepare(
          `UPDATE repositories SET indexed_head = @head, last_indexed_at = @now, shallow = @shallow,
             commit_count = (SELECT COUNT(*) FROM commits WHERE repo_id = @id),
             file_count = (SELECT COUNT(*) FROM files WHERE repo_id = @id),
             person_count = (SELECT COUNT(*) FROM (
               SELECT author_id FROM commits WHERE repo_id = @id UNION SELECT committer_id FROM commits WHERE repo_id = @id))
           WHERE id = @id`,
        )
        .run({ id, head, now: new Date().toISOString(), shallow: options.shallow ? 1 : 0 })
    })()
    return this.get(id) as RepositoryRow
  }

  /** Records that the code structure matches the tree of `head`. */
  setCodeHead(id: number, head: string): void {
    this.#db.prepare('UPDATE repositories SET code_head = ? WHERE id = ?').run(head, id)
  }

  /** Marks a run that found nothing new. */
  touch(id: number): void {
    this.#db.prepare('UPDATE repositories SET last_indexed_at = ? WHERE id = ?').run(new Date().toISOString(), id)
  }

  remove(id: number): boolean {
    return this.#db.prepare('DELETE FROM repositories WHERE id = ?').run(id).changes > 0
  }
}

type RawRow = Omit<RepositoryRow, 'shallow'> & { readonly shallow: number }

function toRow(raw: RawRow): RepositoryRow {
  return { ...raw, shallow: raw.shallow === 1 }
}
