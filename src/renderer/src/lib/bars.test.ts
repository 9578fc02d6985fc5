import { describe, expect, it } from 'vitest'
import { barPercent, formatShare } from './bars'

describe('bars', () => {
  it('scales to the largest value, never below a sliver for non-zero values', () => {
    expect(barPercent(50, 200)).toBe(25)
    expect(barPercent(200, 200)).toBe(100)
    expect(barPercent(0.001, 200)).toBe(1)
    expect(barPercent(0, 200)).toBe(0)
    expect(barPercent(5, 0)).toBe(0)
    expect(barPercent(Number.NaN, 10)).toBe(0)
  })

  it('formats shares as whole percentages', () => {
    expect(formatShare(0.4249)).toBe('42%')
    expect(formatShare(1)).toBe('100%')
    expect(formatShare(0.004)).toBe('<1%')
    expect(formatShare(0)).toBe('0%')
  })
})
