import { describe, expect, it } from 'vitest'
import type { UsageRow } from '../../../../shared/router-types'
import { totalCost } from './usage-cost'

const row = (costUsd: number | null): UsageRow => ({ provider: 'p', model: 'm', requests: 1, failed: 0, inputTokens: 1, outputTokens: 1, costUsd })
const totals = (costUsd: number) => ({ requests: 0, inputTokens: 0, outputTokens: 0, costUsd })

describe('the total cost', () => {
  it('is the sum when every row is priced', () => {
    expect(totalCost({ rows: [row(0.5), row(0.25)], totals: totals(0.75) })).toEqual({ usd: 0.75, partial: false })
  })

  it('is partial when some models have no price, and unknown when none has', () => {
    expect(totalCost({ rows: [row(0.5), row(null)], totals: totals(0.5) })).toEqual({ usd: 0.5, partial: true })
    expect(totalCost({ rows: [row(null)], totals: totals(0) })).toEqual({ usd: null, partial: false })
    expect(totalCost({ rows: [], totals: totals(0) })).toEqual({ usd: null, partial: false })
  })
})
