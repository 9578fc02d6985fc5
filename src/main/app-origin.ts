/** The custom scheme the packaged renderer is served from: `coop://app/index.html`. */
export const APP_SCHEME = 'coop'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** Where the window loads the renderer from, and the origin IPC senders must have. */
export interface RendererEntry {
  readonly url: string
  readonly origin: string
  /** The electron-vite dev server (hot reload), never used by a packaged build. */
  readonly dev: boolean
}

/**
 * `scheme://host[:port]` of a URL, or null when it has none (about:blank, data:, file:).
 * Built by hand because Node's `URL.origin` is the string 'null' for custom schemes such as coop:.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.host === '') return null
  return `${parsed.protocol}//${parsed.host}`
}

/**
 * The dev server URL from `electron-vite dev`, else the built renderer over coop://.
 * A packaged app ignores the environment variable: it must not be pointable at another page that would
 * then be trusted with the bridge.
 */
export function resolveRendererEntry(devServerUrl: string | undefined, isPackaged: boolean): RendererEntry {
  if (!isPackaged && devServerUrl) {
    const origin = originOf(devServerUrl)
    if (origin?.startsWith('http://') || origin?.startsWith('https://')) return { url: devServerUrl, origin, dev: true }
  }
  return { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN, dev: false }
}

/** True when `url` belongs to the renderer's own origin. */
export function isAppUrl(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin
}
