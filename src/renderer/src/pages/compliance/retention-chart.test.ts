import { describe, expect, it } from 'vitest'
import { retentionColumns, retentionSeriesList } from './retention-chart'

describe('the retention chart', () => {
  it('stacks the four modes, then blocked requests', () => {
    expect(retentionSeriesList.map((s) => s.key)).toEqual(['local', 'contract', 'flag', 'none', 'blocked'])
    expect(retentionSeriesList.at(-1)?.label).toBe('Blocked by policy')
  })

  it('has a column for every day from the start to today, quiet ones at zero', () => {
    const columns = retentionColumns(
      { since: '2026-03-01T09:30:00.000Z', days: [{ day: '2026-03-02', local: 1, contract: 0, flag: 2, none: 0, blocked: 1 }] },
      '2026-03-03',
    )
    expect(columns).toEqual([
      { day: '2026-03-01', values: { local: 0, contract: 0, flag: 0, none: 0, blocked: 0 } },
      { day: '2026-03-02', values: { local: 1, contract: 0, flag: 2, none: 0, blocked: 1 } },
      { day: '2026-03-03', values: { local: 0, contract: 0, flag: 0, none: 0, blocked: 0 } },
    ])
  })
})
