import type { CoupledFile } from '../../shared/graph-types'
import { CoopError } from '../errors/coop-error'
import type { Db } from '../store/open-database'
import { fileLineage, resolvePathKind, type RepoContext } from './graph-context'

export interface CouplingOptions {
  /** Commits touching more files than this (mass renames, formatting) say nothing about coupling. */
  readonly maxFilesPerCommit: number
  readonly minSupport: number
  readonly limit: number
}

/** Files that changed in the same commits as `path`: support (shared commits) and confidence. */
export function coupling(db: Db, ctx: RepoContext, path: string, options: CouplingOptions): CoupledFile[] {
  const target = resolvePathKind(db, ctx, path)
  if (target.kind !== 'file' || target.fileId === null) {
    throw new CoopError('invalid_input', `Change coupling is per file, and ${path} is a folder: pick a file inside it`)
  }
  const ids = fileLineage(db, target.fileId).map((s) => s.fileId)
  const marks = ids.map(() => '?').join(',')
  const mine = db
    .prepare(
      `SELECT DISTINCT fc.commit_id FROM file_changes fc JOIN commits c ON c.id = fc.commit_id
       WHERE fc.file_id IN (${marks}) AND c.file_count <= ?`,
    )
    .pluck()
    .all(...ids, options.maxFilesPerCommit) as number[]
  if (mine.length === 0) return []
  const pairs = db
    .prepare(
      `WITH mine(commit_id) AS (SELECT value FROM json_each(?))
       SELECT o.commit_id AS commitId, o.file_id AS fileId
       FROM mine JOIN file_changes o ON o.commit_id = mine.commit_id JOIN files f ON f.id = o.file_id
       WHERE o.file_id NOT IN (${marks}) AND f.kind = 'source'`,
    )
    .all(JSON.stringify(mine), ...ids) as { commitId: number; fileId: number }[]
  // A file that changed with this one under an earlier name counts under the name it has now.
  const current = currentPaths(db, ctx.repoId)
  const commitsByPath = new Map<string, Set<number>>()
  for (const pair of pairs) {
    const path = current(pair.fileId)
    if (path === null) continue
    const set = commitsByPath.get(path) ?? new Set<number>()
    set.add(pair.commitId)
    commitsByPath.set(path, set)
  }
  const rows = [...commitsByPath]
    .map(([path, commits]) => ({ path, support: commits.size }))
    .filter((r) => r.support >= options.minSupport)
    .sort((a, b) => b.support - a.support || a.path.localeCompare(b.path))
    .slice(0, options.limit)
  return rows.map((r) => ({ path: r.path, support: r.support, confidence: Math.round((r.support / mine.length) * 1000) / 1000 }))
}

/** Maps a file id to the path it has at HEAD, following renames forward; null if it is gone. */
function currentPaths(db: Db, repoId: number): (fileId: number) => string | null {
  const renamedTo = new Map<number, number>()
  const renames = db
    .prepare(
      // Renames are few: walk them through their index, then look each file up (CROSS JOIN fixes that
      // order; left to itself SQLite starts from every file of the repository).
      `SELECT fc.old_file_id AS oldId, fc.file_id AS newId
       FROM file_changes fc INDEXED BY file_changes_renames CROSS JOIN files f ON f.id = fc.file_id
       WHERE fc.old_file_id > 0 AND f.repo_id = ? ORDER BY fc.commit_id`,
    )
    .all(repoId) as { oldId: number; newId: number }[]
  for (const r of renames) renamedTo.set(r.oldId, r.newId)
  const atHead = db.prepare('SELECT path FROM files WHERE id = ? AND in_head = 1').pluck()
  return (fileId) => {
    let id = fileId
    for (let hops = 0; hops < 100 && renamedTo.has(id); hops++) id = renamedTo.get(id) as number
    return (atHead.get(id) as string | undefined) ?? null
  }
}
