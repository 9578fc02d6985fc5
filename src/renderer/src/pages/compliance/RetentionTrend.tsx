import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { Segmented } from '../../lib/Segmented'
import { StackedBarChart } from '../../lib/StackedBarChart'
import { useResult } from '../../lib/use-result'
import { ResultBody } from '../explore/DetailSection'
import { retentionColumns, retentionSeriesList } from './retention-chart'

const windows = [
  { value: 7, label: '7 days' },
  { value: 30, label: '30 days' },
  { value: 90, label: '90 days' },
] as const

type TrendWindow = (typeof windows)[number]['value']

/** Requests per day from the audit log, stacked by the retention mode they were sent under, blocked ones on top. */
export function RetentionTrend() {
  const api = useApi()
  const [days, setDays] = useState<TrendWindow>(30)
  const [state, retry] = useResult(() => api.attest.retentionSeries({ days }), String(days))
  // The audit log's days are UTC dates; so is the chart's idea of today.
  const today = new Date().toISOString().slice(0, 10)
  return (
    <div className="retention-trend" data-testid="retention-trend">
      <div className="compliance-toolbar">
        <Segmented legend="Chart window" options={windows} value={days} onChange={setDays} testId="retention-window" />
        <button type="button" className="button button--small" onClick={retry} data-testid="retention-refresh">
          Refresh
        </button>
      </div>
      <ResultBody state={state} onRetry={retry} what="the requests">
        {(series) => <StackedBarChart title="Requests per day by retention mode" columns={retentionColumns(series, today)} series={retentionSeriesList} unit={['request', 'requests']} legend="Retention modes and blocked requests" testId="retention" />}
      </ResultBody>
    </div>
  )
}
