import type * as KeytarModule from 'keytar'
import { CoopError } from '../errors/coop-error'

/** Where every key is stored: one keychain entry per provider, under this service name. */
export const KEYCHAIN_SERVICE = 'coop-desktop'

/** The few keychain operations the key store needs; one entry per provider id. */
export interface Keychain {
  get(provider: string): Promise<string | null>
  set(provider: string, key: string): Promise<void>
  delete(provider: string): Promise<boolean>
  /** The providers that have an entry, without handing out their keys. */
  providers(): Promise<ReadonlySet<string>>
}

// A type-only import: the module itself is loaded lazily below.
type Keytar = typeof KeytarModule

/**
 * The OS keychain through keytar: Keychain on macOS, Credential Manager on Windows, the Secret
 * Service (gnome-keyring, KWallet, KeePassXC) on Linux. keytar is loaded on first use, so commands
 * that never touch keys never load the native module or talk to D-Bus.
 */
export function createSystemKeychain(platform: NodeJS.Platform = process.platform): Keychain {
  let loading: Promise<Keytar> | undefined
  const keytar = (): Promise<Keytar> => (loading ??= loadKeytar())
  // Every failure becomes a CoopError naming cause and fix; there is no plaintext fallback.
  const call = async <T>(run: (k: Keytar) => Promise<T>): Promise<T> => {
    const k = await keytar()
    try {
      return await run(k)
    } catch (error) {
      throw toKeychainError(error, platform)
    }
  }
  return {
    get: (provider) => call((k) => k.getPassword(KEYCHAIN_SERVICE, provider)),
    set: (provider, key) => call((k) => k.setPassword(KEYCHAIN_SERVICE, provider, key)),
    delete: (provider) => call((k) => k.deletePassword(KEYCHAIN_SERVICE, provider)),
    providers: () => call(async (k) => new Set((await k.findCredentials(KEYCHAIN_SERVICE)).map((c) => c.account))),
  }
}

async function loadKeytar(): Promise<Keytar> {
  try {
    const mod = (await import('keytar')) as Keytar & { default?: Keytar }
    return mod.default ?? mod
  } catch (error) {
    throw new CoopError(
      'keychain_unavailable',
      `The system keychain cannot be used: its native module (keytar) did not load (${messageOf(error)}). Reinstall Coop Desktop; on Linux the Secret Service library (libsecret) must be installed.`,
      {},
      { cause: error },
    )
  }
}

const headlessHint = 'For a headless machine, set COOP_<PROVIDER>_API_KEY in the environment instead. Coop never stores keys in plain text.'

/**
 * Names the cause and the fix for what keytar reports. keytar's own text never contains the key
 * (it reports D-Bus and OS errors), and the key is never interpolated here.
 */
export function toKeychainError(error: unknown, platform: NodeJS.Platform = process.platform): CoopError {
  if (error instanceof CoopError) return error
  const said = messageOf(error)
  const fail = (message: string) => new CoopError('keychain_unavailable', message, { platform, keychainError: said }, { cause: error })
  if (platform === 'linux') {
    if (/autolaunch D-Bus|Could not connect|DBUS_SESSION_BUS_ADDRESS|Unable to autolaunch|dbus-launch/i.test(said)) {
      return fail(
        `The system keychain is unavailable: there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set, or nothing answers on it). Run Coop in a desktop session, or start a bus and an unlocked keyring: dbus-run-session -- sh -c 'echo -n <password> | gnome-keyring-daemon --unlock --components=secrets; coop …'. ${headlessHint}`,
      )
    }
    if (/org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service files/i.test(said)) {
      return fail(
        `The system keychain is unavailable: no Secret Service (org.freedesktop.secrets) runs on the session bus. Install and start one — gnome-keyring (apt install gnome-keyring), KWallet, or KeePassXC with Secret Service integration on. ${headlessHint}`,
      )
    }
    if (/collection\/login|locked|prompt|dismissed|No such secret collection/i.test(said)) {
      return fail(
        `The system keychain is locked: the login keyring does not exist or has not been unlocked. Unlock it (log in to the desktop, open Passwords and Keys, or run: echo -n <password> | gnome-keyring-daemon --unlock --components=secrets) and try again. ${headlessHint}`,
      )
    }
    return fail(`The system keychain (Secret Service) refused the request: ${said}. Check that a keyring such as gnome-keyring is running and unlocked. ${headlessHint}`)
  }
  if (platform === 'darwin') {
    return fail(`The macOS keychain refused the request: ${said}. Unlock the login keychain (Keychain Access) and allow Coop Desktop to use it when asked. ${headlessHint}`)
  }
  if (platform === 'win32') {
    return fail(`Windows Credential Manager refused the request: ${said}. Check that you are signed in to a full user session (Credential Manager is not available to some service accounts). ${headlessHint}`)
  }
  return fail(`The system keychain refused the request: ${said}. ${headlessHint}`)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
