import type { Owner } from '../../shared/graph-types'
import type { Db } from '../store/open-database'
import { computeShares, groupBy, rankByShare, type ContributionRow } from './ownership'

/** Which changes count: one file's lineage (path and earlier names), or everything below a folder. */
export type ChangeScope =
  | { readonly kind: 'lineage'; readonly segments: readonly { readonly fileId: number; readonly upToCommit: number }[] }
  | { readonly kind: 'prefix'; readonly repoId: number; readonly lo: string; readonly hi: string }

export interface ShareOptions {
  readonly repoId: number
  readonly newestCommitAt: number
  readonly halfLifeDays: number
  readonly includeBots: boolean
}

function scopeFilter(scope: ChangeScope, params: Record<string, unknown>): string {
  if (scope.kind === 'prefix') {
    Object.assign(params, { scopeRepo: scope.repoId, lo: scope.lo, hi: scope.hi })
    // Build output, lockfiles and vendored code say little about who owns a folder.
    return "f.repo_id = @scopeRepo AND f.path >= @lo AND f.path < @hi AND f.kind NOT IN ('generated', 'vendored')"
  }
  return scope.segments
    .map((segment, i) => {
      params[`file${i}`] = segment.fileId
      params[`upTo${i}`] = segment.upToCommit
      return `(fc.file_id = @file${i} AND fc.commit_id <= @upTo${i})`
    })
    .join(' OR ')
}

/** Who did the work in `scope`, with recency-weighted shares that sum to 1. */
export function ownersOf(db: Db, scope: ChangeScope, options: ShareOptions): Owner[] {
  const params: Record<string, unknown> = {
    ref: options.newestCommitAt,
    halfLife: options.halfLifeDays * 86_400,
    includeBots: options.includeBots ? 1 : 0,
  }
  const filter = scopeFilter(scope, params)
  // Per commit first, so a commit that touched five files in a folder counts once.
  const rows = db
    .prepare(
      `SELECT p.id AS personId, p.name, p.email, p.is_bot AS bot, COUNT(*) AS commits,
         SUM(x.added) AS linesAdded, SUM(x.removed) AS linesRemoved,
         SUM(pow(0.5, (@ref - x.authoredAt) / @halfLife)) AS weightedCommits,
         SUM(pow(0.5, (@ref - x.authoredAt) / @halfLife) * (x.added + x.removed)) AS weightedLines
       FROM (
         SELECT c.id, c.author_id AS authorId, c.authored_at AS authoredAt,
           SUM(COALESCE(fc.added, 0)) AS added, SUM(COALESCE(fc.removed, 0)) AS removed
         FROM file_changes fc JOIN commits c ON c.id = fc.commit_id JOIN files f ON f.id = fc.file_id
         WHERE ${filter}
         GROUP BY c.id
       ) x JOIN people p ON p.id = x.authorId
       WHERE @includeBots = 1 OR p.is_bot = 0
       GROUP BY p.id`,
    )
    .all(params) as ContributionRow[]
  return computeShares(rows, lastActiveOf(db, options.repoId, rows.map((r) => r.personId)))
}

/** Each person's last authored commit anywhere in the repository (unix seconds). */
export function lastActiveOf(db: Db, repoId: number, personIds: readonly number[]): Map<number, number> {
  const result = new Map<number, number>()
  if (personIds.length === 0) return result
  const rows = db
    .prepare(
      `SELECT author_id AS personId, MAX(authored_at) AS at FROM commits
       WHERE repo_id = ? AND author_id IN (${personIds.map(() => '?').join(',')}) GROUP BY author_id`,
    )
    .all(repoId, ...personIds) as { personId: number; at: number }[]
  for (const row of rows) result.set(row.personId, row.at)
  return result
}

/**
 * Folder owners from the per-folder sums kept at index time (dir_owner_stats): the same answer as
 * ownersOf with a 'prefix' scope at the default half-life, without reading every change below.
 */
export function ownersOfFolderFromStats(db: Db, repoId: number, dir: string, includeBots: boolean): Owner[] {
  const rows = db
    .prepare(
      `SELECT p.id AS personId, p.name, p.email, p.is_bot AS bot, s.commits, s.added AS linesAdded, s.removed AS linesRemoved,
         s.weighted_commits AS weightedCommits, s.weighted_lines AS weightedLines
       FROM dir_owner_stats s JOIN people p ON p.id = s.person_id
       WHERE s.repo_id = ? AND s.dir = ? AND (? = 1 OR p.is_bot = 0)`,
    )
    .all(repoId, dir, includeBots ? 1 : 0) as ContributionRow[]
  return computeShares(rows, lastActiveOf(db, repoId, rows.map((r) => r.personId)))
}

/** The leading owner of each of the given folders, from dir_owner_stats (bots left out). */
export function topOwnersOfFolders(db: Db, repoId: number, dirs: readonly string[]): Map<string, { name: string; email: string; share: number }> {
  const result = new Map<string, { name: string; email: string; share: number }>()
  if (dirs.length === 0) return result
  const rows = db
    .prepare(
      `SELECT s.dir, p.name, p.email, s.weighted_commits AS wc, s.weighted_lines AS wl
       FROM dir_owner_stats s JOIN people p ON p.id = s.person_id
       WHERE s.repo_id = ? AND s.dir IN (SELECT value FROM json_each(?)) AND p.is_bot = 0`,
    )
    .all(repoId, JSON.stringify(dirs)) as { dir: string; name: string; email: string; wc: number; wl: number }[]
  for (const [dir, list] of groupBy(rows, (r) => r.dir)) {
    const top = rankByShare(list)[0]
    if (top) result.set(dir, { name: top.name, email: top.email, share: top.share })
  }
  return result
}
