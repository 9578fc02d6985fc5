import { describe, expect, it } from 'vitest'
import { formatCount, formatRelativeTime, shortHash } from './format'

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
})
