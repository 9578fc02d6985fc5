import { CoopError } from '../errors/coop-error'
import type { Db } from '../store/open-database'

/** What every query needs to know about the repository it asks about. */
export interface RepoContext {
  readonly repoId: number
  readonly path: string
  readonly head: string
  readonly codeownersPath: string | null
  readonly codeowners: string | null
  /** Newest commit time (unix seconds): recency weights count back from here. */
  readonly newestCommitAt: number
}

export function loadRepoContext(db: Db, repoId: number): RepoContext {
  const row = db
    .prepare(
      `SELECT r.id AS repoId, r.path, r.indexed_head AS head, r.codeowners_path AS codeownersPath, r.codeowners,
         (SELECT MAX(committed_at) FROM commits WHERE repo_id = r.id) AS newestCommitAt
       FROM repositories r WHERE r.id = ?`,
    )
    .get(repoId) as (Omit<RepoContext, 'head' | 'newestCommitAt'> & { head: string | null; newestCommitAt: number | null }) | undefined
  if (!row) throw new CoopError('not_found', `No repository with id ${repoId}: list them with coop repos`, { repoId })
  if (row.head === null || row.newestCommitAt === null) {
    throw new CoopError('not_found', `${row.path} has not been indexed yet: run coop index ${row.path}`, { repoId })
  }
  return { ...row, head: row.head, newestCommitAt: row.newestCommitAt }
}

/** The half-open range of paths below a directory: `dir/` ≤ path < `dir0` ('0' follows '/'). */
export function prefixRange(dir: string): { readonly lo: string; readonly hi: string } {
  return dir === '' ? { lo: '', hi: '\u{10FFFF}' } : { lo: `${dir}/`, hi: `${dir}0` }
}

export type PathKind = 'file' | 'dir'

/** Whether `path` names a file at HEAD, a folder at HEAD, or a file that only exists in history. */
export function resolvePathKind(db: Db, ctx: RepoContext, path: string): { kind: PathKind; fileId: number | null } {
  if (path === '') return { kind: 'dir', fileId: null }
  const file = db.prepare('SELECT id, in_head AS inHead FROM files WHERE repo_id = ? AND path = ?').get(ctx.repoId, path) as
    | { id: number; inHead: number }
    | undefined
  if (file?.inHead === 1) return { kind: 'file', fileId: file.id }
  const { lo, hi } = prefixRange(path)
  const below = db.prepare('SELECT 1 FROM files WHERE repo_id = ? AND in_head = 1 AND path >= ? AND path < ? LIMIT 1').get(ctx.repoId, lo, hi)
  if (below) return { kind: 'dir', fileId: null }
  if (file) return { kind: 'file', fileId: file.id }
  throw new CoopError('not_found', `No file or folder ${path} in ${ctx.path} (at the indexed commit ${ctx.head.slice(0, 10)})`, { path })
}

/**
 * The file and the paths it had before, newest first: each segment's changes count up to the commit
 * that renamed it into the next. History that "follows renames" walks these.
 */
export function fileLineage(db: Db, fileId: number): { fileId: number; path: string; upToCommit: number }[] {
  const renameInto = db.prepare(
    `SELECT fc.old_file_id AS oldFileId, fc.commit_id AS commitId, f.path AS oldPath FROM file_changes fc
     JOIN files f ON f.id = fc.old_file_id
     WHERE fc.file_id = ? AND fc.old_file_id IS NOT NULL AND fc.commit_id <= ? ORDER BY fc.commit_id DESC LIMIT 1`,
  )
  const pathOf = db.prepare('SELECT path FROM files WHERE id = ?').pluck()
  const lineage = [{ fileId, path: pathOf.get(fileId) as string, upToCommit: Number.MAX_SAFE_INTEGER }]
  const seen = new Set([fileId])
  for (let i = 0; i < 100; i++) {
    const current = lineage[lineage.length - 1] as (typeof lineage)[number]
    const rename = renameInto.get(current.fileId, current.upToCommit) as { oldFileId: number; commitId: number; oldPath: string } | undefined
    if (!rename || seen.has(rename.oldFileId)) break
    seen.add(rename.oldFileId)
    // Changes to the old path count strictly before the commit that renamed it.
    lineage.push({ fileId: rename.oldFileId, path: rename.oldPath, upToCommit: rename.commitId - 1 })
  }
  return lineage
}
