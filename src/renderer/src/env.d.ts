import type { CoopApi } from '../../shared/api'

declare global {
  interface Window {
    /** The typed bridge the Electron preload exposes; absent in browser mode. */
    coop?: CoopApi
  }
}

export {}
