import type { HistoryEntry } from '../../shared/graph-types'
import type { Db } from '../store/open-database'
import { fileLineage, prefixRange, resolvePathKind, type RepoContext } from './graph-context'

interface Row {
  readonly hash: string
  readonly subject: string
  readonly name: string
  readonly email: string
  readonly authoredAt: number
  readonly path: string
  readonly oldPath: string | null
  readonly added: number | null
  readonly removed: number | null
  readonly commitId: number
}

/** Commits that changed a file (following renames back through its earlier paths) or anything in a folder. */
export function fileHistory(db: Db, ctx: RepoContext, path: string, limit = 100): HistoryEntry[] {
  const target = resolvePathKind(db, ctx, path)
  const select = `SELECT c.id AS commitId, c.hash, c.subject, p.name, p.email, c.authored_at AS authoredAt`
  let rows: Row[]
  if (target.kind === 'file' && target.fileId !== null) {
    const perSegment = db.prepare(
      `${select}, f.path, o.path AS oldPath, fc.added, fc.removed
       FROM file_changes fc JOIN commits c ON c.id = fc.commit_id JOIN people p ON p.id = c.author_id
       JOIN files f ON f.id = fc.file_id LEFT JOIN files o ON o.id = fc.old_file_id
       WHERE fc.file_id = ? AND fc.commit_id <= ? ORDER BY c.id DESC LIMIT ?`,
    )
    rows = fileLineage(db, target.fileId).flatMap((segment) => perSegment.all(segment.fileId, segment.upToCommit, limit) as Row[])
  } else {
    const { lo, hi } = prefixRange(path)
    rows = db
      .prepare(
        `${select}, @dir AS path, NULL AS oldPath, SUM(fc.added) AS added, SUM(fc.removed) AS removed
         FROM files f JOIN file_changes fc ON fc.file_id = f.id JOIN commits c ON c.id = fc.commit_id JOIN people p ON p.id = c.author_id
         WHERE f.repo_id = @repoId AND f.path >= @lo AND f.path < @hi
         GROUP BY c.id ORDER BY c.id DESC LIMIT @limit`,
      )
      .all({ dir: path, repoId: ctx.repoId, lo, hi, limit }) as Row[]
  }
  return rows
    .sort((a, b) => b.commitId - a.commitId)
    .slice(0, limit)
    .map((r) => ({
      hash: r.hash,
      subject: r.subject,
      author: { name: r.name, email: r.email },
      authoredAt: new Date(r.authoredAt * 1000).toISOString(),
      path: r.path,
      renamedFrom: r.oldPath,
      linesAdded: r.added,
      linesRemoved: r.removed,
    }))
}
