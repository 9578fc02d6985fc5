import { describe, expect, it, vi } from 'vitest'
import { buildApi } from '../../../shared/api'
import { createHttpTransport, type EventSourceLike } from './http-transport'

interface Sent {
  readonly url: string
  readonly init: RequestInit
}

function fakeFetch(answer: () => Response | Promise<Response>): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = []
  const fn = (async (url: string, init: RequestInit) => {
    sent.push({ url, init })
    return answer()
  }) as unknown as typeof fetch
  return { fetch: fn, sent }
}

class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = []
  readyState = 1
  readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>()
  closed = false
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this)
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  close(): void {
    this.closed = true
  }
  emit(type: string, data: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }))
  }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('browser-mode calls', () => {
  it('posts the request to /api/call/<encoded channel> with the bearer token', async () => {
    const { fetch, sent } = fakeFetch(() => json(200, { ok: true, value: [] }))
    const api = buildApi(createHttpTransport({ token: 'tok en', fetch }))

    const result = await api.repos.list({})

    expect(result).toEqual({ ok: true, value: [] })
    expect(sent).toHaveLength(1)
    expect(sent[0]?.url).toBe('/api/call/repos%3Alist')
    expect(sent[0]?.init.method).toBe('POST')
    expect(sent[0]?.init.headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer tok en' })
    expect(sent[0]?.init.body).toBe('{}')
  })

  it('passes a failed result through as it came', async () => {
    const failed = { ok: false, error: { code: 'not_a_repository', message: 'Not a git repository: /tmp/x' } }
    const { fetch, sent } = fakeFetch(() => json(200, failed))
    const api = buildApi(createHttpTransport({ token: 't', fetch }))

    expect(await api.repos.add({ path: '/tmp/x' })).toEqual(failed)
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ path: '/tmp/x' })
  })

  it('turns 401 and 403 into forbidden results that say what to do', async () => {
    const unauthorised = await buildApi(createHttpTransport({ token: 'stale', fetch: fakeFetch(() => new Response('no', { status: 401 })).fetch })).app.info({})
    expect(unauthorised.ok).toBe(false)
    if (!unauthorised.ok) {
      expect(unauthorised.error.code).toBe('forbidden')
      expect(unauthorised.error.message).toContain('coop serve')
    }

    const refused = await buildApi(
      createHttpTransport({ token: 't', fetch: fakeFetch(() => json(403, { ok: false, error: { code: 'forbidden', message: 'Origin not allowed' } })).fetch }),
    ).app.info({})
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Origin not allowed') } })
  })

  it('turns a server error, a network failure and a malformed answer into internal results', async () => {
    const cases: (() => Response | Promise<Response>)[] = [
      () => new Response('boom', { status: 500 }),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => new Response('not json', { status: 200 }),
      () => json(200, { something: 'else' }),
    ]
    for (const answer of cases) {
      const result = await buildApi(createHttpTransport({ token: 't', fetch: fakeFetch(answer).fetch })).repos.list({})
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('internal')
        expect(result.error.message.length).toBeGreaterThan(10)
      }
    }
  })

  it('sends no Authorization header without a token (the cookie may still sign the page in)', async () => {
    const { fetch, sent } = fakeFetch(() => json(200, { ok: true, value: null }))
    await buildApi(createHttpTransport({ token: null, fetch })).repos.list({})
    expect(sent[0]?.init.headers).toEqual({ 'Content-Type': 'application/json' })
  })
})

describe('browser-mode events', () => {
  it('opens one stream lazily, delivers payloads per event, and unsubscribes', () => {
    FakeEventSource.opened = []
    const api = buildApi(
      createHttpTransport({ token: 'a&b', fetch: fakeFetch(() => json(200, {})).fetch, createEventSource: (url) => new FakeEventSource(url) }),
    )
    expect(FakeEventSource.opened).toHaveLength(0)

    const progress: unknown[] = []
    const finished: unknown[] = []
    const offProgress = api.on('index:progress', (payload) => progress.push(payload))
    api.on('index:finished', (payload) => finished.push(payload))
    expect(FakeEventSource.opened).toHaveLength(1)
    const source = FakeEventSource.opened[0]!
    expect(source.url).toBe('/api/events?token=a%26b')

    const event = { repoId: 1, phase: 'reading', done: 5, total: 10 }
    source.emit('index:progress', JSON.stringify(event))
    expect(progress).toEqual([event])
    expect(finished).toEqual([])

    offProgress()
    source.emit('index:progress', JSON.stringify(event))
    expect(progress).toHaveLength(1)

    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    source.emit('index:finished', '{not json')
    expect(finished).toEqual([])
    expect(logged).toHaveBeenCalledWith('Dropped a index:finished event whose data is not JSON', expect.any(SyntaxError))
    logged.mockRestore()
    expect(FakeEventSource.opened).toHaveLength(1)
  })
})
