/** Display formatting shared by the pages. Locale comes from the browser unless a test passes one. */

export function formatCount(value: number, locale?: string): string {
  return value.toLocaleString(locale)
}

/** The abbreviated commit hash git shows by default. */
export function shortHash(hash: string | null): string | null {
  return hash === null ? null : hash.slice(0, 7)
}

const units: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "just now", "5 minutes ago", "yesterday"; the raw text when the date cannot be read. */
export function formatRelativeTime(iso: string, now: number, locale?: string): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return iso
  const seconds = Math.round((then - now) / 1000)
  if (Math.abs(seconds) < 45) return 'just now'
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit)
  }
  return format.format(seconds, 'second')
}

export function formatDateTime(iso: string, locale?: string): string {
  const then = Date.parse(iso)
  return Number.isNaN(then) ? iso : new Date(then).toLocaleString(locale)
}

/** A calendar date without the time: "12 Mar 2026" (in the browser's locale). */
export function formatDate(iso: string, locale?: string): string {
  const then = Date.parse(iso)
  return Number.isNaN(then) ? iso : new Date(then).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' })
}

/** A file size in bytes as people read it: "812 B", "14.2 KB", "3.1 MB". */
export function formatBytes(bytes: number, locale?: string): string {
  if (bytes < 1024) return `${formatCount(bytes, locale)} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toLocaleString(locale, { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`
}

/** A model cost in US dollars: "$1.23", "$0.0042" (two significant digits under a cent); "—" when unpriced. */
export function formatUsd(value: number | null, locale?: string): string {
  if (value === null || !Number.isFinite(value)) return '—'
  const small = value !== 0 && Math.abs(value) < 0.01
  return value.toLocaleString(locale, {
    style: 'currency',
    currency: 'USD',
    ...(small ? { maximumSignificantDigits: 2 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  })
}
