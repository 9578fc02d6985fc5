import { BrowserWindow, shell, type WebContents } from 'electron'
import type { Logger } from '../core/log/logger'
import { isAppUrl, originOf, type RendererEntry } from './app-origin'
import { consoleLogger } from './log'
import { isAllowedExternalUrl } from './security'

export interface MainWindowOptions {
  readonly entry: RendererEntry
  /** Absolute path of the built preload, `out/preload/index.cjs`. */
  readonly preloadPath: string
  /** Developer tools are for development builds only. */
  readonly devTools: boolean
  readonly logger?: Logger
}

/** The one window factory: every window gets the same locked-down renderer. */
export function createMainWindow({ entry, preloadPath, devTools, logger = consoleLogger }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Coop Desktop',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools,
    },
  })
  guardWebContents(window.webContents, entry.origin, logger)
  // Shown once painted, so the user never sees a blank white frame.
  window.once('ready-to-show', () => window.show())
  window.loadURL(entry.url).catch((error: unknown) => {
    logger.log('error', 'Could not load the renderer', { url: entry.url, error })
  })
  return window
}

/**
 * Keeps the renderer on the app's origin: no navigation elsewhere, no new windows, no <webview>.
 * Allow-listed https links go to the system browser instead.
 */
export function guardWebContents(contents: WebContents, appOrigin: string, logger: Logger = consoleLogger): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, appOrigin)) return
    event.preventDefault()
    openExternalIfAllowed(event.url, logger)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url, logger)
    return { action: 'deny' }
  })
}

/** Hands an allow-listed https URL to the system browser; anything else is dropped and logged. */
export function openExternalIfAllowed(url: string, logger: Logger = consoleLogger): boolean {
  if (!isAllowedExternalUrl(url)) {
    logger.log('warn', 'Blocked opening a link outside the allow-list', { origin: originOf(url) ?? 'opaque' })
    return false
  }
  shell.openExternal(url).catch((error: unknown) => {
    logger.log('warn', 'Could not open a link in the browser', { origin: originOf(url), error })
  })
  return true
}
