/** The geometry of a stacked bar chart of counts per day (Usage, Compliance), apart from the DOM so it can be tested in Node. */

/** One bar: a day and its counts, one per series. */
export interface StackedColumn<K extends string> {
  /** YYYY-MM-DD, UTC (the ledger and the audit log group by the UTC date). */
  readonly day: string
  readonly values: Readonly<Record<K, number>>
}

const DAY_MS = 86_400_000

/**
 * Every day from `first` to `today` (or to the latest day with data, if later), oldest first, with `empty`
 * for the days that have none. Reports list only days with something; a chart needs the quiet days too,
 * or a gap of a week would look like yesterday.
 */
export function everyDay<T extends { readonly day: string }>(first: string, today: string, days: readonly T[], empty: (day: string) => T): T[] {
  const byDay = new Map(days.map((d) => [d.day, d]))
  const last = days.reduce((latest, d) => (d.day > latest ? d.day : latest), today)
  const all: T[] = []
  for (let at = Date.parse(`${first}T00:00:00Z`); at <= Date.parse(`${last}T00:00:00Z`); at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10)
    all.push(byDay.get(day) ?? empty(day))
  }
  return all
}

/** A step of 1, 2 or 5 × 10ⁿ (whole counts: at least 1) that splits `max` into about `target` parts. */
export function niceStep(max: number, target = 4): number {
  if (!(max > 0)) return 1
  const raw = max / target
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power
  return Math.max(1, step)
}

export interface BarSegment<K extends string> {
  readonly key: K
  readonly count: number
  readonly y: number
  readonly height: number
}

export interface ChartBar<K extends string> {
  readonly day: string
  readonly total: number
  readonly x: number
  readonly width: number
  /** Bottom to top in the order of `keys`; only series with a count. */
  readonly segments: readonly BarSegment<K>[]
}

export interface ChartLayout<K extends string> {
  readonly width: number
  readonly height: number
  readonly plot: { readonly left: number; readonly top: number; readonly width: number; readonly height: number }
  /** The value at the top of the axis. */
  readonly max: number
  readonly ticks: readonly { readonly value: number; readonly y: number }[]
  readonly bars: readonly ChartBar<K>[]
  /** Which bars get a date under them: a few, evenly spaced, always the last (today). */
  readonly labelled: readonly number[]
}

const MARGIN = { left: 36, right: 8, top: 10, bottom: 24 }
const MAX_LABELS = 8

/** Stacked bars, one per column, `keys` stacked from the axis up, in a `width` × `height` box (SVG user units). */
export function layoutStackedBars<K extends string>(columns: readonly StackedColumn<K>[], keys: readonly K[], width = 720, height = 220): ChartLayout<K> {
  const plot = { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom }
  const totals = columns.map((c) => keys.reduce((n, key) => n + Math.max(0, c.values[key] ?? 0), 0))
  const highest = Math.max(0, ...totals)
  const step = niceStep(highest)
  const max = Math.max(step, Math.ceil(highest / step) * step)
  const scale = (value: number) => (value / max) * plot.height
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => ({ value: i * step, y: plot.top + plot.height - scale(i * step) }))
  const slot = columns.length > 0 ? plot.width / columns.length : plot.width
  const barWidth = Math.max(1, Math.min(28, slot * 0.72))
  const bars = columns.map((c, i) => {
    let base = plot.top + plot.height
    const segments: BarSegment<K>[] = []
    for (const key of keys) {
      const count = c.values[key] ?? 0
      if (count <= 0) continue
      const h = scale(count)
      base -= h
      segments.push({ key, count, y: base, height: h })
    }
    return { day: c.day, total: totals[i] ?? 0, x: plot.left + i * slot + (slot - barWidth) / 2, width: barWidth, segments }
  })
  const every = Math.max(1, Math.ceil(columns.length / MAX_LABELS))
  const labelled = columns.map((_, i) => i).filter((i) => (columns.length - 1 - i) % every === 0)
  return { width, height, plot, max, ticks, bars, labelled }
}

/** Each series' total over all the columns, in the order of `keys`. */
export function seriesTotals<K extends string>(columns: readonly StackedColumn<K>[], keys: readonly K[]): (readonly [K, number])[] {
  return keys.map((key) => [key, columns.reduce((n, c) => n + (c.values[key] ?? 0), 0)] as const)
}

/**
 * What a screen reader says for the whole chart (and a mouse shows on hover): the span of days, the total
 * and the series that have any, e.g. "Requests per day from Mar 1, 2026 to Mar 7, 2026: 4 in total, 1 runs locally, 3 no-store flag".
 */
export function chartSummary<K extends string>(title: string, columns: readonly StackedColumn<K>[], series: readonly { readonly key: K; readonly label: string }[], locale?: string): string {
  const totals = seriesTotals(columns, series.map((s) => s.key))
  const total = totals.reduce((n, [, count]) => n + count, 0)
  const first = columns[0]?.day
  const last = columns.at(-1)?.day
  const parts = totals.filter(([, n]) => n > 0).map(([key, n]) => `${n.toLocaleString(locale)} ${labelOf(series, key).toLowerCase()}`)
  return `${title} from ${first ? formatDay(first, locale) : '?'} to ${last ? formatDay(last, locale) : '?'}: ${total.toLocaleString(locale)} in total${parts.length > 0 ? `, ${parts.join(', ')}` : ''}`
}

function labelOf<K extends string>(series: readonly { readonly key: K; readonly label: string }[], key: K): string {
  return series.find((s) => s.key === key)?.label ?? key
}

/** A UTC calendar day (how the ledger and the audit log group) in the reader's words, never shifted by the time zone. */
export function formatDay(day: string, locale?: string, options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' }): string {
  const at = Date.parse(`${day}T00:00:00Z`)
  return Number.isNaN(at) ? day : new Date(at).toLocaleDateString(locale, { ...options, timeZone: 'UTC' })
}
