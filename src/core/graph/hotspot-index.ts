import type { Db } from '../store/open-database'
import { prefixRange } from './graph-context'

/**
 * Where the stored history and tree of a repository stand: every index run that changes them changes
 * one of these, from this process or another. Not last_indexed_at: a refresh that found nothing sets it.
 */
export function hotspotIndexKey(db: Db, repoId: number): string | undefined {
  const row = db
    .prepare('SELECT indexed_head, tree_head, commit_count, file_count, stats_commit_id FROM repositories WHERE id = ?')
    .raw()
    .get(repoId) as unknown[] | undefined
  return row?.join('\0')
}

/**
 * The changes that can count towards a hotspot (source files at HEAD, authors who are not bots), in
 * typed arrays grouped per file, oldest first. Reading them from SQLite takes longer than a window
 * query may, so they are read once per indexed state and every window is a loop over memory.
 */
export class HotspotIndex {
  /** Per file (dense, in file id order). */
  readonly paths: readonly string[]
  readonly sizes: readonly (number | null)[]
  /** The changes of file f are [start[f], start[f + 1]). */
  readonly #start: Int32Array
  readonly #time: Float64Array
  /** From a change to the file's newest: lines added plus removed, and distinct authors. */
  readonly #churnFrom: Float64Array
  readonly #authorsFrom: Int32Array

  private constructor(paths: string[], sizes: (number | null)[], start: Int32Array, time: Float64Array, churnFrom: Float64Array, authorsFrom: Int32Array) {
    this.paths = paths
    this.sizes = sizes
    this.#start = start
    this.#time = time
    this.#churnFrom = churnFrom
    this.#authorsFrom = authorsFrom
  }

  /** Call inside a transaction: the files and the changes must come from the same snapshot. */
  static build(db: Db, repoId: number): HotspotIndex {
    const files = db
      .prepare(`SELECT id, path, size FROM files WHERE repo_id = ? AND in_head = 1 AND kind = 'source' ORDER BY id`)
      .raw()
      .all(repoId) as [number, string, number | null][]
    const firstId = files[0]?.[0] ?? 0
    const denseOf = new Int32Array(files.length === 0 ? 0 : (files[files.length - 1]?.[0] ?? 0) - firstId + 1).fill(-1)
    files.forEach(([id], dense) => (denseOf[id - firstId] = dense))

    // Commits walked in time order (their index gives it for free), files joined and grouped here:
    // on 100k commits this takes a third of the time SQLite needs to join files and sort by file.
    const rows = db
      .prepare(
        `SELECT fc.file_id, c.committed_at, c.author_id, COALESCE(fc.added, 0) + COALESCE(fc.removed, 0)
         FROM commits c JOIN people p ON p.id = c.author_id JOIN file_changes fc ON fc.commit_id = c.id
         WHERE c.repo_id = ? AND p.is_bot = 0 ORDER BY c.committed_at`,
      )
      .raw()
      .all(repoId) as [number, number, number, number][]

    // A counting sort by file: stable, so each file's changes stay oldest first.
    const fileOfRow = new Int32Array(rows.length)
    const start = new Int32Array(files.length + 1)
    let maxAuthor = 0
    for (let r = 0; r < rows.length; r++) {
      const [fileId, , authorId] = rows[r] as (typeof rows)[number]
      const offset = fileId - firstId
      const dense = offset >= 0 && offset < denseOf.length ? (denseOf[offset] as number) : -1
      fileOfRow[r] = dense
      if (dense < 0) continue
      start[dense + 1] = (start[dense + 1] as number) + 1
      if (authorId > maxAuthor) maxAuthor = authorId
    }
    for (let f = 0; f < files.length; f++) start[f + 1] = (start[f + 1] as number) + (start[f] as number)
    const count = start[files.length] as number
    const time = new Float64Array(count)
    const churn = new Float64Array(count)
    const author = new Int32Array(count)
    const next = start.slice(0, files.length)
    for (let r = 0; r < rows.length; r++) {
      const dense = fileOfRow[r] as number
      if (dense < 0) continue
      const [, committedAt, authorId, lines] = rows[r] as (typeof rows)[number]
      const at = next[dense] as number
      next[dense] = at + 1
      time[at] = committedAt
      churn[at] = lines
      author[at] = authorId
    }

    // Sums from each change to the newest, so a window [since, now) is one lookup per file.
    const churnFrom = new Float64Array(count)
    const authorsFrom = new Int32Array(count)
    const seenIn = new Int32Array(maxAuthor + 1).fill(-1)
    for (let f = 0; f < files.length; f++) {
      let lines = 0
      let authors = 0
      for (let i = (start[f + 1] as number) - 1; i >= (start[f] as number); i--) {
        lines += churn[i] as number
        const a = author[i] as number
        if (seenIn[a] !== f) {
          seenIn[a] = f
          authors++
        }
        churnFrom[i] = lines
        authorsFrom[i] = authors
      }
    }
    return new HotspotIndex(
      files.map((f) => f[1]),
      files.map((f) => f[2]),
      start,
      time,
      churnFrom,
      authorsFrom,
    )
  }

  get fileCount(): number {
    return this.paths.length
  }

  /** Calls `visit` for every file below `under` with changes at or after `since` (unix seconds), in file order. */
  forEachInWindow(since: number, under: string, visit: (file: number, commits: number, churn: number, authors: number) => void): void {
    const { lo, hi } = prefixRange(under)
    const start = this.#start
    const time = this.#time
    for (let f = 0; f < this.paths.length; f++) {
      const end = start[f + 1] as number
      let first = start[f] as number
      if (first === end || (time[end - 1] as number) < since) continue
      // '' is every path (and as a UTF-16 bound '\u{10FFFF}' would sort below paths starting in U+E000–U+FFFF).
      if (under !== '') {
        const path = this.paths[f] as string
        if (path < lo || path >= hi) continue
      }
      // The first change at or after `since` (the newest is known to be in the window).
      let last = end - 1
      while (first < last) {
        const mid = (first + last) >>> 1
        if ((time[mid] as number) < since) first = mid + 1
        else last = mid
      }
      visit(f, end - first, this.#churnFrom[first] as number, this.#authorsFrom[first] as number)
    }
  }
}
