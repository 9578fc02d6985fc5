import { describe, expect, it } from 'vitest'
import { TOKEN_STORAGE_KEY, takeBrowserToken, type TokenEnvironment } from './browser-token'

function environment(search: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored === null ? [] : [[TOKEN_STORAGE_KEY, stored]])
  const replaced: string[] = []
  const env: TokenEnvironment = {
    location: { search, pathname: '/', hash: '#/repositories' },
    history: { state: null, replaceState: (_state, _unused, url) => void replaced.push(String(url)) },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
  }
  return { env, storage, replaced }
}

describe('the browser-mode token', () => {
  it('is taken from the address, kept for the tab, and removed from the address bar', () => {
    const { env, storage, replaced } = environment('?token=abc123&x=1')
    expect(takeBrowserToken(env)).toBe('abc123')
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('abc123')
    expect(replaced).toEqual(['/?x=1#/repositories'])
  })

  it('survives a reload from sessionStorage', () => {
    const { env, replaced } = environment('', 'kept')
    expect(takeBrowserToken(env)).toBe('kept')
    expect(replaced).toEqual([])
  })

  it('prefers a new token in the address over a stored one', () => {
    const { env, storage } = environment('?token=new', 'old')
    expect(takeBrowserToken(env)).toBe('new')
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('new')
  })

  it('is null when there is none, and works without storage', () => {
    expect(takeBrowserToken(environment('').env)).toBeNull()
    const { env } = environment('?token=t')
    expect(takeBrowserToken({ ...env, storage: null })).toBe('t')
  })
})
