import { describe, expect, it } from 'vitest'
import { compareEdges } from '../../../src/core/code/resolve/js/compare-edges'

describe('comparing two edge sets', () => {
  it('scores precision over our edges and recall over theirs, listing each disagreement sorted', () => {
    const ours: [string, string][] = [
      ['src/b.ts', 'src/c.ts'],
      ['src/a.ts', 'src/b.ts'],
      ['src/a.ts', 'src/x.ts'],
      ['src/a.ts', 'src/b.ts'], // a second import of the same file is the same edge
    ]
    const theirs: [string, string][] = [
      ['src/a.ts', 'src/b.ts'],
      ['src/b.ts', 'src/c.ts'],
      ['src/c.ts', 'src/d.ts'],
      ['src/a.ts', 'src/y.ts'],
    ]
    expect(compareEdges(ours, theirs)).toEqual({
      precision: 2 / 3,
      recall: 2 / 4,
      onlyOurs: [['src/a.ts', 'src/x.ts']],
      onlyTheirs: [
        ['src/a.ts', 'src/y.ts'],
        ['src/c.ts', 'src/d.ts'],
      ],
    })
  })

  it('is perfect for identical sets, whatever their order, and for two empty ones', () => {
    const edges: [string, string][] = [
      ['a.ts', 'b.ts'],
      ['b.ts', 'c.ts'],
    ]
    expect(compareEdges(edges, [...edges].reverse())).toEqual({ precision: 1, recall: 1, onlyOurs: [], onlyTheirs: [] })
    expect(compareEdges([], [])).toEqual({ precision: 1, recall: 1, onlyOurs: [], onlyTheirs: [] })
  })

  it('gives no credit for an edge reversed, and none for finding nothing', () => {
    expect(compareEdges([['b.ts', 'a.ts']], [['a.ts', 'b.ts']])).toMatchObject({ precision: 0, recall: 0 })
    expect(compareEdges([], [['a.ts', 'b.ts']])).toMatchObject({ precision: 1, recall: 0, onlyTheirs: [['a.ts', 'b.ts']] })
  })

  it('takes any iterable, such as a generator over a database cursor', () => {
    function* edges(): Generator<[string, string]> {
      yield ['a.ts', 'b.ts']
    }
    expect(compareEdges(edges(), new Set<[string, string]>([['a.ts', 'b.ts']]))).toMatchObject({ precision: 1, recall: 1 })
  })
})
