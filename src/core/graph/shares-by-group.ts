import type { Db } from '../store/open-database'

export interface GroupShare {
  readonly personId: number
  readonly name: string
  readonly email: string
  readonly share: number
}

/**
 * Shares of the work per group of paths below a folder in one pass — per child for the Explore tree's
 * owner badges (`child`), per file for the CODEOWNERS drift list (`file`). Same weighting as ownersOf.
 */
export function sharesByGroup(
  db: Db,
  options: { repoId: number; lo: string; hi: string; group: 'child' | 'file'; newestCommitAt: number; halfLifeDays: number },
): Map<string, GroupShare[]> {
  const groupExpr =
    options.group === 'file'
      ? 'f.path'
      : `CASE WHEN instr(substr(f.path, length(@lo) + 1), '/') > 0
           THEN substr(f.path, length(@lo) + 1, instr(substr(f.path, length(@lo) + 1), '/') - 1)
           ELSE substr(f.path, length(@lo) + 1) END`
  const rows = db
    .prepare(
      `SELECT x.grp, p.id AS personId, p.name, p.email,
         SUM(pow(0.5, (@ref - x.authoredAt) / @halfLife)) AS wc,
         SUM(pow(0.5, (@ref - x.authoredAt) / @halfLife) * x.lines) AS wl
       FROM (
         SELECT ${groupExpr} AS grp, c.author_id AS authorId, c.authored_at AS authoredAt,
           SUM(COALESCE(fc.added, 0) + COALESCE(fc.removed, 0)) AS lines
         FROM files f JOIN file_changes fc ON fc.file_id = f.id JOIN commits c ON c.id = fc.commit_id
         WHERE f.repo_id = @repoId AND f.path >= @lo AND f.path < @hi AND f.kind = 'source'
         GROUP BY grp, c.id
       ) x JOIN people p ON p.id = x.authorId
       WHERE p.is_bot = 0
       GROUP BY x.grp, p.id`,
    )
    .all({ repoId: options.repoId, lo: options.lo, hi: options.hi, ref: options.newestCommitAt, halfLife: options.halfLifeDays * 86_400 }) as {
    grp: string
    personId: number
    name: string
    email: string
    wc: number
    wl: number
  }[]

  const byGroup = new Map<string, typeof rows>()
  for (const row of rows) {
    const list = byGroup.get(row.grp)
    if (list) list.push(row)
    else byGroup.set(row.grp, [row])
  }
  const result = new Map<string, GroupShare[]>()
  for (const [group, list] of byGroup) {
    const totalC = list.reduce((s, r) => s + r.wc, 0)
    const totalL = list.reduce((s, r) => s + r.wl, 0)
    const shares = list
      .map((r) => ({
        personId: r.personId,
        name: r.name,
        email: r.email,
        share: totalL > 0 ? 0.5 * (r.wl / totalL) + 0.5 * (r.wc / totalC) : r.wc / totalC,
      }))
      .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name))
    result.set(group, shares)
  }
  return result
}
