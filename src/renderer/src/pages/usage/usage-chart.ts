import { RETENTION_MODES, type RetentionMode, type UsageReport } from '../../../../shared/router-types'

/** One day of the chart: how many requests, by the retention mode they were sent under. */
export interface ChartDay {
  /** YYYY-MM-DD, UTC (the ledger groups by the UTC date). */
  readonly day: string
  readonly requests: number
  readonly byRetention: Readonly<Record<RetentionMode, number>>
}

const DAY_MS = 86_400_000

/**
 * Every day from the report's start to today, oldest first. The report lists only days with requests;
 * a chart needs the quiet days too, or a gap of a week would look like yesterday.
 */
export function chartDays(report: Pick<UsageReport, 'since' | 'days'>, today: string): ChartDay[] {
  const byDay = new Map(report.days.map((d) => [d.day, d]))
  const first = report.since.slice(0, 10)
  const last = report.days.reduce((latest, d) => (d.day > latest ? d.day : latest), today)
  const days: ChartDay[] = []
  for (let at = Date.parse(`${first}T00:00:00Z`); at <= Date.parse(`${last}T00:00:00Z`); at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10)
    const found = byDay.get(day)
    days.push(found ? { day, requests: found.requests, byRetention: found.byRetention } : { day, requests: 0, byRetention: { local: 0, contract: 0, flag: 0, none: 0 } })
  }
  return days
}

/** A step of 1, 2 or 5 × 10ⁿ (whole requests: at least 1) that splits `max` into about `target` parts. */
export function niceStep(max: number, target = 4): number {
  if (!(max > 0)) return 1
  const raw = max / target
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power
  return Math.max(1, step)
}

export interface BarSegment {
  readonly mode: RetentionMode
  readonly count: number
  readonly y: number
  readonly height: number
}

export interface ChartBar {
  readonly day: string
  readonly total: number
  readonly x: number
  readonly width: number
  /** Bottom to top in RETENTION_MODES order (local first); only modes with requests. */
  readonly segments: readonly BarSegment[]
}

export interface ChartLayout {
  readonly width: number
  readonly height: number
  readonly plot: { readonly left: number; readonly top: number; readonly width: number; readonly height: number }
  /** The value at the top of the axis. */
  readonly max: number
  readonly ticks: readonly { readonly value: number; readonly y: number }[]
  readonly bars: readonly ChartBar[]
  /** Which bars get a date under them: a few, evenly spaced, always the last (today). */
  readonly labelled: readonly number[]
}

const MARGIN = { left: 36, right: 8, top: 10, bottom: 24 }
const MAX_LABELS = 8

/** Stacked bars of requests per day in a `width` × `height` box (SVG user units). */
export function layoutUsageChart(days: readonly ChartDay[], width = 720, height = 220): ChartLayout {
  const plot = { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom }
  const highest = Math.max(0, ...days.map((d) => d.requests))
  const step = niceStep(highest)
  const max = Math.max(step, Math.ceil(highest / step) * step)
  const scale = (value: number) => (value / max) * plot.height
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => ({ value: i * step, y: plot.top + plot.height - scale(i * step) }))
  const slot = days.length > 0 ? plot.width / days.length : plot.width
  const barWidth = Math.max(1, Math.min(28, slot * 0.72))
  const bars = days.map((d, i) => {
    let base = plot.top + plot.height
    const segments: BarSegment[] = []
    for (const mode of RETENTION_MODES) {
      const count = d.byRetention[mode] ?? 0
      if (count <= 0) continue
      const h = scale(count)
      base -= h
      segments.push({ mode, count, y: base, height: h })
    }
    return { day: d.day, total: d.requests, x: plot.left + i * slot + (slot - barWidth) / 2, width: barWidth, segments }
  })
  const every = Math.max(1, Math.ceil(days.length / MAX_LABELS))
  const labelled = days.map((_, i) => i).filter((i) => (days.length - 1 - i) % every === 0)
  return { width, height, plot, max, ticks, bars, labelled }
}

/** A UTC calendar day (how the ledger groups) in the reader's words, never shifted by the time zone. */
export function formatDay(day: string, locale?: string, options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' }): string {
  const at = Date.parse(`${day}T00:00:00Z`)
  return Number.isNaN(at) ? day : new Date(at).toLocaleDateString(locale, { ...options, timeZone: 'UTC' })
}
