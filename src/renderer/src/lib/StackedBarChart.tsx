import { formatCount } from './format'
import { chartSummary, formatDay, layoutStackedBars, seriesTotals, type StackedColumn } from './stacked-bars'

export interface ChartSeries<K extends string> {
  readonly key: K
  readonly label: string
}

interface StackedBarChartProps<K extends string> {
  /** What one bar counts, per day: "Requests per day". Starts the summary a screen reader hears. */
  readonly title: string
  readonly columns: readonly StackedColumn<K>[]
  /** Stacked from the axis up in this order; each is coloured by its `chart-bar--<key>` class. */
  readonly series: readonly ChartSeries<K>[]
  /** The count's noun, singular and plural, for each bar's tooltip. */
  readonly unit: readonly [one: string, many: string]
  /** What the legend lists: "Retention modes". */
  readonly legend: string
  /** Prefix of the test ids: `<id>-chart`, `<id>-bar`, `<id>-segment`. */
  readonly testId: string
}

/**
 * Counts per day as stacked SVG bars with a legend. The SVG is one image to assistive technology
 * (role img, with the summary as its name and title); each bar has its own title for pointer users.
 */
export function StackedBarChart<K extends string>({ title, columns, series, unit, legend, testId }: StackedBarChartProps<K>) {
  const keys = series.map((s) => s.key)
  const layout = layoutStackedBars(columns, keys)
  const totals = seriesTotals(columns, keys)
  const total = totals.reduce((n, [, count]) => n + count, 0)
  const summary = chartSummary(title, columns, series)
  const labelOf = (key: K) => (series.find((s) => s.key === key)?.label ?? key).toLowerCase()
  const { plot } = layout
  return (
    <figure className="bar-chart" data-testid={`${testId}-chart`} data-total={total} data-days={columns.length}>
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={summary} className="bar-chart-svg">
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
          <g key={bar.day} className="chart-column" data-testid={`${testId}-bar`} data-day={bar.day} data-total={bar.total}>
            <title>{`${formatDay(bar.day)}: ${formatCount(bar.total)} ${bar.total === 1 ? unit[0] : unit[1]}${bar.segments.map((s) => `, ${formatCount(s.count)} ${labelOf(s.key)}`).join('')}`}</title>
            {/* A transparent full-height target, so even an empty day shows its tooltip. */}
            <rect x={bar.x} y={plot.top} width={bar.width} height={plot.height} className="chart-hit" />
            {bar.segments.map((segment) => (
              <rect key={segment.key} x={bar.x} y={segment.y} width={bar.width} height={segment.height} className={`chart-bar chart-bar--${segment.key}`} data-testid={`${testId}-segment`} data-mode={segment.key} data-count={segment.count} />
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
        <ul className="chart-legend" aria-label={legend}>
          {totals.map(([key, count]) => (
            <li key={key} data-testid={`${testId}-legend`} data-mode={key} data-count={count}>
              <svg width="12" height="12" aria-hidden="true" focusable="false">
                <rect width="12" height="12" rx="2" className={`chart-bar chart-bar--${key}`} />
              </svg>{' '}
              {series.find((s) => s.key === key)?.label ?? key} <span className="muted">({formatCount(count)})</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  )
}
