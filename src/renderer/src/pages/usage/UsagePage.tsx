import { useId, useState } from 'react'
import { useApi } from '../../api/api-context'
import { formatCount, formatDateTime, formatUsd } from '../../lib/format'
import { useResult } from '../../lib/use-result'
import '../../styles/router.css'
import { ResultBody } from '../explore/DetailSection'
import { chartDays } from './usage-chart'
import { totalCost } from './usage-cost'
import { UsageChart } from './UsageChart'
import { UsageTable } from './UsageTable'

const windows = [7, 30, 90] as const
type UsageWindow = (typeof windows)[number]

/** Usage: what the model router sent, per provider and model and per day, from the request ledger. */
export function UsagePage() {
  const api = useApi()
  const id = useId()
  const [days, setDays] = useState<UsageWindow>(30)
  const [state, refresh] = useResult(() => api.usage.report({ days }), String(days))
  // The ledger groups by UTC date; so does the chart's idea of today.
  const today = new Date().toISOString().slice(0, 10)
  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">Usage</h1>
        <p className="page-lede">Requests Coop sent to model providers: tokens, cost, and the retention mode each went under. Counts only, never content.</p>
      </header>
      <div className="usage-toolbar">
        <fieldset className="segmented" data-testid="usage-window" data-value={days}>
          <legend className="visually-hidden">Period</legend>
          {windows.map((n) => (
            <label key={n} className={n === days ? 'segment segment--on' : 'segment'}>
              <input type="radio" name={`${id}-days`} value={n} checked={n === days} onChange={() => setDays(n)} className="visually-hidden" data-testid={`usage-days-${n}`} />
              {n} days
            </label>
          ))}
        </fieldset>
        <button type="button" className="button button--small" onClick={refresh} data-testid="usage-refresh">
          Refresh
        </button>
      </div>
      <section className="card usage-card" aria-labelledby={`${id}-title`} aria-busy={state.kind === 'loading'} data-testid="usage-card">
        <h2 id={`${id}-title`} className="section-title">
          Last {days} days
        </h2>
        <ResultBody state={state} onRetry={refresh} what="usage">
          {(report) => (
            <div className="usage-body" data-testid="usage-report" data-requests={report.totals.requests}>
              <dl className="usage-totals">
                <div>
                  <dt>Requests</dt>
                  <dd data-testid="usage-total-requests">{formatCount(report.totals.requests)}</dd>
                </div>
                <div>
                  <dt>Tokens in</dt>
                  <dd>{formatCount(report.totals.inputTokens)}</dd>
                </div>
                <div>
                  <dt>Tokens out</dt>
                  <dd>{formatCount(report.totals.outputTokens)}</dd>
                </div>
                <div>
                  <dt>Cost</dt>
                  <dd data-testid="usage-total-cost">
                    <TotalCost {...totalCost(report)} />
                  </dd>
                </div>
              </dl>
              <UsageChart days={chartDays(report, today)} />
              {report.rows.length === 0 ? (
                <p className="empty muted" data-testid="usage-empty">
                  No requests since {formatDateTime(report.since)}.
                </p>
              ) : (
                <UsageTable rows={report.rows} />
              )}
            </div>
          )}
        </ResultBody>
      </section>
    </div>
  )
}

function TotalCost({ usd, partial }: ReturnType<typeof totalCost>) {
  return (
    <>
      {formatUsd(usd)}
      {partial && <span className="muted"> (priced models only)</span>}
    </>
  )
}
