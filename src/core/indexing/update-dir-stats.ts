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
export function updateDirStats(db: Db, repoId: number, options: { rebuild: boolean }): void {
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
  const rows = db
    .prepare(
      `SELECT c.id, c.author_id AS personId, c.authored_at AS authoredAt, fc.file_id AS fileId, f.path, fc.added, fc.removed
       FROM commits c JOIN file_changes fc ON fc.commit_id = c.id JOIN files f ON f.id = fc.file_id
       WHERE c.repo_id = ? AND c.id > ? AND c.id <= ? ORDER BY c.id`,
    )
    .iterate(repoId, since, upTo) as IterableIterator<{ id: number; personId: number; authoredAt: number; fileId: number; path: string; added: number | null; removed: number | null }>

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
  for (const row of rows) {
    if (row.id !== commitId) {
      flush()
      commitId = row.id
      personId = row.personId
      weight = statsWeight(row.authoredAt)
    }
    const lines = (row.added ?? 0) + (row.removed ?? 0)
    let byPerson = fileSums.get(row.fileId)
    if (!byPerson) fileSums.set(row.fileId, (byPerson = new Map()))
    const fileSum = byPerson.get(personId)
    if (fileSum) {
      fileSum.commits += 1
      fileSum.added += row.added ?? 0
      fileSum.removed += row.removed ?? 0
      fileSum.wc += weight
      fileSum.wl += weight * lines
    } else {
      byPerson.set(personId, { commits: 1, added: row.added ?? 0, removed: row.removed ?? 0, wc: weight, wl: weight * lines })
    }
    if (!countsForFolders(row.path)) continue
    for (const dir of foldersOf(row.path)) {
      const lines = perFolder.get(dir) ?? { added: 0, removed: 0 }
      lines.added += row.added ?? 0
      lines.removed += row.removed ?? 0
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
    for (const [fileId, byPerson] of fileSums) for (const [personId, sum] of byPerson) addToFile.run({ fileId, personId, ...sum })
    db.prepare('UPDATE repositories SET stats_commit_id = ? WHERE id = ?').run(upTo, repoId)
  })()
}
