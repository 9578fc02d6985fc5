import { RETENTION_MODES, type RetentionMode } from '../../../../shared/router-types'
import { formatCount } from '../../lib/format'
import { retentionLabels } from '../providers/policy-labels'
import { formatDay, layoutUsageChart, type ChartDay } from './usage-chart'

interface UsageChartProps {
  readonly days: readonly ChartDay[]
}

/** Requests per day, stacked by the retention mode they went under: an SVG bar chart with a legend. */
export function UsageChart({ days }: UsageChartProps) {
  const layout = layoutUsageChart(days)
  const total = days.reduce((n, d) => n + d.requests, 0)
  const byMode = RETENTION_MODES.map((mode) => [mode, days.reduce((n, d) => n + (d.byRetention[mode] ?? 0), 0)] as const)
  const first = days[0]?.day
  const last = days.at(-1)?.day
  const summary =
    `Requests per day from ${first ? formatDay(first) : '?'} to ${last ? formatDay(last) : '?'}: ${formatCount(total)} in total` +
    (total > 0 ? `, ${byMode.filter(([, n]) => n > 0).map(([mode, n]) => `${formatCount(n)} ${retentionLabels[mode].label.toLowerCase()}`).join(', ')}` : '')
  const { plot } = layout
  return (
    <figure className="usage-chart" data-testid="usage-chart" data-total={total} data-days={days.length}>
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={summary} className="usage-chart-svg">
        <title>{summary}</title>
        {layout.ticks.map((tick) => (
          <g key={tick.value} className="chart-tick">
            <line x1={plot.left} x2={plot.left + plot.width} y1={tick.y} y2={tick.y} className={tick.value === 0 ? 'chart-axis' : 'chart-grid'} />
            <text x={plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end" className="chart-label">
              {formatCount(tick.value)}
            </text>
          </g>
        ))}
        {layout.bars.map((bar) => (
          <g key={bar.day} data-testid="usage-bar" data-day={bar.day} data-total={bar.total}>
            <title>{`${formatDay(bar.day)}: ${formatCount(bar.total)} ${bar.total === 1 ? 'request' : 'requests'}${bar.segments.map((s) => `, ${formatCount(s.count)} ${retentionLabels[s.mode].label.toLowerCase()}`).join('')}`}</title>
            {/* A transparent full-height target, so even an empty day shows its tooltip. */}
            <rect x={bar.x} y={plot.top} width={bar.width} height={plot.height} className="chart-hit" />
            {bar.segments.map((segment) => (
              <rect key={segment.mode} x={bar.x} y={segment.y} width={bar.width} height={segment.height} className={`chart-bar chart-bar--${segment.mode}`} data-testid="usage-segment" data-mode={segment.mode} data-count={segment.count} />
            ))}
          </g>
        ))}
        {layout.labelled.map((i) => {
          const bar = layout.bars[i]
          if (!bar) return null
          return (
            <text key={bar.day} x={bar.x + bar.width / 2} y={plot.top + plot.height + 16} textAnchor="middle" className="chart-label">
              {formatDay(bar.day, undefined, { month: 'short', day: 'numeric' })}
            </text>
          )
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend" aria-label="Retention modes">
          {byMode.map(([mode, count]) => (
            <li key={mode}>
              <LegendSwatch mode={mode} /> {retentionLabels[mode].label} <span className="muted">({formatCount(count)})</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  )
}

function LegendSwatch({ mode }: { readonly mode: RetentionMode }) {
  return (
    <svg width="12" height="12" aria-hidden="true" focusable="false">
      <rect width="12" height="12" rx="2" className={`chart-bar chart-bar--${mode}`} />
    </svg>
  )
}
