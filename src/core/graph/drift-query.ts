import type { DriftEntry } from '../../shared/graph-types'
import type { Db } from '../store/open-database'
import { matchCodeowners } from '../codeowners/match-codeowners'
import { codeownersOf, resolveDeclaredOwners } from './declared-owners'
import { prefixRange, type RepoContext } from './graph-context'
import { sharesByFile } from './shares-by-group'

/**
 * Files whose declared owners did little of the work: their combined share of the actual, recency-
 * weighted ownership is below `threshold`. Files without a CODEOWNERS rule are not listed.
 */
export function codeownersDrift(db: Db, ctx: RepoContext, options: { under: string; threshold: number; halfLifeDays: number; limit: number }): DriftEntry[] {
  const file = codeownersOf(ctx)
  if (!file) return []
  const { lo, hi } = prefixRange(options.under)
  const shares = sharesByFile(db, { repoId: ctx.repoId, lo, hi, newestCommitAt: ctx.newestCommitAt, halfLifeDays: options.halfLifeDays })
  const paths = db
    .prepare("SELECT path FROM files WHERE repo_id = ? AND in_head = 1 AND kind = 'source' AND path >= ? AND path < ? ORDER BY path")
    .pluck()
    .all(ctx.repoId, lo, hi) as string[]
  const drift: DriftEntry[] = []
  for (const path of paths) {
    const declared = matchCodeowners(file, path).owners
    const actual = shares.get(path) ?? []
    if (declared.length === 0 || actual.length === 0) continue
    const owners = actual.map((s) => ({ ...s, commits: 0, linesAdded: 0, linesRemoved: 0, lastActive: '', bot: false }))
    const resolved = resolveDeclaredOwners(db, ctx, declared, owners)
    const declaredShare = resolved.reduce((sum, d) => sum + d.share, 0)
    if (declaredShare >= options.threshold) continue
    const top = actual[0]
    drift.push({
      path,
      declared,
      declaredShare: Math.round(declaredShare * 1000) / 1000,
      topOwner: top ? { name: top.name, email: top.email, share: Math.round(top.share * 1000) / 1000 } : null,
    })
  }
  return drift.sort((a, b) => a.declaredShare - b.declaredShare || a.path.localeCompare(b.path)).slice(0, options.limit)
}
