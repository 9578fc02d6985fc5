import type { Statement } from 'better-sqlite3'
import { classifyPath, languageOf } from '../files/classify-file'
import { parentFolder } from '../files/folders'
import type { GitCommit, GitPerson } from '../git/read-history'
import { isBot } from '../people/detect-bot'
import type { Db } from '../store/open-database'

/**
 * Writes commits, people, files and file changes for one repository. Each batch is one transaction:
 * a crash loses at most the batch in flight, and a commit already present is skipped, so a run that
 * resumes after a crash never writes anything twice.
 */
export class HistoryWriter {
  readonly #db: Db
  readonly #repoId: number
  readonly #people = new Map<string, { id: number; name: string }>()
  readonly #files = new Map<string, number>()
  readonly #upsertPerson: Statement<[string, string, string, number], { id: number }>
  readonly #renamePerson: Statement<[string, number]>
  readonly #insertCommit: Statement<[number, string, string, number, number, number, number, string, number], { id: number }>
  readonly #upsertFile: Statement<[number, string, string, string | null, string], { id: number }>
  /** The newest commit of this run that touched each file. */
  readonly #lastCommit = new Map<number, number>()
  /** Commits an interrupted run stored, found again by this one. */
  readonly #resumedCommits: number[] = []
  readonly #insertChange: Statement<[number, number, number | null, number | null, number | null]>
  readonly #commitId: Statement<[number, string], number>

  constructor(db: Db, repoId: number) {
    this.#db = db
    this.#repoId = repoId
    this.#upsertPerson = db.prepare(
      `INSERT INTO people (identity, name, email, is_bot) VALUES (?, ?, ?, ?)
       ON CONFLICT (identity) DO UPDATE SET name = excluded.name RETURNING id`,
    )
    this.#renamePerson = db.prepare('UPDATE people SET name = ? WHERE id = ?')
    this.#insertCommit = db.prepare(
      `INSERT INTO commits (repo_id, hash, parents, author_id, committer_id, authored_at, committed_at, subject, file_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (repo_id, hash) DO NOTHING RETURNING id`,
    )
    this.#upsertFile = db.prepare(
      `INSERT INTO files (repo_id, path, dir, language, kind) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (repo_id, path) DO UPDATE SET path = excluded.path RETURNING id`,
    )

    this.#insertChange = db.prepare(
      'INSERT OR IGNORE INTO file_changes (commit_id, file_id, old_file_id, added, removed) VALUES (?, ?, ?, ?, ?)',
    )
    this.#commitId = db.prepare<[number, string], number>('SELECT id FROM commits WHERE repo_id = ? AND hash = ?').pluck()
  }

  /**
   * Drops hashes that are already stored: left over from a run that was interrupted. Their files'
   * last commits were never recorded (that happens once, at the end of a run), so finish() does it.
   */
  missing(hashes: readonly string[]): string[] {
    // A first index has nothing stored: no need to look up every one of its hashes.
    if (this.#db.prepare('SELECT 1 FROM commits WHERE repo_id = ? LIMIT 1').get(this.#repoId) === undefined) return [...hashes]
    const missing: string[] = []
    for (const hash of hashes) {
      const stored = this.#commitId.get(this.#repoId, hash)
      if (stored === undefined) missing.push(hash)
      else this.#resumedCommits.push(stored)
    }
    return missing
  }

  /** Writes a batch of commits in one transaction; returns how many were new. */
  writeBatch(commits: readonly GitCommit[]): number {
    return this.#db.transaction(() => {
      let added = 0
      for (const commit of commits) if (this.#writeCommit(commit)) added++
      return added
    })()
  }

  /**
   * Records each touched file's last commit, once per run rather than once per change (a full index
   * touches the same files hundreds of thousands of times). Commits are written oldest first and
   * ids only grow, so the last commit seen for a file in this run is its newest.
   */
  finish(): void {
    const set = this.#db.prepare('UPDATE files SET last_commit_id = ? WHERE id = ?')
    const recompute = this.#db.prepare(
      `UPDATE files SET last_commit_id = nullif(max(
         coalesce((SELECT MAX(commit_id) FROM file_changes WHERE file_id = @id), 0),
         coalesce((SELECT MAX(commit_id) FROM file_changes WHERE old_file_id = @id), 0)), 0) WHERE id = @id`,
    )
    const resumedFiles = this.#db.prepare('SELECT file_id AS a, old_file_id AS b FROM file_changes WHERE commit_id = ?')
    this.#db.transaction(() => {
      const recomputed = new Set<number>()
      for (const commitId of this.#resumedCommits) {
        for (const { a, b } of resumedFiles.all(commitId) as { a: number; b: number | null }[]) {
          for (const id of b === null ? [a] : [a, b]) if (!this.#lastCommit.has(id)) recomputed.add(id)
        }
      }
      for (const id of recomputed) recompute.run({ id })
      for (const [id, commitId] of this.#lastCommit) set.run(commitId, id)
    })()
    this.#lastCommit.clear()
    this.#resumedCommits.length = 0
  }

  #writeCommit(commit: GitCommit): boolean {
    const row = this.#insertCommit.get(
      this.#repoId,
      commit.hash,
      commit.parents.join(' '),
      this.#personId(commit.author),
      this.#personId(commit.committer),
      commit.authoredAt,
      commit.committedAt,
      commit.subject,
      commit.changes.length,
    )
    if (!row) return false
    for (const change of commit.changes) {
      const fileId = this.#fileId(change.path)
      const oldFileId = change.oldPath === null ? null : this.#fileId(change.oldPath)
      this.#insertChange.run(row.id, fileId, oldFileId, change.added, change.removed)
      this.#lastCommit.set(fileId, row.id)
      if (oldFileId !== null) this.#lastCommit.set(oldFileId, row.id)
    }
    return true
  }

  #personId(person: GitPerson): number {
    const identity = identityOf(person)
    const cached = this.#people.get(identity)
    if (cached) {
      // History is written oldest first, so the latest name a person used wins.
      if (cached.name !== person.name && person.name !== '') {
        this.#renamePerson.run(person.name, cached.id)
        cached.name = person.name
      }
      return cached.id
    }
    const { id } = this.#upsertPerson.get(identity, person.name, person.email, isBot(person.name, person.email) ? 1 : 0) as { id: number }
    this.#people.set(identity, { id, name: person.name })
    return id
  }

  #fileId(path: string): number {
    let id = this.#files.get(path)
    if (id === undefined) {
      id = (this.#upsertFile.get(this.#repoId, path, parentFolder(path), languageOf(path), classifyPath(path)) as { id: number }).id
      this.#files.set(path, id)
    }
    return id
  }
}

/** One person per email (case-insensitive); a commit without an email is keyed by its name. */
export function identityOf(person: GitPerson): string {
  const email = person.email.trim().toLowerCase()
  return email !== '' ? email : `name:${person.name.trim()}`
}
