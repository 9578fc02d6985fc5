import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { startOpenAIEmulator, type OpenAIEmulator } from '../emulators/openai-emulator'
import { SIGNING_KEY } from '../helpers/audit-key'
import { runCoop } from '../helpers/run-coop'
import { tempDir } from '../helpers/temp-dir'

const KEY = 'sk-proj-Wz5Kq8Vn2Lr4MbC9pJx7YdG3sF6aE1uKo0R'
const QUESTION = 'Who calls the reconciliation job and why does it lock the ledger?'
const PLANTED = 'ghp_Pq4Z9vR2mX7bN3cL8pW5tY1hJ6gF0dS2aK9w'

const servers: OpenAIEmulator[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function setUp() {
  const server = await startOpenAIEmulator({ apiKey: KEY, models: ['gpt-x'], text: 'The scheduler calls it nightly.' })
  servers.push(server)
  const dataDir = tempDir()
  const work = tempDir()
  const env = { COOP_OA_API_KEY: KEY, COOP_AUDIT_SIGNING_KEY: SIGNING_KEY }
  const run = (...args: string[]) => runCoop(['--data-dir', dataDir, ...args], { env, cwd: work })
  await run('providers', 'add', 'oa', '--kind', 'openai', '--base-url', `${server.url}/v1`, '--model', 'gpt-x')
  return { server, dataDir, work, run }
}

describe('coop audit', () => {
  it('records model requests and changes, lists and filters them, and verifies the chain', async () => {
    const { run, dataDir, server } = await setUp()
    expect((await run('ask', `${QUESTION} ${PLANTED}`, '--provider', 'oa')).code).toBe(0)
    await run('providers', 'disable', 'oa')
    await run('providers', 'add', 'ds', '--kind', 'deepseek', '--base-url', `${server.url}/v1`, '--model', 'm')
    expect((await run('ask', QUESTION, '--provider', 'ds')).code).toBe(1)
    await run('policy', 'offline', 'on')

    const listed = JSON.parse((await run('audit', 'list', '--json')).stdout) as { records: { seq: number; kind: string; data: Record<string, unknown> }[]; total: number }
    expect(listed.records.map((r) => r.kind).reverse()).toEqual(['provider_added', 'llm_request', 'llm_request', 'provider_disabled', 'provider_added', 'llm_request', 'setting_changed'])
    const [started, finished] = listed.records.filter((r) => r.kind === 'llm_request').reverse()
    expect(started?.data).toMatchObject({ status: 'started', provider: 'oa', model: 'gpt-x', retentionMode: 'flag', keySource: 'env', redactions: { total: 1, byRule: { 'github-token': 1 } } })
    expect(started?.data.payloadSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(finished?.data).toMatchObject({ status: 'succeeded', requestId: started?.data.requestId, inputTokens: expect.any(Number), outputTokens: expect.any(Number) })
    expect(listed.records[1]?.data).toMatchObject({ status: 'blocked', provider: 'ds' })
    expect(listed.records[0]?.data).toMatchObject({ setting: 'offline_mode', from: false, to: true })

    const filtered = JSON.parse((await run('audit', 'list', '--kind', 'llm_request', '--provider', 'oa', '--json')).stdout) as { total: number }
    expect(filtered.total).toBe(2)
    const table = (await run('audit', 'list', '--limit', '2')).stdout
    expect(table.split('\n')[0]).toMatch(/^SEQ {2}TIME {17}KIND {13}ACTOR +DETAILS$/)
    expect(table).toContain('offline_mode: false → true')

    const verify = await run('audit', 'verify')
    expect(verify.code).toBe(0)
    expect(verify.stdout).toMatch(/^The audit log is intact: 7 records \(#1–#7\)\./)

    // Nothing the app wrote holds the prompt, the planted secret, the answer or the key.
    const audit = readFileSync(join(dataDir, 'audit.db')).toString('latin1')
    for (const text of [QUESTION, PLANTED, KEY, 'The scheduler calls it']) expect(audit).not.toContain(text)
  })

  it('reports tampering with exit 1, precisely', async () => {
    const { run, dataDir } = await setUp()
    await run('providers', 'disable', 'oa')
    await run('providers', 'enable', 'oa')
    const raw = new Database(join(dataDir, 'audit.db'))
    raw.exec(`DROP TRIGGER records_no_update; UPDATE records SET actor = 'someone-else' WHERE seq = 2`)
    raw.close()
    const verify = await run('audit', 'verify', '--json')
    expect(verify.code).toBe(1)
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: false, problem: { kind: 'edited', seq: 2 } })
    const text = await run('audit', 'verify')
    expect(text.stdout).toContain('The audit log was tampered with: edited at #2')
  })

  it('exports JSON lines and CSV that verify elsewhere against the exported public key, and catch edits', async () => {
    const { run, work } = await setUp()
    await run('providers', 'disable', 'oa')
    expect((await run('audit', 'export', '--format', 'jsonl', '--out', 'audit.jsonl')).stderr).toBe('Exported 3 records to audit.jsonl\n')
    expect((await run('audit', 'export', '--format', 'csv', '--out', 'audit.csv')).code).toBe(0)
    expect((await run('audit', 'public-key', '--out', 'coop.pub')).code).toBe(0)

    // On another machine: a fresh data dir, only the files.
    const elsewhere = (...args: string[]) => runCoop(['--data-dir', tempDir(), ...args], { cwd: work })
    const jsonl = await elsewhere('audit', 'verify', '--file', 'audit.jsonl', '--public-key', 'coop.pub', '--json')
    expect(JSON.parse(jsonl.stdout)).toMatchObject({ ok: true, records: 3, keySource: 'given', checkpoints: { verified: expect.any(Number) } })
    const csv = await elsewhere('audit', 'verify', '--file', 'audit.csv', '--public-key', 'coop.pub', '--json')
    expect(JSON.parse(csv.stdout)).toMatchObject({ ok: true, records: 4, keySource: 'given' })
    const selfKeyed = await elsewhere('audit', 'verify', '--file', 'audit.jsonl')
    expect(selfKeyed.stdout).toContain('key taken from the export itself')

    const tampered = readFileSync(join(work, 'audit.jsonl'), 'utf8').replace('"provider_disabled"', '"provider_enabled"')
    writeFileSync(join(work, 'tampered.jsonl'), tampered)
    const bad = await elsewhere('audit', 'verify', '--file', 'tampered.jsonl', '--public-key', 'coop.pub', '--json')
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, problem: { kind: 'edited', seq: 2 } })

    const lines = readFileSync(join(work, 'audit.jsonl'), 'utf8').trimEnd().split('\n')
    writeFileSync(join(work, 'short.jsonl'), `${lines.slice(0, -1).join('\n')}\n`)
    expect(JSON.parse((await elsewhere('audit', 'verify', '--file', 'short.jsonl', '--public-key', 'coop.pub', '--json')).stdout)).toMatchObject({ ok: false, problem: { kind: 'truncated' } })
  })

  it('keeps 90 days by default, takes another retention (recorded), and prunes nothing recent', async () => {
    const { run } = await setUp()
    expect((await run('audit', 'retention')).stdout).toBe('Audit records are kept for 90 days.\n')
    expect(JSON.parse((await run('audit', 'retention', '180', '--json')).stdout)).toEqual({ days: 180 })
    expect((await run('audit', 'retention', '0')).code).toBe(2)
    expect((await run('audit', 'prune')).stdout).toBe('Nothing older than the retention window.\n')
    const listed = JSON.parse((await run('audit', 'list', '--kind', 'setting_changed', '--json')).stdout) as { records: { data: unknown }[] }
    expect(listed.records[0]?.data).toEqual({ setting: 'audit_retention_days', from: 90, to: 180 })
  })

  it('fails closed: a request whose audit record cannot be written is not sent', async () => {
    const { run, dataDir, server } = await setUp()
    // The write fails inside SQLite, as on a full disk (file permissions would not stop root, who runs CI).
    const raw = new Database(join(dataDir, 'audit.db'))
    raw.exec(`CREATE TRIGGER full_disk BEFORE INSERT ON records BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`)
    raw.close()
    const asked = await run('ask', QUESTION, '--provider', 'oa')
    expect(asked.code).toBe(1)
    expect(asked.stderr).toBe('coop: The request could not be recorded, so it was not sent: check the disk and the data folder\n')
    expect(server.requests).toHaveLength(0)
  })
})
