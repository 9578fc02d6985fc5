import { describe, expect, it } from 'vitest'
import { scrollTopToCenter, scrollTopToReveal, visibleWindow } from './virtual-window'

describe('visibleWindow', () => {
  it('renders the visible rows plus the overscan', () => {
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 100, rowHeight: 20, count: 1000, overscan: 3 })).toEqual({
      start: 0,
      end: 8,
      totalHeight: 20_000,
    })
    expect(visibleWindow({ scrollTop: 1000, viewportHeight: 100, rowHeight: 20, count: 1000, overscan: 3 })).toEqual({
      start: 47,
      end: 58,
      totalHeight: 20_000,
    })
  })

  it('counts a partly visible row at either edge', () => {
    const w = visibleWindow({ scrollTop: 10, viewportHeight: 100, rowHeight: 20, count: 1000, overscan: 0 })
    expect([w.start, w.end]).toEqual([0, 6])
  })

  it('stays inside the list at its end and when the list is shorter than the viewport', () => {
    expect(visibleWindow({ scrollTop: 19_990, viewportHeight: 100, rowHeight: 20, count: 1000, overscan: 5 })).toMatchObject({
      start: 990,
      end: 1000,
    })
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 500, rowHeight: 20, count: 3, overscan: 5 })).toMatchObject({ start: 0, end: 3 })
  })

  it('clamps a stale scroll position after the list shrank', () => {
    expect(visibleWindow({ scrollTop: 1_000_000, viewportHeight: 100, rowHeight: 20, count: 10, overscan: 0 })).toMatchObject({
      start: 5,
      end: 10,
    })
  })

  it('renders nothing for an empty list or before the viewport is measured', () => {
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 100, rowHeight: 20, count: 0, overscan: 5 })).toEqual({ start: 0, end: 0, totalHeight: 0 })
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 0, rowHeight: 20, count: 50, overscan: 2 })).toMatchObject({ start: 0, end: 3 })
  })

  it('keeps the window small for 50,000 rows wherever the scroll is', () => {
    for (const scrollTop of [0, 123_457, 999_990]) {
      const w = visibleWindow({ scrollTop, viewportHeight: 600, rowHeight: 28, count: 50_000, overscan: 8 })
      expect(w.end - w.start).toBeLessThanOrEqual(600 / 28 + 2 + 16)
      expect(w.totalHeight).toBe(1_400_000)
    }
  })
})

describe('scrolling a row into view', () => {
  it('leaves the position alone when the row is visible', () => {
    expect(scrollTopToReveal(5, 20, 60, 100)).toBe(60)
  })

  it('scrolls up to a row above and down to a row below, as little as possible', () => {
    expect(scrollTopToReveal(2, 20, 60, 100)).toBe(40)
    expect(scrollTopToReveal(10, 20, 60, 100)).toBe(120)
  })

  it('centres a far row, within the list', () => {
    expect(scrollTopToCenter(500, 20, 100, 1000)).toBe(9960)
    expect(scrollTopToCenter(0, 20, 100, 1000)).toBe(0)
    expect(scrollTopToCenter(999, 20, 100, 1000)).toBe(19_900)
  })
})
