import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import { openCore } from '../../../src/core/create-core'
import { fingerprintOf } from '../../../src/core/keys/key-store'
import { createSystemKeychain } from '../../../src/core/keys/system-keychain'
import { tempDir } from '../../helpers/temp-dir'

// These run against the real keychain: in CI and locally, gnome-keyring under dbus-run-session.
const keychain = createSystemKeychain()
const providers: string[] = []
const cores: Core[] = []

/** A provider id of its own: the keyring is shared by every test in the run. */
function provider(name = 'test'): string {
  const id = `${name}-${randomBytes(6).toString('hex')}`
  providers.push(id)
  return id
}

function fakeKey(): string {
  return `sk-test-${randomBytes(24).toString('base64url')}`
}

function open(env: NodeJS.ProcessEnv = {}): Core {
  const core = openCore({ dataDir: tempDir(), version: '0.0.0-test', env })
  cores.push(core)
  return core
}

/** Every file under dir, the database's WAL and the logs included. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
  for (const id of providers.splice(0)) await keychain.delete(id)
})

describe('API keys in the keychain', () => {
  it('stores a key, lists it by fingerprint, hands it out for a request and removes it', async () => {
    const core = open()
    const id = provider()
    const key = fakeKey()
    const fingerprint = `sha256:${createHash('sha256').update(key).digest('hex').slice(0, 12)}`

    expect(await core.keys.set(id, key)).toEqual({ provider: id, fingerprint, source: 'keychain', lastUsedAt: null, missing: false })
    expect(await keychain.get(id)).toBe(key)
    expect(await core.keys.list()).toEqual([{ provider: id, fingerprint, source: 'keychain', lastUsedAt: null, missing: false }])

    expect(await core.keys.resolve(id)).toEqual({ key, source: 'keychain' })
    const [listed] = await core.keys.list()
    expect(listed?.lastUsedAt).toMatch(/^\d{4}-\d\d-\d\dT/)

    expect(await core.keys.remove(id)).toBe(true)
    expect(await keychain.get(id)).toBeNull()
    expect(await core.keys.list()).toEqual([])
    expect(await core.keys.resolve(id)).toBeNull()
    expect(await core.keys.remove(id)).toBe(false)

    // The audit log has the set and the removal, by fingerprint only.
    const records = core.audit.list({ provider: id }).records.map((r) => ({ kind: r.kind, data: r.data }))
    expect(records).toEqual([
      { kind: 'key_removed', data: { provider: id, fingerprint } },
      { kind: 'key_set', data: { provider: id, fingerprint, source: 'keychain', rotated: false } },
    ])
  })

  it('replacing a key changes the fingerprint and starts last use over', async () => {
    const core = open()
    const id = provider()
    await core.keys.set(id, fakeKey())
    await core.keys.resolve(id)
    const second = fakeKey()
    await core.keys.set(id, second)
    expect(core.audit.list({ kind: 'key_set' }).records[0]?.data).toEqual({ provider: id, fingerprint: fingerprintOf(second), source: 'keychain', rotated: true })
    expect(await core.keys.list()).toEqual([{ provider: id, fingerprint: fingerprintOf(second), source: 'keychain', lastUsedAt: null, missing: false }])
    expect((await core.keys.resolve(id))?.key).toBe(second)
  })

  it('shows a key deleted from the keychain outside Coop as missing', async () => {
    const core = open()
    const id = provider()
    const key = fakeKey()
    await core.keys.set(id, key)
    await keychain.delete(id)
    expect(await core.keys.list()).toEqual([{ provider: id, fingerprint: fingerprintOf(key), source: 'keychain', lastUsedAt: null, missing: true }])
    expect(await core.keys.resolve(id)).toBeNull()
  })

  it('takes a key from COOP_<PROVIDER>_API_KEY, ahead of the keychain, and lists both', async () => {
    const id = provider('my-provider')
    const envKey = fakeKey()
    const storedKey = fakeKey()
    const env = { [`COOP_${id.toUpperCase().replaceAll('-', '_')}_API_KEY`]: envKey, COOP_DATA_DIR: '/elsewhere' }
    const core = open(env)
    await core.keys.set(id, storedKey)

    expect(await core.keys.resolve(id)).toEqual({ key: envKey, source: 'env' })
    const list = await core.keys.list()
    expect(list.map((k) => [k.provider, k.source, k.fingerprint, k.missing])).toEqual([
      [id, 'env', fingerprintOf(envKey), false],
      [id, 'keychain', fingerprintOf(storedKey), false],
    ])
    expect(list[0]?.lastUsedAt).not.toBeNull()
    // The keychain key was not the one used.
    expect(list[1]?.lastUsedAt).toBeNull()
  })

  it('lists env keys without touching the keychain when none are stored', async () => {
    const core = open({ COOP_HEADLESS_API_KEY: 'sk-headless' })
    expect(await core.keys.list()).toEqual([{ provider: 'headless', fingerprint: fingerprintOf('sk-headless'), source: 'env', lastUsedAt: null, missing: false }])
  })

  it('refuses bad provider ids and multi-line keys without repeating them', async () => {
    const core = open()
    const key = fakeKey()
    await expect(core.keys.set(key.toUpperCase(), 'x')).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(core.keys.set(key.toUpperCase(), 'x')).rejects.not.toThrow(key.toUpperCase())
    await expect(core.keys.set(provider(), `${key}\nmore`)).rejects.toThrow(/several lines/)
    await expect(core.keys.set(provider(), '')).rejects.toThrow(/empty/)
  })

  it('never writes the key to any file in the data folder', async () => {
    const core = open()
    const id = provider()
    const key = fakeKey()
    await core.keys.set(id, key)
    await core.keys.resolve(id)
    await core.keys.list()
    core.logger.log('info', 'a line so the log exists', { provider: id })
    const scan = (expected: string[]) => {
      const files = filesUnder(core.dataDir)
      expect(files.map((f) => f.slice(core.dataDir.length + 1))).toEqual(expect.arrayContaining(expected))
      for (const file of files) expect(readFileSync(file).includes(key), file).toBe(false)
    }
    scan(['coop.db', 'coop.db-wal', join('logs', 'coop.log')])
    await core.close()
    scan(['coop.db', join('logs', 'coop.log')])
  })
})
