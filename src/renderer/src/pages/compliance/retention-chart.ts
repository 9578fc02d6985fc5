import type { RetentionSeries } from '../../../../shared/attestation-types'
import { RETENTION_MODES, type RetentionMode } from '../../../../shared/router-types'
import { everyDay, type StackedColumn } from '../../lib/stacked-bars'
import { retentionLabels } from '../providers/policy-labels'

/** The chart's series: the four retention modes of sent requests, and blocked ones (never sent) on top. */
export type RetentionSeriesKey = RetentionMode | 'blocked'

export const retentionSeriesList: readonly { readonly key: RetentionSeriesKey; readonly label: string }[] = [
  ...RETENTION_MODES.map((mode) => ({ key: mode, label: retentionLabels[mode].label })),
  { key: 'blocked', label: 'Blocked by policy' },
]

/** Every day from the series' start to today, quiet days at zero, as stacked columns. */
export function retentionColumns(series: RetentionSeries, today: string): StackedColumn<RetentionSeriesKey>[] {
  const days = series.days.map(({ day, ...values }) => ({ day, values }))
  return everyDay(series.since.slice(0, 10), today, days, (day) => ({ day, values: { local: 0, contract: 0, flag: 0, none: 0, blocked: 0 } }))
}
