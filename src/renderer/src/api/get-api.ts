import { buildApi, type CoopApi } from '../../../shared/api'
import { browserTokenEnvironment, takeBrowserToken } from './browser-token'
import { createHttpTransport } from './http-transport'

let api: CoopApi | undefined

/**
 * The one api object of this page: the preload's `window.coop` inside Electron, otherwise the HTTP
 * client of browser mode. The first call (at startup) also takes the token out of the address bar.
 */
export function getApi(): CoopApi {
  api ??= window.coop ?? buildApi(createHttpTransport({ token: takeBrowserToken(browserTokenEnvironment()) }))
  return api
}
