import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../core/bridge/handlers'
import type { Core, ReposService } from '../core/core'
import { EventBus } from '../core/events/event-bus'
import { channelNames, eventNames } from '../shared/contract'
import type { IndexResult, RepoSummary } from '../shared/types'
import { APP_ORIGIN } from './app-origin'
import { createSenderCheck, forwardEvents, registerBridge } from './ipc'

type Listener = (event: IpcMainInvokeEvent, raw: unknown) => unknown

/** Records handlers the way ipcMain does, including its refusal of a second handler per channel. */
class FakeIpcMain {
  readonly handlers = new Map<string, Listener>()
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
  invoke(channel: string, event: IpcMainInvokeEvent, raw: unknown): Promise<unknown> {
    const listener = this.handlers.get(channel)
    if (!listener) throw new Error(`No handler registered for '${channel}'`)
    return Promise.resolve(listener(event, raw))
  }
}

const repo: RepoSummary = {
  id: 1,
  path: '/home/ada/src/coop',
  name: 'coop',
  head: null,
  commits: 0,
  files: 0,
  people: 0,
  filesAtHead: 0,
  shallow: false,
  addedAt: '2025-01-01T00:00:00.000Z',
  lastIndexedAt: null,
  state: { kind: 'idle' },
}

/** A Core with its repositories service spied on; nothing else is needed by the bridge. */
function fakeCore() {
  const repos = {
    list: vi.fn(() => [repo]),
    get: vi.fn(() => repo),
    index: vi.fn(async (): Promise<IndexResult> => {
      throw new Error('index is not called over the bridge')
    }),
    add: vi.fn(async () => repo),
    reindex: vi.fn(() => repo),
    remove: vi.fn(() => true),
  } satisfies ReposService
  const core: Core = {
    name: 'Coop Desktop',
    version: '0.1.0',
    dataDir: '/tmp/coop-data',
    events: new EventBus(),
    logger: { log: vi.fn() },
    repos,
    // The graph and code are not exercised here: a call reaching them would fail the test loudly.
    graph: {} as Core['graph'],
    code: {} as Core['code'],
    keys: {} as Core['keys'],
    providers: {} as Core['providers'],
    policy: {} as Core['policy'],
    router: {} as Core['router'],
    asks: {} as Core['asks'],
    audit: {} as Core['audit'],
    gitBackend: 'git',
    close: async () => {},
  }
  return { core, repos }
}

const ourContents = { id: 1 } as WebContents
const otherContents = { id: 2 } as WebContents

function senderEvent(
  url: string | null,
  { sender = ourContents, parent = null }: { sender?: WebContents; parent?: unknown } = {},
): IpcMainInvokeEvent {
  return { sender, senderFrame: url === null ? null : { url, parent } } as unknown as IpcMainInvokeEvent
}

function setUp(pickFolder?: () => Promise<string | null>) {
  const { core, repos } = fakeCore()
  const ipcMain = new FakeIpcMain()
  const handlers = createHandlers(core, { kind: 'electron', pickFolder: pickFolder ?? (async () => null) })
  const isTrustedSender = createSenderCheck({ appOrigin: APP_ORIGIN, isOurWebContents: (c) => c === ourContents })
  const unregister = registerBridge(ipcMain, handlers, isTrustedSender, core.logger)
  return { repos, ipcMain, unregister, logger: core.logger }
}

describe('registerBridge', () => {
  it('registers a main handler for every contract channel, and removes them all', () => {
    const { ipcMain, unregister } = setUp()
    expect(new Set(ipcMain.handlers.keys())).toEqual(new Set(channelNames))
    unregister()
    expect(ipcMain.handlers.size).toBe(0)
  })

  it('answers a valid call from our window with the core value', async () => {
    const { ipcMain } = setUp()
    const event = senderEvent('coop://app/index.html')
    await expect(ipcMain.invoke('repos:list', event, {})).resolves.toEqual({ ok: true, value: [repo] })
    await expect(ipcMain.invoke('app:info', event, {})).resolves.toEqual({
      ok: true,
      value: {
        name: 'Coop Desktop',
        version: '0.1.0',
        dataDir: '/tmp/coop-data',
        host: 'electron',
        capabilities: { pickFolder: true, printToPdf: false },
      },
    })
  })

  it('returns the folder the native picker chose', async () => {
    const { ipcMain } = setUp(async () => '/home/ada/src/coop')
    await expect(ipcMain.invoke('dialog:pickFolder', senderEvent('coop://app/'), {})).resolves.toEqual({
      ok: true,
      value: { path: '/home/ada/src/coop' },
    })
  })

  it.each([
    ['another origin', senderEvent('https://evil.example/index.html')],
    ['a look-alike custom origin', senderEvent('coop://evil/index.html')],
    ['a missing sender frame', senderEvent(null)],
    ['an unknown web contents', senderEvent('coop://app/index.html', { sender: otherContents })],
    ['a subframe', senderEvent('coop://app/index.html', { parent: {} })],
    ['an unparsable frame URL', senderEvent('not a url')],
  ])('refuses %s with forbidden before reaching core', async (_label, event) => {
    const { repos, ipcMain, logger } = setUp()
    const result = await ipcMain.invoke('repos:remove', event, { repoId: 1 })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(repos.remove).not.toHaveBeenCalled()
    expect(logger.log).toHaveBeenCalledWith('warn', expect.stringContaining('untrusted'), expect.objectContaining({ channel: 'repos:remove' }))
  })

  it('treats a sender whose frame throws on access (disposed) as untrusted', async () => {
    const { repos, ipcMain } = setUp()
    const event = {
      sender: ourContents,
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    } as unknown as IpcMainInvokeEvent
    await expect(ipcMain.invoke('repos:list', event, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(repos.list).not.toHaveBeenCalled()
  })

  it.each([
    ['a negative id', { repoId: -1 }],
    ['a string id', { repoId: '1' }],
    ['an extra key', { repoId: 1, force: true }],
    ['no request', undefined],
  ])('refuses %s with invalid_input', async (_label, raw) => {
    const { repos, ipcMain } = setUp()
    const result = await ipcMain.invoke('repos:remove', senderEvent('coop://app/index.html'), raw)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(repos.remove).not.toHaveBeenCalled()
  })

  it('trusts the dev server origin when that is the app origin', () => {
    const check = createSenderCheck({ appOrigin: 'http://localhost:5173', isOurWebContents: () => true })
    expect(check(senderEvent('http://localhost:5173/'))).toBe(true)
    expect(check(senderEvent('http://localhost:5174/'))).toBe(false)
    expect(check(senderEvent('coop://app/index.html'))).toBe(false)
  })
})

describe('forwardEvents', () => {
  function fakeContents(id: number, destroyed = false) {
    return { id, isDestroyed: () => destroyed, send: vi.fn() }
  }

  it('sends every contract event to each live window and skips destroyed ones', () => {
    const bus = new EventBus()
    const live = fakeContents(1)
    const gone = fakeContents(2, true)
    forwardEvents(bus, () => [live, gone] as unknown as WebContents[])

    const progress = { repoId: 1, phase: 'reading', done: 5, total: 10 } as const
    bus.emit('index:progress', progress)
    const finished = { repoId: 1, outcome: { kind: 'failed', error: { code: 'git_failed', message: 'git log failed' } } } as const
    bus.emit('index:finished', finished)
    const delta = { requestId: 'r1', text: 'Hel' }
    bus.emit('ask:delta', delta)
    const outcome = { requestId: 'r1', status: 'cancelled', provider: 'p', model: 'm', retentionMode: 'local', usage: null, costUsd: null, attempts: 1, fallbackFrom: [], redactions: 0, error: null } as const
    bus.emit('ask:finished', outcome)

    expect(live.send.mock.calls).toEqual([
      ['index:progress', progress],
      ['index:finished', finished],
      ['ask:delta', delta],
      ['ask:finished', outcome],
    ])
    expect(live.send.mock.calls.map(([name]) => name)).toEqual(eventNames)
    expect(gone.send).not.toHaveBeenCalled()
  })

  it('keeps sending to other windows when one fails, and stops after unsubscribe', () => {
    const bus = new EventBus()
    const broken = fakeContents(1)
    broken.send.mockImplementation(() => {
      throw new Error('Object has been destroyed')
    })
    const healthy = fakeContents(2)
    const logger = { log: vi.fn() }
    const stop = forwardEvents(bus, () => [broken, healthy] as unknown as WebContents[], logger)

    bus.emit('index:progress', { repoId: 1, phase: 'scanning', done: 0, total: 0 })
    expect(healthy.send).toHaveBeenCalledTimes(1)
    expect(logger.log).toHaveBeenCalledWith('warn', expect.any(String), expect.objectContaining({ webContentsId: 1 }))

    stop()
    bus.emit('index:progress', { repoId: 1, phase: 'scanning', done: 0, total: 0 })
    expect(healthy.send).toHaveBeenCalledTimes(1)
  })
})
