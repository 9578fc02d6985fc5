import { classifyPath } from '../files/classify-file'
import { foldersAbove } from '../files/folders'
import type { Db } from '../store/open-database'

/** Weights of folder statistics halve every DEFAULT half-life, counted from 2000-01-01. */
export const STATS_HALF_LIFE_DAYS = 180
export const STATS_EPOCH = Date.UTC(2000, 0, 1) / 1000

/** The recency weight stored in dir_owner_stats for a change authored at `authoredAt` (unix seconds). */
export function statsWeight(authoredAt: number): number {
  return 2 ** ((authoredAt - STATS_EPOCH) / (STATS_HALF_LIFE_DAYS * 86_400))
}

/** Lockfiles, build output and vendored code say nothing about who owns a folder. */
export function countsForFolders(path: string): boolean {
  const kind = classifyPath(path)
  return kind !== 'generated' && kind !== 'vendored'
}

/** '' (the root) and every folder above `path`. */
function foldersOf(path: string): string[] {
  return ['', ...foldersAbove(path)]
}

/**
 * File id → the folders it counts towards, kept by a caller that updates the sums several times in
 * one run (looking paths up again each time cost a third of a second on 100k commits).
 */
export type FolderCache = Map<number, readonly string[]>

interface Delta {
  commits: number
  added: number
  removed: number
  wc: number
  wl: number
}

/**
 * Adds the commits indexed since the last update to the per-folder and per-file ownership sums. A watermark in
 * the same transaction makes it exact after a crash; after a history rewrite the sums are rebuilt.
 */
export function updateDirStats(db: Db, repoId: number, options: { rebuild: boolean; folderCache?: FolderCache }): void {
  if (options.rebuild) {
    db.transaction(() => {
      db.prepare('DELETE FROM dir_owner_stats WHERE repo_id = ?').run(repoId)
      db.prepare('DELETE FROM file_owner_stats WHERE file_id IN (SELECT id FROM files WHERE repo_id = ?)').run(repoId)
      db.prepare('UPDATE repositories SET stats_commit_id = 0 WHERE id = ?').run(repoId)
    })()
  }
  const since = db.prepare('SELECT stats_commit_id FROM repositories WHERE id = ?').pluck().get(repoId) as number
  // Up to the newest commit now: another process may be adding more, which its own run will count.
  const upTo = db.prepare('SELECT COALESCE(MAX(id), 0) FROM commits WHERE repo_id = ?').pluck().get(repoId) as number
  if (upTo <= since) return
  // Whole (a stats update covers at most a few tens of thousands of commits), so paths can be looked
  // up while reading: once per file, not once per change.
  const rows = db
    .prepare(
      `SELECT c.id, c.author_id, c.authored_at, fc.file_id, fc.added, fc.removed
       FROM commits c JOIN file_changes fc ON fc.commit_id = c.id
       WHERE c.repo_id = ? AND c.id > ? AND c.id <= ? ORDER BY c.id`,
    )
    .raw()
    .all(repoId, since, upTo) as [number, number, number, number, number | null, number | null][]
  const pathOf = db.prepare('SELECT path FROM files WHERE id = ?').pluck()
  /** The folders each file counts towards ([] for generated and vendored files). */
  const foldersOfFile = options.folderCache ?? new Map<number, readonly string[]>()
  const foldersFor = (fileId: number): readonly string[] => {
    let folders = foldersOfFile.get(fileId)
    if (folders === undefined) {
      const path = pathOf.get(fileId) as string
      folders = countsForFolders(path) ? foldersOf(path) : []
      foldersOfFile.set(fileId, folders)
    }
    return folders
  }

  const sums = new Map<string, Delta>()
  // Per file, every kind counts: a file's own badge says who changed it, whatever it is.
  const fileSums = new Map<number, Map<number, Delta>>()
  // Each commit counts once per folder however many of its files are below it.
  let commitId = -1
  let personId = 0
  let weight = 0
  let perFolder = new Map<string, { added: number; removed: number }>()
  const flush = (): void => {
    for (const [dir, lines] of perFolder) {
      const key = `${personId}\0${dir}`
      const sum = sums.get(key) ?? { commits: 0, added: 0, removed: 0, wc: 0, wl: 0 }
      sum.commits += 1
      sum.added += lines.added
      sum.removed += lines.removed
      sum.wc += weight
      sum.wl += weight * (lines.added + lines.removed)
      sums.set(key, sum)
    }
    perFolder = new Map()
  }
  for (const [id, author, authoredAt, fileId, addedOrNull, removedOrNull] of rows) {
    if (id !== commitId) {
      flush()
      commitId = id
      personId = author
      weight = statsWeight(authoredAt)
    }
    const added = addedOrNull ?? 0
    const removed = removedOrNull ?? 0
    let byPerson = fileSums.get(fileId)
    if (!byPerson) fileSums.set(fileId, (byPerson = new Map()))
    const fileSum = byPerson.get(personId)
    if (fileSum) {
      fileSum.commits += 1
      fileSum.added += added
      fileSum.removed += removed
      fileSum.wc += weight
      fileSum.wl += weight * (added + removed)
    } else {
      byPerson.set(personId, { commits: 1, added, removed, wc: weight, wl: weight * (added + removed) })
    }
    for (const dir of foldersFor(fileId)) {
      const lines = perFolder.get(dir) ?? { added: 0, removed: 0 }
      lines.added += added
      lines.removed += removed
      perFolder.set(dir, lines)
    }
  }
  flush()

  const add = db.prepare(
    `INSERT INTO dir_owner_stats (repo_id, dir, person_id, commits, added, removed, weighted_commits, weighted_lines)
     VALUES (@repoId, @dir, @personId, @commits, @added, @removed, @wc, @wl)
     ON CONFLICT (repo_id, dir, person_id) DO UPDATE SET commits = commits + excluded.commits,
       added = added + excluded.added, removed = removed + excluded.removed,
       weighted_commits = weighted_commits + excluded.weighted_commits, weighted_lines = weighted_lines + excluded.weighted_lines`,
  )
  const addToFile = db.prepare(
    `INSERT INTO file_owner_stats (file_id, person_id, commits, added, removed, weighted_commits, weighted_lines)
     VALUES (@fileId, @personId, @commits, @added, @removed, @wc, @wl)
     ON CONFLICT (file_id, person_id) DO UPDATE SET commits = commits + excluded.commits,
       added = added + excluded.added, removed = removed + excluded.removed,
       weighted_commits = weighted_commits + excluded.weighted_commits, weighted_lines = weighted_lines + excluded.weighted_lines`,
  )
  db.transaction(() => {
    for (const [key, sum] of sums) {
      const [person, dir] = key.split('\0') as [string, string]
      add.run({ repoId, dir, personId: Number(person), ...sum })
    }
    // In key order: neighbouring rows land on the same b-tree pages (several times faster than in
    // the order the changes came).
    for (const fileId of [...fileSums.keys()].sort((a, b) => a - b)) {
      const byPerson = fileSums.get(fileId) as Map<number, Delta>
      for (const personId of [...byPerson.keys()].sort((a, b) => a - b)) addToFile.run({ fileId, personId, ...(byPerson.get(personId) as Delta) })
    }
    db.prepare('UPDATE repositories SET stats_commit_id = ? WHERE id = ?').run(upTo, repoId)
  })()
}
