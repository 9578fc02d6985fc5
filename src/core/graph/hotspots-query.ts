import type { Hotspot } from '../../shared/graph-types'
import type { Db } from '../store/open-database'
import { prefixRange, type RepoContext } from './graph-context'

/** commits × log2(2 + churn) × log2(2 + KiB): frequent, heavy change in large files ranks first. */
export function hotspotScore(commits: number, churn: number, size: number | null): number {
  return commits * Math.log2(2 + churn) * Math.log2(2 + (size ?? 0) / 1024)
}

/** Files at HEAD where change concentrated since `sinceSeconds` (bots, generated and vendored files left out). */
export function hotspots(db: Db, ctx: RepoContext, options: { sinceSeconds: number; under: string; limit: number }): Hotspot[] {
  const { lo, hi } = prefixRange(options.under)
  const rows = db
    .prepare(
      `SELECT f.path, f.size, COUNT(*) AS commits, SUM(COALESCE(fc.added, 0) + COALESCE(fc.removed, 0)) AS churn,
         COUNT(DISTINCT c.author_id) AS authors
       FROM commits c JOIN file_changes fc ON fc.commit_id = c.id JOIN files f ON f.id = fc.file_id JOIN people p ON p.id = c.author_id
       WHERE c.repo_id = @repoId AND c.committed_at >= @since AND f.in_head = 1 AND f.kind = 'source' AND p.is_bot = 0
         AND f.path >= @lo AND f.path < @hi
       GROUP BY f.id`,
    )
    .all({ repoId: ctx.repoId, since: options.sinceSeconds, lo, hi }) as Omit<Hotspot, 'score'>[]
  return rows
    .map((r) => ({ ...r, score: Math.round(hotspotScore(r.commits, r.churn, r.size) * 100) / 100 }))
    .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path))
    .slice(0, options.limit)
}
