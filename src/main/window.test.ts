import { afterEach, describe, expect, it, vi } from 'vitest'
import { APP_ORIGIN, resolveRendererEntry } from './app-origin'

/** Just enough of BrowserWindow and WebContents to watch what the factory wires up. */
const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')
  class FakeWebContents extends EventEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler
    }
  }
  class FakeBrowserWindow extends EventEmitter {
    static created: FakeBrowserWindow[] = []
    readonly webContents = new FakeWebContents()
    readonly loadURL = vi.fn(async (_url: string) => {})
    readonly show = vi.fn()
    constructor(readonly options: Record<string, unknown>) {
      super()
      FakeBrowserWindow.created.push(this)
    }
  }
  return { FakeBrowserWindow, openExternal: vi.fn(async (_url: string) => {}) }
})

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow, shell: { openExternal: fake.openExternal } }))

const { createMainWindow } = await import('./window')

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() }
}

const logger = { log: vi.fn() }

function openWindow(devServerUrl?: string) {
  createMainWindow({
    entry: resolveRendererEntry(devServerUrl, devServerUrl === undefined),
    preloadPath: '/app/out/preload/index.cjs',
    devTools: devServerUrl !== undefined,
    logger,
  })
  const window = fake.FakeBrowserWindow.created.at(-1)
  if (!window) throw new Error('no window was created')
  return window
}

afterEach(() => {
  vi.clearAllMocks()
  fake.FakeBrowserWindow.created.length = 0
})

describe('createMainWindow', () => {
  it('creates the renderer isolated, sandboxed and without Node', () => {
    const window = openWindow()
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    })
  })

  it('loads the app from coop://app and shows the window once painted', () => {
    const window = openWindow()
    expect(window.loadURL).toHaveBeenCalledWith(`${APP_ORIGIN}/index.html`)
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledTimes(1)
  })

  it('denies window.open and sends only allow-listed https links to the browser', () => {
    const { webContents } = openWindow()
    expect(webContents.windowOpenHandler?.({ url: 'https://github.com/x' })).toEqual({ action: 'deny' })
    expect(fake.openExternal).toHaveBeenCalledWith('https://github.com/x')

    for (const url of ['http://github.com/x', 'https://evil.com', 'javascript:alert(1)', 'file:///etc/passwd', `${APP_ORIGIN}/index.html`]) {
      expect(webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
    expect(fake.openExternal).toHaveBeenCalledTimes(1)
    expect(logger.log).toHaveBeenCalledWith('warn', expect.stringContaining('Blocked'), { origin: 'https://evil.com' })
  })

  it('prevents navigation to another origin and allows it within the app', () => {
    const { webContents } = openWindow()
    const foreign = navigationEvent('https://evil.com/phish')
    webContents.emit('will-navigate', foreign, foreign.url)
    expect(foreign.preventDefault).toHaveBeenCalled()
    expect(fake.openExternal).not.toHaveBeenCalled()

    const lookalike = navigationEvent('coop://evil/index.html')
    webContents.emit('will-navigate', lookalike, lookalike.url)
    expect(lookalike.preventDefault).toHaveBeenCalled()

    const own = navigationEvent(`${APP_ORIGIN}/index.html#/repos`)
    webContents.emit('will-navigate', own, own.url)
    expect(own.preventDefault).not.toHaveBeenCalled()
  })

  it('opens an allow-listed link in the browser instead of navigating to it', () => {
    const { webContents } = openWindow()
    const link = navigationEvent('https://github.com/anthropics')
    webContents.emit('will-navigate', link, link.url)
    expect(link.preventDefault).toHaveBeenCalled()
    expect(fake.openExternal).toHaveBeenCalledWith('https://github.com/anthropics')
  })

  it('refuses to attach a <webview>', () => {
    const { webContents } = openWindow()
    const attach = { preventDefault: vi.fn() }
    webContents.emit('will-attach-webview', attach, {}, {})
    expect(attach.preventDefault).toHaveBeenCalled()
  })

  it('keeps the dev server as the only trusted origin in development', () => {
    const window = openWindow('http://localhost:5173')
    expect(window.options.webPreferences).toMatchObject({ devTools: true, sandbox: true, contextIsolation: true })
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173')
    const own = navigationEvent('http://localhost:5173/')
    window.webContents.emit('will-navigate', own, own.url)
    expect(own.preventDefault).not.toHaveBeenCalled()
    const packagedApp = navigationEvent(`${APP_ORIGIN}/index.html`)
    window.webContents.emit('will-navigate', packagedApp, packagedApp.url)
    expect(packagedApp.preventDefault).toHaveBeenCalled()
  })
})

describe('resolveRendererEntry', () => {
  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(resolveRendererEntry('http://localhost:5173', true)).toEqual({ url: 'coop://app/index.html', origin: APP_ORIGIN, dev: false })
  })

  it('ignores a dev URL that is not http(s)', () => {
    expect(resolveRendererEntry('file:///tmp/index.html', false).origin).toBe(APP_ORIGIN)
  })
})
