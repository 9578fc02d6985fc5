import { describe, expect, it } from 'vitest'
import { resolveDataDir } from './data-dir'

describe('resolveDataDir', () => {
  it('prefers --data-dir, then COOP_DATA_DIR', () => {
    expect(resolveDataDir({ flag: '/flag', env: { COOP_DATA_DIR: '/env' } })).toBe('/flag')
    expect(resolveDataDir({ env: { COOP_DATA_DIR: '/env' } })).toBe('/env')
  })

  it("defaults to the folder Electron's userData uses on each platform", () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', home: '/home/u' })).toBe('/home/u/.config/Coop Desktop')
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', home: '/home/u' })).toBe('/xdg/Coop Desktop')
    expect(resolveDataDir({ env: {}, platform: 'darwin', home: '/Users/u' })).toBe('/Users/u/Library/Application Support/Coop Desktop')
    expect(resolveDataDir({ env: { APPDATA: '/appdata' }, platform: 'win32', home: '/u' })).toMatch(/appdata.Coop Desktop$/)
  })
})
