import { describe, expect, it } from 'vitest'
import { exploreHash, isExploreHash, parseExploreHash, pickRepoId } from './explore-route'

describe('the Explore address', () => {
  it('reads repository, path and view', () => {
    expect(parseExploreHash('#/explore?repo=3&path=src/app.ts&view=hotspots')).toEqual({ repoId: 3, path: 'src/app.ts', view: 'hotspots' })
    expect(parseExploreHash('#/explore')).toEqual({ repoId: null, path: null, view: 'files' })
    expect(parseExploreHash('#/explore?repo=abc&path=/docs/')).toEqual({ repoId: null, path: 'docs', view: 'files' })
    expect(parseExploreHash('#/explore?repo=-1&view=other')).toEqual({ repoId: null, path: null, view: 'files' })
  })

  it('writes what it reads, keeping slashes readable and odd characters safe', () => {
    for (const route of [
      { repoId: 3, path: 'src/a b&c=d.ts', view: 'files' as const },
      { repoId: 1, path: null, view: 'hotspots' as const },
      { repoId: null, path: null, view: 'files' as const },
      { repoId: 12, path: 'naïve/#hash?.md', view: 'files' as const },
    ]) {
      expect(parseExploreHash(exploreHash(route))).toEqual(route)
    }
    expect(exploreHash({ repoId: 3, path: 'src/app.ts', view: 'files' })).toBe('#/explore?repo=3&path=src/app.ts')
    expect(exploreHash({ repoId: null, path: null, view: 'files' })).toBe('#/explore')
  })
})

describe('choosing the repository', () => {
  it('prefers the address, then the remembered choice, then the first', () => {
    expect(pickRepoId([1, 2, 3], 3, 2)).toBe(3)
    expect(pickRepoId([1, 2, 3], 9, 2)).toBe(2)
    expect(pickRepoId([1, 2, 3], null, 7)).toBe(1)
    expect(pickRepoId([], 1, 1)).toBeNull()
  })
})

describe('recognising the page', () => {
  it('matches its own fragments only', () => {
    expect(isExploreHash('#/explore')).toBe(true)
    expect(isExploreHash('#/explore?repo=1')).toBe(true)
    expect(isExploreHash('#/explorer')).toBe(false)
    expect(isExploreHash('#/repositories')).toBe(false)
  })
})
