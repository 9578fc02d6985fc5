import { describe, expect, it } from 'vitest'
import type { UsageDay } from '../../../../shared/router-types'
import { chartDays, usageColumns } from './usage-chart'

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

  it('become columns stacked by retention mode', () => {
    const [column] = usageColumns(chartDays({ since: '2026-03-08T00:00:00.000Z', days: [usageDay('2026-03-08', { local: 2, none: 1 })] }, '2026-03-08'))
    expect(column).toEqual({ day: '2026-03-08', values: { local: 2, contract: 0, flag: 0, none: 1 } })
  })
})
