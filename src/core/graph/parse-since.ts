import { CoopError } from '../errors/coop-error'

const UNITS: Readonly<Record<string, (date: Date, n: number) => void>> = {
  day: (d, n) => d.setUTCDate(d.getUTCDate() - n),
  week: (d, n) => d.setUTCDate(d.getUTCDate() - 7 * n),
  month: (d, n) => d.setUTCMonth(d.getUTCMonth() - n),
  year: (d, n) => d.setUTCFullYear(d.getUTCFullYear() - n),
}

/** `12.months`, `90.days`, `2.weeks`, `1.year` (git's approxidate style) or an ISO date → unix seconds. */
export function parseSince(text: string, nowMs: number): number {
  const relative = /^(\d+)[. ]?(day|week|month|year)s?(\.ago)?$/i.exec(text.trim())
  if (relative) {
    const date = new Date(nowMs)
    UNITS[(relative[2] ?? '').toLowerCase()]?.(date, Number(relative[1]))
    return Math.floor(date.getTime() / 1000)
  }
  const absolute = Date.parse(text)
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(absolute)) return Math.floor(absolute / 1000)
  throw new CoopError('invalid_input', `Cannot read the window "${text}": use 12.months, 90.days, 2.weeks, 1.year or a date like 2025-01-31`)
}
