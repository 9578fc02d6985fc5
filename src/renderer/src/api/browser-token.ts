/** Where browser mode keeps the session token for this tab, so a reload still works. */
export const TOKEN_STORAGE_KEY = 'coop.token'
const TOKEN_PARAM = 'token'

export interface TokenEnvironment {
  readonly location: Pick<Location, 'search' | 'pathname' | 'hash'>
  readonly history: Pick<History, 'replaceState' | 'state'>
  /** null when the browser refuses storage (some privacy settings throw on access). */
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null
}

/**
 * Browser mode hands its per-launch token in the address (`/?token=…`). Keep it in sessionStorage
 * and take it out of the address bar, so it does not linger in history, bookmarks or screenshots.
 */
export function takeBrowserToken(env: TokenEnvironment): string | null {
  const params = new URLSearchParams(env.location.search)
  const fromUrl = params.get(TOKEN_PARAM)
  if (fromUrl === null) return readStored(env.storage)

  params.delete(TOKEN_PARAM)
  const query = params.toString()
  env.history.replaceState(env.history.state, '', `${env.location.pathname}${query ? `?${query}` : ''}${env.location.hash}`)
  if (fromUrl === '') return readStored(env.storage)
  writeStored(env.storage, fromUrl)
  return fromUrl
}

/** The real page's environment. */
export function browserTokenEnvironment(): TokenEnvironment {
  return { location: window.location, history: window.history, storage: openSessionStorage() }
}

function openSessionStorage(): Storage | null {
  try {
    return window.sessionStorage
  } catch (error) {
    console.warn('sessionStorage is unavailable; the Coop token will not survive a reload', error)
    return null
  }
}

function readStored(storage: TokenEnvironment['storage']): string | null {
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) || null
  } catch (error) {
    console.warn('Could not read the Coop token from sessionStorage', error)
    return null
  }
}

function writeStored(storage: TokenEnvironment['storage'], token: string): void {
  try {
    storage?.setItem(TOKEN_STORAGE_KEY, token)
  } catch (error) {
    console.warn('Could not keep the Coop token in sessionStorage; a reload will need the link again', error)
  }
}
