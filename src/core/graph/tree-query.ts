import type { FileEntry, FileKind, TreeListing, TreeNode } from '../../shared/graph-types'
import { CoopError } from '../errors/coop-error'
import type { Db } from '../store/open-database'
import { prefixRange, type RepoContext } from './graph-context'
import { topOwnersOfFolders } from './contributions'
import { topOwnersOfFiles } from './shares-by-group'

interface HeadFileRow {
  readonly path: string
  readonly size: number | null
  readonly language: string | null
  readonly kind: FileKind
}

/** The direct children of a folder at HEAD, folders first, each with its leading owner. */
export function listTree(db: Db, ctx: RepoContext, dir: string, halfLifeDays: number): TreeListing {
  const lo = prefixRange(dir).lo
  // Both read the folder's own rows, kept at index time: never every path below it.
  const folders = db
    .prepare('SELECT dir, file_count AS fileCount FROM head_folders WHERE repo_id = ? AND parent = ? ORDER BY dir')
    .all(ctx.repoId, dir) as { dir: string; fileCount: number }[]
  const files = db
    .prepare('SELECT path, size, language, kind FROM files WHERE repo_id = ? AND dir = ? AND in_head = 1 ORDER BY path')
    .all(ctx.repoId, dir) as HeadFileRow[]
  if (folders.length === 0 && files.length === 0 && dir !== '') {
    throw new CoopError('not_found', `No folder ${dir} in ${ctx.path} at the indexed commit`, { dir })
  }
  const dirs = new Map(folders.map((f) => [f.dir.slice(lo.length), f.fileCount]))
  // Folder badges come from the sums kept at index time; file badges from each file's own changes.
  const folderOwners = topOwnersOfFolders(db, ctx.repoId, [...dirs.keys()].map((name) => lo + name))
  const fileOwners = topOwnersOfFiles(db, ctx, files.map((f) => f.path), halfLifeDays)
  const topOwner = (name: string): TreeNode['topOwner'] => {
    const top = folderOwners.get(lo + name) ?? fileOwners.get(lo + name)
    return top ? { name: top.name, email: top.email, share: top.share } : null
  }
  const entries: TreeNode[] = [
    ...[...dirs].map(([name, fileCount]) => ({
      name,
      path: lo + name,
      type: 'dir' as const,
      fileCount,
      size: null,
      language: null,
      kind: null,
      topOwner: topOwner(name),
    })),
    ...files.map((file) => {
      const name = file.path.slice(lo.length)
      return { name, path: file.path, type: 'file' as const, fileCount: 1, size: file.size, language: file.language, kind: file.kind, topOwner: topOwner(name) }
    }),
  ]
  return { dir, entries }
}

/** Files at HEAD below a folder with their last commit and its author. */
export function listFiles(db: Db, ctx: RepoContext, under: string, limit: number | undefined): FileEntry[] {
  const { lo, hi } = prefixRange(under)
  const exact = db.prepare('SELECT 1 FROM files WHERE repo_id = ? AND in_head = 1 AND path = ?').get(ctx.repoId, under)
  const rows = db
    .prepare(
      `SELECT f.path, f.size, f.language, f.kind, c.hash, c.subject, c.committed_at AS committedAt, p.name, p.email
       FROM files f LEFT JOIN commits c ON c.id = f.last_commit_id LEFT JOIN people p ON p.id = c.author_id
       WHERE f.repo_id = @repoId AND f.in_head = 1 AND ((f.path >= @lo AND f.path < @hi) OR f.path = @exact)
       ORDER BY f.path LIMIT @limit`,
    )
    .all({ repoId: ctx.repoId, lo, hi, exact: exact ? under : null, limit: limit ?? -1 }) as (HeadFileRow & {
    hash: string | null
    subject: string | null
    committedAt: number | null
    name: string | null
    email: string | null
  })[]
  if (rows.length === 0 && under !== '') throw new CoopError('not_found', `No file or folder ${under} in ${ctx.path} at the indexed commit`)
  return rows.map((r) => ({
    path: r.path,
    size: r.size,
    language: r.language,
    kind: r.kind,
    lastCommit: r.hash === null ? null : { hash: r.hash, subject: r.subject ?? '', committedAt: new Date((r.committedAt ?? 0) * 1000).toISOString() },
    lastAuthor: r.name === null ? null : { name: r.name, email: r.email ?? '' },
  }))
}
