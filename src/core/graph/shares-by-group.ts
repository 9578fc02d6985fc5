import { STATS_HALF_LIFE_DAYS } from '../indexing/update-dir-stats'
import type { Db } from '../store/open-database'
import { groupBy, rankByShare } from './ownership'

export interface GroupShare {
  readonly personId: number
  readonly name: string
  readonly email: string
  readonly share: number
}

interface WeightedRow {
  readonly grp: string
  readonly personId: number
  readonly name: string
  readonly email: string
  readonly wc: number
  readonly wl: number
}

/**
 * Shares of the work per file, for the given files or for every file below a folder, in one query
 * (bots left out). Each file's own path counts; same weighting as ownersOf. With the default
 * half-life the sums kept at index time answer; any other half-life weighs every change again.
 */
export function sharesByFile(
  db: Db,
  options: { repoId: number; newestCommitAt: number; halfLifeDays: number } & ({ lo: string; hi: string } | { paths: readonly string[] }),
): Map<string, GroupShare[]> {
  const where = 'paths' in options ? 'f.path IN (SELECT value FROM json_each(@paths))' : "f.path >= @lo AND f.path < @hi AND f.kind NOT IN ('generated', 'vendored')"
  const scope = { repoId: options.repoId, ...('paths' in options ? { paths: JSON.stringify(options.paths) } : { lo: options.lo, hi: options.hi }) }
  const rows =
    options.halfLifeDays === STATS_HALF_LIFE_DAYS
      ? (db
          .prepare(
            `SELECT f.path AS grp, p.id AS personId, p.name, p.email, s.weighted_commits AS wc, s.weighted_lines AS wl
             FROM files f JOIN file_owner_stats s ON s.file_id = f.id JOIN people p ON p.id = s.person_id
             WHERE f.repo_id = @repoId AND ${where} AND p.is_bot = 0`,
          )
          .all(scope) as WeightedRow[])
      : (db
          .prepare(
            `SELECT f.path AS grp, p.id AS personId, p.name, p.email,
               SUM(pow(0.5, (@ref - c.authored_at) / @halfLife)) AS wc,
               SUM(pow(0.5, (@ref - c.authored_at) / @halfLife) * (COALESCE(fc.added, 0) + COALESCE(fc.removed, 0))) AS wl
             FROM files f JOIN file_changes fc ON fc.file_id = f.id JOIN commits c ON c.id = fc.commit_id JOIN people p ON p.id = c.author_id
             WHERE f.repo_id = @repoId AND ${where} AND p.is_bot = 0
             GROUP BY f.path, p.id`,
          )
          .all({ ...scope, ref: options.newestCommitAt, halfLife: options.halfLifeDays * 86_400 }) as WeightedRow[])
  const result = new Map<string, GroupShare[]>()
  for (const [path, list] of groupBy(rows, (r) => r.grp)) {
    result.set(path, rankByShare(list).map((r) => ({ personId: r.personId, name: r.name, email: r.email, share: r.share })))
  }
  return result
}

/** The leading owner of each given file, for the Explore tree's badges. */
export function topOwnersOfFiles(db: Db, ctx: { repoId: number; newestCommitAt: number }, paths: readonly string[], halfLifeDays: number): Map<string, GroupShare> {
  const result = new Map<string, GroupShare>()
  for (let i = 0; i < paths.length; i += 500) {
    const shares = sharesByFile(db, { repoId: ctx.repoId, newestCommitAt: ctx.newestCommitAt, halfLifeDays, paths: paths.slice(i, i + 500) })
    for (const [path, list] of shares) if (list[0]) result.set(path, list[0])
  }
  return result
}
