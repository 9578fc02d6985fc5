import type { UsageReport } from '../../../../shared/router-types'

/**
 * The period's cost as it can honestly be shown. Core sums priced rows only: the sum is null when no
 * row has a price, and `partial` when some rows (models without prices) are left out of it.
 */
export function totalCost(report: Pick<UsageReport, 'rows' | 'totals'>): { readonly usd: number | null; readonly partial: boolean } {
  const priced = report.rows.some((row) => row.costUsd !== null)
  return { usd: priced ? report.totals.costUsd : null, partial: priced && report.rows.some((row) => row.costUsd === null) }
}
