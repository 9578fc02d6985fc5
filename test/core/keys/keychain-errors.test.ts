import { describe, expect, it } from 'vitest'
import { toKeychainError } from '../../../src/core/keys/system-keychain'

// What keytar reports in each situation (seen with keytar 7.9 and gnome-keyring), and what the user reads.
describe('keychain failures', () => {
  const cases: [string, string, RegExp][] = [
    ['no session bus', 'Cannot autolaunch D-Bus without X11 $DISPLAY', /no D-Bus session bus.*dbus-run-session/],
    ['a dead bus address', 'Could not connect: No such file or directory', /no D-Bus session bus/],
    ['no Secret Service', 'The name org.freedesktop.secrets was not provided by any .service files', /no Secret Service .*gnome-keyring/],
    ['a keyring never unlocked', 'Object does not exist at path “/org/freedesktop/secrets/collection/login”', /is locked.*--unlock/],
    ['a locked collection', 'Cannot create an item in a locked collection', /is locked/],
  ]
  for (const [situation, said, expected] of cases) {
    it(`names cause and fix for ${situation}`, () => {
      const error = toKeychainError(new Error(said), 'linux')
      expect(error.code).toBe('keychain_unavailable')
      expect(error.message).toMatch(expected)
      expect(error.message).toMatch(/COOP_<PROVIDER>_API_KEY.*never stores keys in plain text/)
    })
  }

  it('says which keychain refused on macOS and Windows', () => {
    expect(toKeychainError(new Error('User interaction is not allowed.'), 'darwin').message).toMatch(/^The macOS keychain refused the request: User interaction is not allowed\..*Keychain Access/)
    expect(toKeychainError(new Error('Element not found.'), 'win32').message).toMatch(/^Windows Credential Manager refused the request: Element not found\./)
  })
})
