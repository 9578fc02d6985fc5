import { describe, expect, it } from 'vitest'
import { chartSummary, everyDay, formatDay, layoutStackedBars, niceStep, seriesTotals, type StackedColumn } from './stacked-bars'

type Mode = 'local' | 'contract' | 'flag' | 'none'
const MODES: readonly Mode[] = ['local', 'contract', 'flag', 'none']

function column(day: string, values: Partial<Record<Mode, number>>): StackedColumn<Mode> {
  return { day, values: { local: 0, contract: 0, flag: 0, none: 0, ...values } }
}

describe('the days', () => {
  it('run from the first to today, quiet days filled in, a later day with data kept', () => {
    const days = everyDay('2026-02-27', '2026-03-01', [{ day: '2026-03-02', n: 1 }], (day) => ({ day, n: 0 }))
    expect(days).toEqual([
      { day: '2026-02-27', n: 0 },
      { day: '2026-02-28', n: 0 },
      { day: '2026-03-01', n: 0 },
      { day: '2026-03-02', n: 1 },
    ])
  })
})

describe('the axis', () => {
  it('steps by 1, 2 or 5 times a power of ten, never below one', () => {
    expect(niceStep(0)).toBe(1)
    expect(niceStep(3)).toBe(1)
    expect(niceStep(7)).toBe(2)
    expect(niceStep(18)).toBe(5)
    expect(niceStep(230)).toBe(100)
  })
})

describe('the bars', () => {
  const columns = [column('2026-03-01', {}), column('2026-03-02', { local: 3, flag: 1 }), column('2026-03-03', { none: 2 })]

  it('stack the series in order from the axis up, heights proportional to the counts', () => {
    const layout = layoutStackedBars(columns, MODES, 300, 124)
    expect(layout.max).toBe(4)
    expect(layout.plot).toEqual({ left: 36, top: 10, width: 256, height: 90 })
    const [empty, mixed, none] = layout.bars
    expect(empty?.segments).toEqual([])
    expect(mixed?.total).toBe(4)
    expect(mixed?.segments.map((s) => [s.key, s.count, s.height])).toEqual([
      ['local', 3, 67.5],
      ['flag', 1, 22.5],
    ])
    // Each segment sits on the one below it; the bottom one on the axis.
    expect(mixed?.segments[0]?.y).toBe(100 - 67.5)
    expect(mixed?.segments[1]?.y).toBe(100 - 90)
    expect(none?.segments).toEqual([{ key: 'none', count: 2, y: 55, height: 45 }])
  })

  it('count only the series asked for', () => {
    const layout = layoutStackedBars(columns, ['flag'] as const, 300, 124)
    expect(layout.bars.map((b) => b.total)).toEqual([0, 1, 0])
    expect(layout.max).toBe(1)
  })

  it('keeps bars inside the plot and in order', () => {
    const layout = layoutStackedBars(columns, MODES, 300, 124)
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.plot.left)
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plot.left + layout.plot.width)
    }
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4])
    expect(layout.ticks[0]?.y).toBe(100)
    expect(layout.ticks.at(-1)?.y).toBe(10)
  })

  it('labels a few days, always today', () => {
    const many = Array.from({ length: 91 }, (_, i) => column(`day-${i}`, {}))
    const { labelled } = layoutStackedBars(many, MODES)
    expect(labelled.length).toBeLessThanOrEqual(8)
    expect(labelled.at(-1)).toBe(90)
    expect(layoutStackedBars(columns, MODES).labelled).toEqual([0, 1, 2])
  })

  it('draws an empty window with an axis up to one', () => {
    const layout = layoutStackedBars([column('2026-03-01', {})], MODES)
    expect(layout.max).toBe(1)
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 1])
  })
})

describe('the summary', () => {
  const series = [
    { key: 'local', label: 'Runs locally' },
    { key: 'contract', label: 'Agreement' },
    { key: 'flag', label: 'No-store flag' },
    { key: 'none', label: 'No retention control' },
  ] as const
  const columns = [column('2026-03-01', { local: 1 }), column('2026-03-02', { flag: 2, none: 1 })]

  it('totals each series', () => {
    expect(seriesTotals(columns, MODES)).toEqual([
      ['local', 1],
      ['contract', 0],
      ['flag', 2],
      ['none', 1],
    ])
  })

  it('names the span, the total and the series that have any', () => {
    expect(chartSummary('Requests per day', columns, series, 'en-US')).toBe('Requests per day from Mar 1, 2026 to Mar 2, 2026: 4 in total, 1 runs locally, 2 no-store flag, 1 no retention control')
    expect(chartSummary('Requests per day', [column('2026-03-01', {})], series, 'en-US')).toBe('Requests per day from Mar 1, 2026 to Mar 1, 2026: 0 in total')
  })
})

describe('day labels', () => {
  it('name the UTC day whatever the time zone', () => {
    expect(formatDay('2026-03-01', 'en-US')).toBe('Mar 1, 2026')
    expect(formatDay('2026-03-01', 'en-US', { month: 'short', day: 'numeric' })).toBe('Mar 1')
    expect(formatDay('someday', 'en-US')).toBe('someday')
  })
})
