import type { Owner } from '../../shared/graph-types'

/** One person's changes to a file or folder, with recency weights already summed. */
export interface ContributionRow {
  readonly personId: number
  readonly name: string
  readonly email: string
  readonly bot: number
  readonly commits: number
  readonly linesAdded: number
  readonly linesRemoved: number
  /** Σ weight over this person's changes (weight = 0.5^(age / half-life)). */
  readonly weightedCommits: number
  /** Σ weight × lines changed. */
  readonly weightedLines: number
}

/**
 * Shares of the work: half by recency-weighted lines changed, half by recency-weighted commits, so a
 * reformatting commit of 10,000 lines does not outweigh years of steady work. Shares sum to 1.
 */
export function computeShares(rows: readonly ContributionRow[], lastActive: ReadonlyMap<number, number>): Owner[] {
  return rankByShare(rows.map((r) => ({ ...r, wc: r.weightedCommits, wl: r.weightedLines }))).map((r) => ({
    name: r.name,
    email: r.email,
    share: r.share,
    commits: r.commits,
    linesAdded: r.linesAdded,
    linesRemoved: r.linesRemoved,
    lastActive: new Date((lastActive.get(r.personId) ?? 0) * 1000).toISOString(),
    bot: r.bot === 1,
  }))
}

/** The fewest people who together hold at least half of the ownership. */
export function busFactor(owners: readonly Owner[]): number {
  let held = 0
  for (let i = 0; i < owners.length; i++) {
    held += owners[i]?.share ?? 0
    if (held >= 0.5 - 1e-9) return i + 1
  }
  return 0
}

/** Orphaned: every leading owner (the bus-factor set) has been inactive longer than the threshold. */
export function isOrphaned(owners: readonly Owner[], inactiveDays: number, nowMs: number): boolean {
  const leading = owners.slice(0, busFactor(owners))
  if (leading.length === 0) return false
  const cutoff = nowMs - inactiveDays * 86_400_000
  return leading.every((owner) => Date.parse(owner.lastActive) < cutoff)
}


/** The share rule itself, on summed weights (wc: commits, wl: lines), highest share first. */
export function rankByShare<T extends { readonly wc: number; readonly wl: number; readonly name: string }>(rows: readonly T[]): (T & { share: number })[] {
  const totalC = rows.reduce((s, r) => s + r.wc, 0)
  const totalL = rows.reduce((s, r) => s + r.wl, 0)
  if (totalC === 0) return []
  return rows
    .map((r) => ({ ...r, share: totalL > 0 ? 0.5 * (r.wl / totalL) + 0.5 * (r.wc / totalC) : r.wc / totalC }))
    .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name))
}

/** Groups rows by a key. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const list = groups.get(k)
    if (list) list.push(row)
    else groups.set(k, [row])
  }
  return groups
}
