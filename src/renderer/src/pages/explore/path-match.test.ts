import { describe, expect, it } from 'vitest'
import { highlightRuns, matchedIndices } from './path-match'

describe('search result highlighting', () => {
  it('prefers a match in the file name', () => {
    expect(matchedIndices('idx', 'src/index.ts')).toEqual([4, 6, 8])
  })

  it('falls back to the whole path for an @-mention style query', () => {
    expect(matchedIndices('srvidx', 'src/server/index.ts')).toEqual([0, 1, 7, 11, 13, 15])
    expect(matchedIndices('zz', 'src/index.ts')).toEqual([])
    expect(matchedIndices('  ', 'src/index.ts')).toEqual([])
  })

  it('splits text into matched and plain runs', () => {
    expect(highlightRuns('index.ts', [0, 1, 3])).toEqual([
      { text: 'in', matched: true },
      { text: 'd', matched: false },
      { text: 'e', matched: true },
      { text: 'x.ts', matched: false },
    ])
  })
})
