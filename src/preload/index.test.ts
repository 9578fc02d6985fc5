import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CoopApi } from '../shared/api'
import { channelNames, eventNames } from '../shared/contract'

/** ipcRenderer as an EventEmitter, so listeners really attach and detach. */
const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async (channel: string, request: unknown): Promise<unknown> => ({ ok: true, value: { channel, request } })),
  })
  return { ipcRenderer, exposeInMainWorld: vi.fn() }
})

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: fake.exposeInMainWorld },
  ipcRenderer: fake.ipcRenderer,
}))

await import('./index')
// Read right after the import: the runner clears mock calls between tests.
const exposed = [...fake.exposeInMainWorld.mock.calls]

function exposedApi(): CoopApi {
  expect(exposed).toHaveLength(1)
  const [key, api] = exposed[0] ?? []
  expect(key).toBe('coop')
  return api as CoopApi
}

afterEach(() => {
  vi.restoreAllMocks()
  fake.ipcRenderer.removeAllListeners()
})

describe('window.coop', () => {
  it('has a function for every contract channel and nothing generic', () => {
    const api = exposedApi() as unknown as Record<string, Record<string, unknown>>
    const namespaces = new Set(channelNames.map((name) => name.split(':')[0]))
    expect(new Set(Object.keys(api))).toEqual(new Set([...namespaces, 'on']))
    for (const name of channelNames) {
      const [namespace = '', method = ''] = name.split(':')
      expect(typeof api[namespace]?.[method], name).toBe('function')
    }
    expect(api).not.toHaveProperty('invoke')
    expect(api).not.toHaveProperty('ipcRenderer')
    expect(api).not.toHaveProperty('send')
  })

  it('sends each call to its own channel with the request', async () => {
    const api = exposedApi()
    await expect(api.repos.remove({ repoId: 3 })).resolves.toEqual({
      ok: true,
      value: { channel: 'repos:remove', request: { repoId: 3 } },
    })
    await api.app.info({})
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('app:info', {})
  })

  it('turns a missing main handler into a result instead of a rejection', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'repos:list'"))
    await expect(exposedApi().repos.list({})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('rejects unknown event names', () => {
    const on = exposedApi().on as (event: string, listener: () => void) => () => void
    expect(() => on('index:secret', () => {})).toThrow(/Unknown event/)
    expect(fake.ipcRenderer.eventNames()).toEqual([])
  })

  it('passes only the payload to event listeners', () => {
    const listener = vi.fn()
    exposedApi().on('index:progress', listener)
    const payload = { repoId: 1, phase: 'reading', done: 2, total: 4 }
    fake.ipcRenderer.emit('index:progress', { sender: 'the ipc event' }, payload)
    expect(listener).toHaveBeenCalledWith(payload)
    expect(listener.mock.calls[0]).toHaveLength(1)
  })

  it('removes the ipc listener on unsubscribe', () => {
    const api = exposedApi()
    for (const event of eventNames) {
      const listener = vi.fn()
      const unsubscribe = api.on(event, listener)
      expect(fake.ipcRenderer.listenerCount(event)).toBe(1)
      unsubscribe()
      expect(fake.ipcRenderer.listenerCount(event)).toBe(0)
      fake.ipcRenderer.emit(event, {}, {})
      expect(listener).not.toHaveBeenCalled()
    }
  })
})
