import { describe, expect, it } from 'vitest'
import { formatLineRanges } from './line-ranges'

describe('line ranges', () => {
  it('reads like prose', () => {
    expect(formatLineRanges([[5, 5]])).toBe('line 5')
    expect(formatLineRanges([[1, 4]])).toBe('lines 1–4')
    expect(formatLineRanges([[1, 4], [9, 9], [12, 15]])).toBe('lines 1–4, 9, 12–15')
    expect(formatLineRanges([])).toBe('')
  })
})
