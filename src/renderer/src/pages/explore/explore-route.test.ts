import { describe, expect, it } from 'vitest'
import { exploreHash, isExploreHash, parseExploreHash, pickRepoId } from './explore-route'

describe('the Explore address', () => {
  it('reads repository, path and view', () => {
    expect(parseExploreHash('#/explore?repo=3&path=src/app.ts&view=hotspots')).toEqual({ repoId: 3, path: 'src/app.ts', view: 'hotspots', name: null })
    expect(parseExploreHash('#/explore')).toEqual({ repoId: null, path: null, view: 'files', name: null })
    expect(parseExploreHash('#/explore?repo=abc&path=/docs/')).toEqual({ repoId: null, path: 'docs', view: 'files', name: null })
    expect(parseExploreHash('#/explore?repo=-1&view=other')).toEqual({ repoId: null, path: null, view: 'files', name: null })
  })

  it('reads the Symbols view and the name searched, trimmed; a blank name is none', () => {
    expect(parseExploreHash('#/explore?repo=2&view=symbols&name=Service')).toEqual({ repoId: 2, path: null, view: 'symbols', name: 'Service' })
    expect(parseExploreHash('#/explore?repo=2&view=symbols&name=%20total%20')).toEqual({ repoId: 2, path: null, view: 'symbols', name: 'total' })
    expect(parseExploreHash('#/explore?view=symbols&name=')).toEqual({ repoId: null, path: null, view: 'symbols', name: null })
    // A file chosen from the Symbols view keeps the search, so the tab comes back to it.
    expect(parseExploreHash('#/explore?repo=2&path=src/cli.ts&name=total')).toEqual({ repoId: 2, path: 'src/cli.ts', view: 'files', name: 'total' })
  })

  it('writes what it reads, keeping slashes readable and odd characters safe', () => {
    for (const route of [
      { repoId: 3, path: 'src/a b&c=d.ts', view: 'files' as const, name: null },
      { repoId: 1, path: null, view: 'hotspots' as const, name: null },
      { repoId: null, path: null, view: 'files' as const, name: null },
      { repoId: 12, path: 'naïve/#hash?.md', view: 'files' as const, name: null },
      { repoId: 4, path: null, view: 'symbols' as const, name: 'operator<<&=#?' },
      { repoId: 4, path: 'src/cli.ts', view: 'files' as const, name: 'Service.total' },
    ]) {
      expect(parseExploreHash(exploreHash(route))).toEqual(route)
    }
    expect(exploreHash({ repoId: 3, path: 'src/app.ts', view: 'files', name: null })).toBe('#/explore?repo=3&path=src/app.ts')
    expect(exploreHash({ repoId: null, path: null, view: 'files', name: null })).toBe('#/explore')
    expect(exploreHash({ repoId: 3, path: null, view: 'symbols', name: 'total' })).toBe('#/explore?repo=3&view=symbols&name=total')
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
