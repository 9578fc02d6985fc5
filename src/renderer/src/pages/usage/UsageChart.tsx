import { RETENTION_MODES } from '../../../../shared/router-types'
import { StackedBarChart } from '../../lib/StackedBarChart'
import { retentionLabels } from '../providers/policy-labels'
import { usageColumns, type ChartDay } from './usage-chart'

const series = RETENTION_MODES.map((mode) => ({ key: mode, label: retentionLabels[mode].label }))

/** Requests per day, stacked by the retention mode they went under. */
export function UsageChart({ days }: { readonly days: readonly ChartDay[] }) {
  return <StackedBarChart title="Requests per day" columns={usageColumns(days)} series={series} unit={['request', 'requests']} legend="Retention modes" testId="usage" />
}
