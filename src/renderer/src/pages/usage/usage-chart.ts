import type { RetentionMode, UsageReport } from '../../../../shared/router-types'
import { everyDay, type StackedColumn } from '../../lib/stacked-bars'

/** One day of the chart: how many requests, by the retention mode they were sent under. */
export interface ChartDay {
  /** YYYY-MM-DD, UTC (the ledger groups by the UTC date). */
  readonly day: string
  readonly requests: number
  readonly byRetention: Readonly<Record<RetentionMode, number>>
}

/** Every day from the report's start to today, oldest first, quiet days at zero. */
export function chartDays(report: Pick<UsageReport, 'since' | 'days'>, today: string): ChartDay[] {
  const days = report.days.map((d) => ({ day: d.day, requests: d.requests, byRetention: d.byRetention }))
  return everyDay(report.since.slice(0, 10), today, days, (day) => ({ day, requests: 0, byRetention: { local: 0, contract: 0, flag: 0, none: 0 } }))
}

/** The days as the stacked chart's columns: one segment per retention mode, local at the bottom. */
export function usageColumns(days: readonly ChartDay[]): StackedColumn<RetentionMode>[] {
  return days.map((d) => ({ day: d.day, values: d.byRetention }))
}
