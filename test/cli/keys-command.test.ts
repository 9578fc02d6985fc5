import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSystemKeychain } from '../../src/core/keys/system-keychain'
import { runCoop } from '../helpers/run-coop'
import { tempDir } from '../helpers/temp-dir'

const ROOT = resolve(import.meta.dirname, '../..')
const BIN = join(ROOT, 'bin', 'coop.mjs')
const keychain = createSystemKeychain()
const providers: string[] = []

function provider(): string {
  const id = `cli-${randomBytes(6).toString('hex')}`
  providers.push(id)
  return id
}

function fakeKey(): string {
  return `sk-test-${randomBytes(24).toString('base64url')}`
}

afterEach(async () => {
  for (const id of providers.splice(0)) await keychain.delete(id)
})

/** Runs `coop` in-process with captured output and, when given, text on stdin. */
function coop(args: string[], options: { stdin?: string; tty?: boolean } = {}) {
  return runCoop(args, { ...(options.stdin !== undefined ? { stdin: options.stdin } : {}), stdinTty: options.tty ?? false })
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

function expectNowhereUnder(dir: string, key: string): void {
  for (const file of filesUnder(dir)) expect(readFileSync(file).includes(key), file).toBe(false)
}

describe('coop keys', () => {
  it('sets a key from stdin, lists it by fingerprint and removes it; the key is never printed', async () => {
    const dataDir = tempDir()
    const id = provider()
    const key = fakeKey()
    const set = await coop(['--data-dir', dataDir, 'keys', 'set', id], { stdin: `${key}\n` })
    expect(set.code).toBe(0)
    const fingerprint = /sha256:[0-9a-f]{12}/.exec(set.stdout)?.[0]
    expect(set.stdout).toBe(`Stored the ${id} key in the system keychain: ${fingerprint}\n`)
    expect(await keychain.get(id)).toBe(key)

    const list = await coop(['--data-dir', dataDir, 'keys', 'list', '--json'])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toEqual([{ provider: id, fingerprint, source: 'keychain', lastUsedAt: null, missing: false }])
    const table = await coop(['--data-dir', dataDir, 'keys', 'list'])
    expect(table.stdout).toMatch(new RegExp(`^PROVIDER +FINGERPRINT +SOURCE +LAST USED\\n${id} +${fingerprint} +keychain +never\\n$`))

    const removed = await coop(['--data-dir', dataDir, 'keys', 'remove', id, '--json'])
    expect(removed.code).toBe(0)
    expect(JSON.parse(removed.stdout)).toEqual({ provider: id, removed: true })
    expect(await keychain.get(id)).toBeNull()
    const again = await coop(['--data-dir', dataDir, 'keys', 'remove', id])
    expect(again).toMatchObject({ code: 1, stderr: `coop: No ${id} key in the keychain: list keys with coop keys list\n` })

    for (const run of [set, list, table, removed, again]) expect(run.stdout + run.stderr).not.toContain(key)
    expectNowhereUnder(dataDir, key)
  })

  it('asks for a paste on a terminal, without echoing it, and trims the line ending', async () => {
    const dataDir = tempDir()
    const id = provider()
    const key = fakeKey()
    const { code, stderr } = await coop(['--data-dir', dataDir, 'keys', 'set', id], { stdin: `${key}\r\n`, tty: true })
    expect(code).toBe(0)
    expect(stderr).toBe('Paste the key, then press Enter (it is not shown): \n')
    expect(await keychain.get(id)).toBe(key)
  })

  it('refuses empty, multi-line and binary input', async () => {
    const dataDir = tempDir()
    const id = provider()
    const key = fakeKey()
    const cases: [string, string][] = [
      ['', 'No key on standard input'],
      ['\n', 'No key on standard input'],
      [`${key}\n${key}\n`, 'more than one line'],
      [`${key}\n\n`, 'more than one line'],
      [`${key}\0`, 'NUL byte'],
    ]
    for (const [stdin, message] of cases) {
      const { code, stdout, stderr } = await coop(['--data-dir', dataDir, 'keys', 'set', id], { stdin })
      expect(code).toBe(1)
      expect(stderr).toContain(message)
      expect(stdout + stderr).not.toContain(key)
    }
    expect(await keychain.get(id)).toBeNull()
  })

  it('refuses a key given on the command line, without echoing it', async () => {
    const dataDir = tempDir()
    const id = provider()
    const key = fakeKey()
    for (const args of [[id, key], [id, `--key=${key}`], [id, '--key', key], [key]]) {
      const { code, stdout, stderr } = await coop(['--data-dir', dataDir, 'keys', 'set', ...args], { stdin: '' })
      expect(code, args.join(' ')).toBe(2)
      expect(stdout + stderr).not.toContain(key)
      expect(stdout + stderr).not.toContain(key.toLowerCase())
    }
    expect(await keychain.get(id)).toBeNull()
    expectNowhereUnder(dataDir, key)
  })
})

describe('coop keys without a keychain', () => {
  /** The built command in a child process with no usable session bus. */
  function coopWithoutBus(args: string[], bus: string | undefined, stdin: string) {
    const env: NodeJS.ProcessEnv = { ...process.env }
    delete env.DBUS_SESSION_BUS_ADDRESS
    delete env.DISPLAY
    if (bus) env.DBUS_SESSION_BUS_ADDRESS = bus
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('error', fail)
      child.on('close', (code) => done({ code, stdout, stderr }))
      child.stdin.end(stdin)
    })
  }

  for (const [situation, bus] of [
    ['no bus address', undefined],
    ['a dead bus socket', 'unix:path=/nonexistent/coop-test-bus'],
  ] as const) {
    it(`fails with the cause and the fix, and stores nothing, given ${situation}`, async () => {
      expect(existsSync(join(ROOT, 'out', 'cli', 'coop.mjs')), 'build first: npm run build').toBe(true)
      const dataDir = tempDir()
      const key = fakeKey()
      const set = await coopWithoutBus(['--data-dir', dataDir, 'keys', 'set', 'openai'], bus, `${key}\n`)
      expect(set.code).toBe(1)
      expect(set.stdout).toBe('')
      expect(set.stderr).toMatch(/^coop: The system keychain is unavailable: there is no D-Bus session bus .*dbus-run-session.*COOP_<PROVIDER>_API_KEY.*never stores keys in plain text\.\n$/)
      expect(set.stderr).not.toContain(key)
      expectNowhereUnder(dataDir, key)
      // Only the databases (fingerprints at most; the audit log has no record of a key that was not set): no key file of any kind.
      expect(filesUnder(dataDir).map((f) => f.slice(dataDir.length + 1)).sort()).toEqual(['audit.db', 'coop.db'])

      const list = await coopWithoutBus(['--data-dir', dataDir, 'keys', 'list', '--json'], bus, '')
      expect(list.code).toBe(0)
      expect(JSON.parse(list.stdout)).toEqual([])
    })
  }

  it('lists and serves an env key on a headless machine', async () => {
    const dataDir = tempDir()
    const key = fakeKey()
    const env: NodeJS.ProcessEnv = { ...process.env, COOP_DATA_DIR: dataDir, COOP_OPENAI_API_KEY: key }
    delete env.DBUS_SESSION_BUS_ADDRESS
    delete env.DISPLAY
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, [BIN, 'keys', 'list', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      let out = ''
      let err = ''
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
      child.on('error', fail)
      child.on('close', () => done({ stdout: out, stderr: err }))
    })
    expect(stderr).toBe('')
    expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ provider: 'openai', source: 'env', lastUsedAt: null, missing: false })])
    expect(stdout).not.toContain(key)
  })
})
