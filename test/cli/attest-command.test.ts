import { createPublicKey, generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { keyIdOf } from '../../src/core/audit/signing-key'
import { openCore } from '../../src/core/create-core'
import { startOpenAIEmulator, type OpenAIEmulator } from '../emulators/openai-emulator'
import { runCoop } from '../helpers/run-coop'
import { tempDir } from '../helpers/temp-dir'

const KEY = 'sk-proj-Hq4Zr8Vn2Lw5MbC9pJx7YdG3sF6aE1uKo0T'
const QUESTION = 'What does the settlement job do when the ledger is locked?'
const ANSWER = 'It waits and retries.'

const servers: OpenAIEmulator[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}

/** A profile signing with its own key; `work` is the working directory, with the public key in key.pem. */
function setUp() {
  const dataDir = tempDir()
  const work = tempDir()
  const key = keyPair()
  writeFileSync(join(work, 'key.pem'), key.publicPem)
  const env = { COOP_AUDIT_SIGNING_KEY: key.privatePem, COOP_OA_API_KEY: KEY }
  const run = (args: string[]) => runCoop(['--data-dir', dataDir, ...args], { env, cwd: work })
  return { dataDir, work, key, keyId: keyIdOf(createPublicKey(key.publicPem)), run }
}

const read = (path: string) => readFileSync(path, 'utf8')

describe('coop attest', () => {
  it('writes a signed report and its HTML page; an empty window says "no requests"', async () => {
    const { work, keyId, run } = setUp()
    const made = await run(['attest', '--out', 'report.json', '--html', 'report.html'])

    expect(made.stderr).toBe('')
    expect(made.code).toBe(0)
    expect(made.stdout).toContain('Attestation of the last 90 days written to report.json (and report.html)')
    expect(made.stdout).toContain('zero-retention no requests')
    expect(made.stdout).toContain(`signed by      ${keyId}`)
    const report = JSON.parse(read(join(work, 'report.json')))
    expect(report).toMatchObject({ format: 'coop-attestation', version: 1, body: { window: { days: 90 }, requests: { total: 0 } }, signature: { algorithm: 'Ed25519', keyId } })
    expect(report.body.requests.zeroRetention).toEqual({ requests: 0, of: 0, share: null, note: 'no requests' })
    const page = read(join(work, 'report.html'))
    expect(page).toContain('Signature verified')
    expect(page).not.toMatch(/<script/i)
  })

  it('counts a request asked through coop ask, records the attestation by file name only, and prints the report with --json', async () => {
    const server = await startOpenAIEmulator({ apiKey: KEY, models: ['gpt-x'], text: ANSWER })
    servers.push(server)
    const { dataDir, work, key, run } = setUp()
    expect((await run(['providers', 'add', 'oa', '--kind', 'openai', '--base-url', `${server.url}/v1`, '--model', 'gpt-x'])).code).toBe(0)
    expect((await run(['ask', QUESTION, '--provider', 'oa'])).code).toBe(0)
    mkdirSync(join(work, 'reports'))
    const made = await run(['attest', '--days', '30', '--out', 'reports/q3.json', '--json'])

    expect(made.code).toBe(0)
    const printed = JSON.parse(made.stdout)
    expect(printed).toEqual(JSON.parse(read(join(work, 'reports', 'q3.json'))))
    expect(printed.body.requests).toMatchObject({ total: 1, sent: 1, byRetentionMode: { flag: 1 }, zeroRetention: { requests: 1, of: 1, share: 1, note: null } })
    expect(printed.body.keys).toEqual({ bySource: { keychain: 0, env: 1, none: 0 }, byok: { requests: 1, distinctKeys: 1 } })
    expect(printed.body.configurationChanges.changes).toEqual([expect.objectContaining({ kind: 'provider_added', data: expect.objectContaining({ provider: 'oa' }) })])
    for (const text of [QUESTION, ANSWER, KEY]) expect(made.stdout).not.toContain(text)

    const core = openCore({ dataDir, version: 'test', env: { COOP_AUDIT_SIGNING_KEY: key.privatePem } })
    try {
      const own = [...core.audit.log.all()].find((r) => r.kind === 'export')
      expect(own?.data).toEqual({ what: 'attestation', days: 30, out: 'q3.json' })
      expect(own?.seq).toBe(printed.body.auditChain.attestationRecordSeq)
    } finally {
      await core.close()
    }
  })

  it('writes nothing, not even its audit record, when there is no key to sign with', async () => {
    const { dataDir, work } = setUp()
    const made = await runCoop(['--data-dir', dataDir, 'attest', '--out', 'report.json'], { env: { COOP_AUDIT_SIGNING_KEY: 'not a key' }, cwd: work })
    expect(made.code).toBe(1)
    expect(made.stderr).toMatch(/^coop: The audit signing key lives in the system keychain, which is not available/)
    expect(existsSync(join(work, 'report.json'))).toBe(false)
    const core = openCore({ dataDir, version: 'test', env: { COOP_AUDIT_SIGNING_KEY: 'not a key' } })
    try {
      expect([...core.audit.log.all()].filter((r) => r.kind === 'export')).toEqual([])
    } finally {
      await core.close()
    }
  })

  it('refuses a missing --out or a bad --days as usage mistakes', async () => {
    const { run } = setUp()
    expect(await run(['attest'])).toMatchObject({ code: 2, stderr: 'coop: Say where to write the report: coop attest --out report.json\n' })
    expect(await run(['attest', '--days', '0', '--out', 'r.json'])).toMatchObject({ code: 2, stderr: 'coop: --days takes a whole number above 0\n' })
  })
})

describe('coop attest verify', () => {
  it('verifies offline, against the embedded key or the one given, and prints { ok, problem, keyId, signedAt, window } with --json', async () => {
    const { work, keyId, run } = setUp()
    expect((await run(['attest', '--out', 'report.json'])).code).toBe(0)
    const report = JSON.parse(read(join(work, 'report.json')))

    const plain = await run(['attest', 'verify', 'report.json'])
    expect(plain.code).toBe(0)
    expect(plain.stdout).toContain(`Verified against the key embedded in the report (${keyId})`)
    expect(plain.stdout).toContain('pass --public-key')

    const given = await run(['attest', 'verify', 'report.json', '--public-key', 'key.pem'])
    expect(given).toMatchObject({ code: 0, stderr: '' })
    expect(given.stdout).toContain(`Verified: signed by ${keyId} (the public key you gave) at ${report.signature.signedAt}, unaltered since`)

    const json = await run(['attest', 'verify', 'report.json', '--public-key', 'key.pem', '--json'])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, problem: null, keyId, signedAt: report.signature.signedAt, window: report.body.window, trust: 'given' })
  })

  it('exits 1 with the precise reason for each alteration', async () => {
    const { work, keyId, run } = setUp()
    expect((await run(['attest', '--out', 'report.json'])).code).toBe(0)
    const original = read(join(work, 'report.json'))
    const other = keyPair()
    const otherId = keyIdOf(createPublicKey(other.publicPem))
    writeFileSync(join(work, 'other.pem'), other.publicPem)
    const altered = (edit: (r: { body: { requests: { total: number } }; signature: Record<string, string> }) => void) => {
      const report = JSON.parse(original) as Parameters<typeof edit>[0]
      edit(report)
      return `${JSON.stringify(report, null, 2)}\n`
    }
    const cases: [string, string, string[], string][] = [
      ['count.json', altered((r) => (r.body.requests.total = 7)), [], 'bad_signature'],
      ['time.json', altered((r) => (r.signature.signedAt = '2020-01-01T00:00:00.000Z')), [], 'bad_signature'],
      ['swapped.json', altered((r) => Object.assign(r.signature, { publicKey: other.publicPem, keyId: otherId })), ['--public-key', 'key.pem'], 'different_key'],
      ['original.json', original, ['--public-key', 'other.pem'], 'different_key'],
      ['truncated.json', original.slice(0, 200), [], 'malformed_json'],
      ['keyid.json', altered((r) => (r.signature.keyId = 'ed25519:0123456789abcdef')), [], 'key_id_mismatch'],
    ]
    const messages: Record<string, string> = {
      'count.json': `coop: count.json does not verify: The signature does not match: the report was altered after it was signed by ${keyId} (its contents, signing time or key id changed)\n`,
      'time.json': `coop: time.json does not verify: The signature does not match: the report was altered after it was signed by ${keyId} (its contents, signing time or key id changed)\n`,
      'swapped.json': `coop: swapped.json does not verify: Signed by a different key: the report names ${otherId}, the public key you gave is ${keyId}\n`,
      'original.json': `coop: original.json does not verify: Signed by a different key: the report names ${keyId}, the public key you gave is ${otherId}\n`,
      'keyid.json': `coop: keyid.json does not verify: The key id does not match the embedded public key: signature.keyId says ed25519:0123456789abcdef, the key's id is ${keyId}\n`,
    }
    for (const [name, text, args, kind] of cases) {
      writeFileSync(join(work, name), text)
      const result = await run(['attest', 'verify', name, ...args])
      expect(result.code, name).toBe(1)
      expect(result.stdout, name).toBe('')
      if (messages[name]) expect(result.stderr).toBe(messages[name])
      else expect(result.stderr).toMatch(new RegExp(`^coop: ${name} does not verify: The report is not valid JSON \\(.+\\): it was cut short or edited\\n$`))
      const json = await run(['attest', 'verify', name, ...args, '--json'])
      expect(json.code, name).toBe(1)
      expect(JSON.parse(json.stdout), name).toMatchObject({ ok: false, problem: { kind }, trust: null })
    }
  })

  it('says when the report or the key file is missing, or the key is not a key', async () => {
    const { work, run } = setUp()
    expect(await run(['attest', 'verify', 'nope.json'])).toMatchObject({ code: 1, stderr: 'coop: No such file: nope.json\n' })
    expect((await run(['attest', '--out', 'report.json'])).code).toBe(0)
    writeFileSync(join(work, 'junk.pem'), 'not a key')
    expect((await run(['attest', 'verify', 'report.json', '--public-key', 'junk.pem'])).stderr).toMatch(/^coop: The public key is not an Ed25519 public key in PEM form/)
  })
})

describe('coop attest render', () => {
  it('renders an existing report, verified; a tampered one is written marked NOT VERIFIED and exits 1', async () => {
    const { work, run } = setUp()
    expect((await run(['attest', '--out', 'report.json'])).code).toBe(0)
    const rendered = await run(['attest', 'render', 'report.json', '--out', 'page.html', '--public-key', 'key.pem'])
    expect(rendered.code).toBe(0)
    expect(rendered.stdout).toMatch(/^Wrote page\.html\. Verified: signed by/)
    expect(read(join(work, 'page.html'))).toContain('verified against the key you gave')

    const report = JSON.parse(read(join(work, 'report.json')))
    report.body.requests.sent = 3
    writeFileSync(join(work, 'tampered.json'), JSON.stringify(report))
    const bad = await run(['attest', 'render', 'tampered.json', '--out', 'bad.html'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^coop: wrote bad\.html, marked NOT VERIFIED: The signature does not match/)
    expect(read(join(work, 'bad.html'))).toContain('NOT VERIFIED')

    writeFileSync(join(work, 'cut.json'), '{"format": "coop-attestation"')
    const cut = await run(['attest', 'render', 'cut.json', '--out', 'cut.html'])
    expect(cut.code).toBe(1)
    expect(cut.stderr).toMatch(/^coop: cut\.json cannot be shown: The report is not valid JSON/)
    expect(existsSync(join(work, 'cut.html'))).toBe(false)
    expect((await run(['attest', 'render', 'report.json'])).code).toBe(2)
  })
})
