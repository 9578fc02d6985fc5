import { describe, expect, it } from 'vitest'
import type { Owner } from '../../../../shared/graph-types'
import { shareBars } from './owners-model'

function owner(name: string, share: number): Owner {
  return { name, email: `${name.toLowerCase()}@example.com`, share, commits: 1, linesAdded: 1, linesRemoved: 0, lastActive: '2026-01-01T00:00:00Z', bot: false }
}

describe('owner share bars', () => {
  it('shows everybody when there are few owners, largest first', () => {
    const bars = shareBars([owner('Bo', 0.25), owner('Al', 0.75)])
    expect(bars.map((bar) => [bar.label, bar.share])).toEqual([
      ['Al', 0.75],
      ['Bo', 0.25],
    ])
  })

  it('groups everyone past the top eight as Others, keeping the total', () => {
    const owners = Array.from({ length: 12 }, (_, i) => owner(`P${String(i).padStart(2, '0')}`, 12 - i))
    const total = owners.reduce((sum, o) => sum + o.share, 0)
    const bars = shareBars(owners.map((o) => ({ ...o, share: o.share / total })))
    expect(bars).toHaveLength(9)
    expect(bars.slice(0, 8).map((bar) => bar.label)).toEqual(['P00', 'P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07'])
    const others = bars[8]
    expect(others).toMatchObject({ label: 'Others (4)', email: null, people: 4, owner: null })
    expect(others?.share).toBeCloseTo((4 + 3 + 2 + 1) / total)
    expect(bars.reduce((sum, bar) => sum + bar.share, 0)).toBeCloseTo(1)
  })

  it('shows no Others bar for exactly eight owners, and nothing for none', () => {
    expect(shareBars(Array.from({ length: 8 }, (_, i) => owner(`P${i}`, 1 / 8)))).toHaveLength(8)
    expect(shareBars([])).toEqual([])
  })
})
