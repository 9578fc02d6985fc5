import { foldersAbove, parentFolder } from '../files/folders'
import type { Db } from '../store/open-database'

/** How many files each folder above `paths` holds, counting every level below it. */
function countByFolder(paths: Iterable<string>, sign = 1, counts = new Map<string, number>()): Map<string, number> {
  for (const path of paths) for (const folder of foldersAbove(path)) counts.set(folder, (counts.get(folder) ?? 0) + sign)
  return counts
}

/** Replaces a repository's folder counts with those of `paths`, the whole tree at HEAD. Call inside a transaction. */
export function replaceHeadFolders(db: Db, repoId: number, paths: Iterable<string>): void {
  db.prepare('DELETE FROM head_folders WHERE repo_id = ?').run(repoId)
  const insert = db.prepare('INSERT INTO head_folders (repo_id, dir, parent, file_count) VALUES (?, ?, ?, ?)')
  for (const [dir, count] of countByFolder(paths)) insert.run(repoId, dir, parentFolder(dir), count)
}

/**
 * Applies files entering and leaving the tree at HEAD to the folder counts; a folder left empty is
 * gone. Call inside a transaction.
 */
export function adjustHeadFolders(db: Db, repoId: number, entered: readonly string[], left: readonly string[]): void {
  const deltas = countByFolder(left, -1, countByFolder(entered))
  const current = db.prepare('SELECT file_count FROM head_folders WHERE repo_id = ? AND dir = ?').pluck()
  const upsert = db.prepare(
    `INSERT INTO head_folders (repo_id, dir, parent, file_count) VALUES (?, ?, ?, ?)
     ON CONFLICT (repo_id, dir) DO UPDATE SET file_count = excluded.file_count`,
  )
  const remove = db.prepare('DELETE FROM head_folders WHERE repo_id = ? AND dir = ?')
  for (const [dir, delta] of deltas) {
    if (delta === 0) continue
    const count = ((current.get(repoId, dir) as number | undefined) ?? 0) + delta
    if (count > 0) upsert.run(repoId, dir, parentFolder(dir), count)
    else remove.run(repoId, dir)
  }
}
