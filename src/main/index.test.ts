import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMainInvokeEvent } from 'electron'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { channelNames } from '../shared/contract'

/**
 * The app's lifecycle against a fake Electron and a real core (a temporary data folder): what
 * `index.ts` wires up when the app starts and what it tears down when it quits.
 */
const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')
  const order: string[] = []

  class FakeApp extends EventEmitter {
    readonly isPackaged = true
    readonly enableSandbox = vi.fn(() => order.push('enableSandbox'))
    readonly requestSingleInstanceLock = vi.fn(() => true)
    readonly whenReady = vi.fn(async () => {
      order.push('whenReady')
    })
    readonly getPath = vi.fn(() => '/nonexistent/userData')
    readonly getVersion = () => '0.1.0'
    readonly getName = () => 'Coop Desktop'
    readonly quit = vi.fn()
    readonly exit = vi.fn()
  }

  class FakeWebContents extends EventEmitter {
    static nextId = 1
    readonly id = FakeWebContents.nextId++
    readonly setWindowOpenHandler = vi.fn()
    readonly isDestroyed = () => false
    readonly send = vi.fn()
  }

  class FakeBrowserWindow extends EventEmitter {
    static readonly created: FakeBrowserWindow[] = []
    static getFocusedWindow(): FakeBrowserWindow | null {
      return FakeBrowserWindow.created[0] ?? null
    }
    readonly webContents = new FakeWebContents()
    readonly loadURL = vi.fn(async () => {})
    readonly show = vi.fn()
    readonly focus = vi.fn()
    readonly restore = vi.fn()
    readonly isMinimized = () => false
    constructor(readonly options: Record<string, unknown>) {
      super()
      FakeBrowserWindow.created.push(this)
    }
  }

  type Listener = (event: unknown, raw: unknown) => unknown
  const handlers = new Map<string, Listener>()
  return {
    order,
    app: new FakeApp(),
    FakeBrowserWindow,
    handlers,
    ipcMain: {
      handle: vi.fn((name: string, listener: Listener) => handlers.set(name, listener)),
      removeHandler: vi.fn((name: string) => handlers.delete(name)),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    dialog: { showOpenDialog: vi.fn(), showErrorBox: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
  }
})

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeBrowserWindow,
  ipcMain: fake.ipcMain,
  protocol: fake.protocol,
  dialog: fake.dialog,
  session: fake.session,
  shell: { openExternal: vi.fn() },
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
}))

let dataDir: string
/** What start-up did, read before the runner clears mock calls between tests. */
let startup: { readonly permissionHandlers: number; readonly cspHooks: number; readonly schemes: unknown[][]; readonly loaded: unknown[][] }

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'coop-main-'))
  vi.stubEnv('COOP_DATA_DIR', dataDir)
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
  await import('./index')
  await vi.waitFor(() => expect(fake.FakeBrowserWindow.created).toHaveLength(1))
  const { defaultSession } = fake.session
  startup = {
    permissionHandlers:
      defaultSession.setPermissionRequestHandler.mock.calls.length + defaultSession.setPermissionCheckHandler.mock.calls.length,
    cspHooks: defaultSession.webRequest.onHeadersReceived.mock.calls.length,
    schemes: fake.protocol.handle.mock.calls.map(([scheme]) => [scheme]),
    loaded: [...(fake.FakeBrowserWindow.created[0]?.loadURL.mock.calls ?? [])],
  }
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await rm(dataDir, { recursive: true, force: true })
})

function call(channel: string, request: unknown): Promise<unknown> {
  const [window] = fake.FakeBrowserWindow.created
  const event = { sender: window?.webContents, senderFrame: { url: 'coop://app/index.html', parent: null } }
  const handler = fake.handlers.get(channel)
  if (!handler) throw new Error(`${channel} is not registered`)
  return Promise.resolve(handler(event as unknown as IpcMainInvokeEvent, request))
}

describe('app lifecycle', () => {
  it('registers the scheme and enables the sandbox before the app is ready', () => {
    expect(fake.order.slice(0, 3)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'whenReady'])
  })

  it('hardens the session and serves the packaged renderer, ignoring the dev server URL', () => {
    expect(startup.permissionHandlers).toBe(2)
    expect(startup.cspHooks).toBe(1)
    expect(startup.schemes).toEqual([['coop']])
    expect(startup.loaded).toEqual([['coop://app/index.html']])
  })

  it('opens core in COOP_DATA_DIR and answers every channel over IPC', async () => {
    expect(existsSync(join(dataDir, 'coop.db'))).toBe(true)
    expect(fake.app.getPath).not.toHaveBeenCalled()
    expect(new Set(fake.handlers.keys())).toEqual(new Set(channelNames))
    await expect(call('app:info', {})).resolves.toEqual({
      ok: true,
      value: { name: 'Coop Desktop', version: '0.1.0', dataDir, host: 'electron', capabilities: { pickFolder: true, printToPdf: true } },
    })
    await expect(call('repos:list', {})).resolves.toEqual({ ok: true, value: [] })
  })

  it('picks a folder with the native dialog, and answers null when cancelled', async () => {
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/ada/src/coop'] })
    await expect(call('dialog:pickFolder', {})).resolves.toEqual({ ok: true, value: { path: '/home/ada/src/coop' } })
    expect(fake.dialog.showOpenDialog).toHaveBeenCalledWith(
      fake.FakeBrowserWindow.created[0],
      expect.objectContaining({ properties: ['openDirectory'] }),
    )
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    await expect(call('dialog:pickFolder', {})).resolves.toEqual({ ok: true, value: { path: null } })
  })

  it('focuses the existing window when a second instance starts', () => {
    fake.app.emit('second-instance')
    expect(fake.FakeBrowserWindow.created).toHaveLength(1)
    expect(fake.FakeBrowserWindow.created[0]?.focus).toHaveBeenCalled()
  })

  it('holds the quit until core is closed, then quits for real', async () => {
    const first = { preventDefault: vi.fn() }
    fake.app.emit('will-quit', first)
    expect(first.preventDefault).toHaveBeenCalled()
    expect(fake.handlers.size).toBe(0)
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled())

    const second = { preventDefault: vi.fn() }
    fake.app.emit('will-quit', second)
    expect(second.preventDefault).not.toHaveBeenCalled()
  })
})
