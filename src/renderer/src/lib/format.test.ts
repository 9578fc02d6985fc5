import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount, formatDate, formatRelativeTime, formatUsd, shortHash } from './format'

describe('formatting', () => {
  it('groups counts for the locale', () => {
    expect(formatCount(1234567, 'en-US')).toBe('1,234,567')
  })

  it('shortens hashes as git does', () => {
    expect(shortHash('0123456789abcdef')).toBe('0123456')
    expect(shortHash(null)).toBeNull()
  })

  it('says how long ago, in words', () => {
    const now = Date.parse('2026-03-10T12:00:00Z')
    expect(formatRelativeTime('2026-03-10T11:59:50Z', now, 'en')).toBe('just now')
    expect(formatRelativeTime('2026-03-10T11:55:00Z', now, 'en')).toBe('5 minutes ago')
    expect(formatRelativeTime('2026-03-09T11:00:00Z', now, 'en')).toBe('yesterday')
    expect(formatRelativeTime('not a date', now, 'en')).toBe('not a date')
  })

  it('gives sizes in bytes, kilobytes and megabytes', () => {
    expect(formatBytes(812, 'en-US')).toBe('812 B')
    expect(formatBytes(14_540, 'en-US')).toBe('14 KB')
    expect(formatBytes(9_830, 'en-US')).toBe('9.6 KB')
    expect(formatBytes(3 * 1024 * 1024 + 200_000, 'en-US')).toBe('3.2 MB')
    expect(formatBytes(512 * 1024, 'en-US')).toBe('512 KB')
  })

  it('gives dates without the time', () => {
    expect(formatDate('2026-03-10T12:00:00Z', 'en-US')).toBe('Mar 10, 2026')
    expect(formatDate('nope', 'en-US')).toBe('nope')
  })

  it('gives costs in dollars, small ones to two significant digits, unpriced as a dash', () => {
    expect(formatUsd(1.234, 'en-US')).toBe('$1.23')
    expect(formatUsd(0, 'en-US')).toBe('$0.00')
    expect(formatUsd(0.000_016_5, 'en-US')).toBe('$0.000017')
    expect(formatUsd(null, 'en-US')).toBe('—')
  })
})
