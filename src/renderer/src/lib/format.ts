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
