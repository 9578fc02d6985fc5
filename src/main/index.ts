import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, session, type OpenDialogOptions } from 'electron'
import { createHandlers } from '../core/bridge/handlers'
import { printHtmlToPdf } from './print-pdf'
import type { Core } from '../core/core'
import { openCore } from '../core/create-core'
import { runStartupCheck } from '../core/policy/startup-check'
import { isGitBackendSetting } from '../core/git/choose-backend'
import { RepoWatcher } from '../core/repos/watch-repositories'
import { resolveRendererEntry } from './app-origin'
import { createSenderCheck, forwardEvents, registerBridge } from './ipc'
import { installAppMenu } from './menu'
import { registerAppScheme, serveRenderer } from './protocol'
import { contentSecurityPolicy, hardenSession } from './security'
import { createMainWindow } from './window'

// Both must happen before `ready`: privileged schemes cannot be registered later, and the sandbox
// applies to every renderer created afterwards.
registerAppScheme()
app.enableSandbox()

// A second launch focuses the first window: two processes on one database would fight over it.
if (app.requestSingleInstanceLock()) {
  startApp().catch((error: unknown) => {
    console.error('[coop] failed to start:', error)
    dialog.showErrorBox('Coop Desktop could not start', describeError(error))
    app.exit(1)
  })
} else {
  app.quit()
}

async function startApp(): Promise<void> {
  await app.whenReady()
  const devTools = !app.isPackaged
  const entry = resolveRendererEntry(process.env.ELECTRON_RENDERER_URL, app.isPackaged)
  const csp = contentSecurityPolicy(entry.dev ? 'development' : 'production')
  hardenSession(session.defaultSession, csp)
  if (!entry.dev) serveRenderer(join(import.meta.dirname, '../renderer'), csp)

  // The CLI defaults to this same folder, so `coop` and the app see one graph.
  const dataDir = process.env.COOP_DATA_DIR || app.getPath('userData')
  const gitBackend = process.env.COOP_GIT_BACKEND
  const core = openCore({
    dataDir,
    version: app.getVersion(),
    name: app.getName(),
    gitBackend: isGitBackendSetting(gitBackend) ? gitBackend : 'auto',
  })
  void runStartupCheck(core.policy, core.logger)
  // Audit records past the retention window go now and daily, each prune leaving a signed record.
  core.audit.startPruning()
  // The index follows commits, checkouts and rebases while the app is open.
  const watcher = new RepoWatcher(core.repos, core.events, core.logger)

  const windows = new Set<BrowserWindow>()
  const openWindow = (): BrowserWindow => {
    const preloadPath = join(import.meta.dirname, '../preload/index.cjs')
    const window = createMainWindow({ entry, preloadPath, devTools, logger: core.logger })
    windows.add(window)
    window.on('closed', () => windows.delete(window))
    return window
  }

  const handlers = createHandlers(core, { kind: 'electron', pickFolder, printToPdf: printHtmlToPdf })
  const isTrustedSender = createSenderCheck({
    appOrigin: entry.origin,
    isOurWebContents: (contents) => [...windows].some((window) => window.webContents === contents),
  })
  const unregisterBridge = registerBridge(ipcMain, handlers, isTrustedSender, core.logger)
  const liveContents = () => [...windows].map((window) => window.webContents)
  const stopForwarding = forwardEvents(core.events, liveContents, core.logger)

  installAppMenu(process.platform, devTools)
  openWindow()

  app.on('second-instance', () => focusWindow([...windows][0] ?? openWindow()))
  // macOS keeps the app running without windows and reopens one from the dock.
  app.on('activate', () => {
    if (windows.size === 0) openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  closeCoreOnQuit(core, () => {
    watcher.close()
    unregisterBridge()
    stopForwarding()
  })
}

/** The native folder picker, attached to the focused window so it is modal to it. */
async function pickFolder(): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Choose a git repository', properties: ['openDirectory'] }
  const parent = BrowserWindow.getFocusedWindow()
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/**
 * Holds the quit until core has stopped background work and closed the database, so an index run is
 * never cut mid-transaction; then quits for real.
 */
function closeCoreOnQuit(core: Core, detach: () => void): void {
  let state: 'open' | 'closing' | 'closed' = 'open'
  app.on('will-quit', (event) => {
    if (state === 'closed') return
    event.preventDefault()
    if (state === 'closing') return
    state = 'closing'
    detach()
    core
      .close()
      .catch((error: unknown) => core.logger.log('error', 'Closing core failed', { error }))
      .finally(() => {
        state = 'closed'
        app.quit()
      })
  })
}

function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore()
  window.focus()
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
