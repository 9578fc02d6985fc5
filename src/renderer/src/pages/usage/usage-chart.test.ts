import { describe, expect, it } from 'vitest'
import type { UsageDay } from '../../../../shared/router-types'
import { chartDays, formatDay, layoutUsageChart, niceStep, type ChartDay } from './usage-chart'

function usageDay(day: string, byRetention: Partial<UsageDay['byRetention']>): UsageDay {
  const full = { local: 0, contract: 0, flag: 0, none: 0, ...byRetention }
  const requests = full.local + full.contract + full.flag + full.none
  return { day, requests, inputTokens: 0, outputTokens: 0, costUsd: 0, byRetention: full }
}

describe('the days of the chart', () => {
  it('runs from the report’s start to today, with quiet days at zero', () => {
    const days = chartDays({ since: '2026-03-07T15:00:00.000Z', days: [usageDay('2026-03-08', { local: 2 })] }, '2026-03-10')
    expect(days.map((d) => [d.day, d.requests])).toEqual([
      ['2026-03-07', 0],
      ['2026-03-08', 2],
      ['2026-03-09', 0],
      ['2026-03-10', 0],
    ])
  })

  it('crosses month ends and keeps a day later than the local clock', () => {
    const days = chartDays({ since: '2026-02-27T00:00:00.000Z', days: [usageDay('2026-03-02', { flag: 1 })] }, '2026-03-01')
    expect(days.map((d) => d.day)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'])
  })
})

describe('the axis', () => {
  it('steps by 1, 2 or 5 times a power of ten, never below one request', () => {
    expect(niceStep(0)).toBe(1)
    expect(niceStep(3)).toBe(1)
    expect(niceStep(7)).toBe(2)
    expect(niceStep(18)).toBe(5)
    expect(niceStep(230)).toBe(100)
  })
})

describe('the bars', () => {
  const days: ChartDay[] = [usageDay('2026-03-01', {}), usageDay('2026-03-02', { local: 3, flag: 1 }), usageDay('2026-03-03', { none: 2 })]

  it('stack local at the bottom, heights proportional to the counts', () => {
    const layout = layoutUsageChart(days, 300, 124)
    expect(layout.max).toBe(4)
    expect(layout.plot).toEqual({ left: 36, top: 10, width: 256, height: 90 })
    const [empty, mixed, none] = layout.bars
    expect(empty?.segments).toEqual([])
    expect(mixed?.segments.map((s) => [s.mode, s.count, s.height])).toEqual([
      ['local', 3, 67.5],
      ['flag', 1, 22.5],
    ])
    // Each segment sits on the one below it; the bottom one on the axis.
    expect(mixed?.segments[0]?.y).toBe(100 - 67.5)
    expect(mixed?.segments[1]?.y).toBe(100 - 90)
    expect(none?.segments).toEqual([{ mode: 'none', count: 2, y: 55, height: 45 }])
  })

  it('keeps bars inside the plot and in order', () => {
    const layout = layoutUsageChart(days, 300, 124)
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.plot.left)
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plot.left + layout.plot.width)
    }
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4])
    expect(layout.ticks[0]?.y).toBe(100)
    expect(layout.ticks.at(-1)?.y).toBe(10)
  })

  it('labels a few days, always today', () => {
    const many = Array.from({ length: 91 }, (_, i) => usageDay(`day-${i}`, {}))
    const { labelled } = layoutUsageChart(many)
    expect(labelled.length).toBeLessThanOrEqual(8)
    expect(labelled.at(-1)).toBe(90)
    expect(layoutUsageChart(days).labelled).toEqual([0, 1, 2])
  })

  it('draws an empty window with a one-request axis', () => {
    const layout = layoutUsageChart([usageDay('2026-03-01', {})])
    expect(layout.max).toBe(1)
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 1])
  })
})

describe('day labels', () => {
  it('name the UTC day whatever the time zone', () => {
    expect(formatDay('2026-03-01', 'en-US')).toBe('Mar 1, 2026')
    expect(formatDay('2026-03-01', 'en-US', { month: 'short', day: 'numeric' })).toBe('Mar 1')
    expect(formatDay('someday', 'en-US')).toBe('someday')
  })
})
