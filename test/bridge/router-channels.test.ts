import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/core/bridge/dispatch'
import { createHandlers } from '../../src/core/bridge/handlers'
import type { Core } from '../../src/core/core'
import { openCore } from '../../src/core/create-core'
import type { AskOutcome } from '../../src/shared/router-types'
import { startOpenAIEmulator, type OpenAIEmulator } from '../emulators/openai-emulator'
import { SIGNING_KEY } from '../helpers/audit-key'
import { tempDir } from '../helpers/temp-dir'

const ENV_KEY = 'sk-proj-Bv7Lq2Zr9Xw4MnC8pKh3YdT6sF1aE5uGo2J'
const KEYCHAIN_KEY = 'sk-proj-Keychain9Zr2Xw4MnC8pKh3YdT6sF1aE5uGo'

const cores: Core[] = []
const servers: OpenAIEmulator[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

/** Core, its bridge handlers, and a log of everything the renderer would receive: answers and events. */
async function bridge() {
  const server = await startOpenAIEmulator({ models: ['gpt-x'], text: 'Streamed over the bridge.' })
  servers.push(server)
  const core = openCore({ dataDir: tempDir(), version: 'test', env: { COOP_OA_API_KEY: ENV_KEY, COOP_AUDIT_SIGNING_KEY: SIGNING_KEY } })
  cores.push(core)
  const handlers = createHandlers(core, { kind: 'browser' })
  const seen: string[] = []
  core.events.onAny((name, payload) => seen.push(`${name} ${JSON.stringify(payload)}`), ['ask:delta', 'ask:finished'])
  const call = async (channel: string, request: unknown) => {
    const result = await dispatch(handlers, channel, request)
    seen.push(JSON.stringify(result))
    return result
  }
  return { server, core, call, seen }
}

function finished(core: Core, requestId: string): Promise<AskOutcome> {
  return new Promise((resolve) => {
    const off = core.events.on('ask:finished', (outcome) => {
      if (outcome.requestId !== requestId) return
      off()
      resolve(outcome)
    })
  })
}

describe('router channels on the bridge', () => {
  it('configures providers, previews, streams an answer as events and stops one; the renderer never receives a key', async () => {
    const { server, core, call, seen } = await bridge()
    const added = await call('providers:add', { id: 'oa', kind: 'openai', baseUrl: `${server.url}/v1`, models: ['gpt-x'] })
    expect(added).toMatchObject({ ok: true, value: { id: 'oa', key: { source: 'env', fingerprint: expect.stringMatching(/^sha256:/) }, policy: { retentionMode: 'flag' } } })
    expect(await call('providers:add', { id: 'bad', kind: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })

    const preview = await call('ask:preview', { question: 'what?', provider: 'oa' })
    expect(preview).toMatchObject({ ok: true, value: { headers: { authorization: expect.stringMatching(/^Bearer ••••/) } } })
    expect(server.requests).toHaveLength(0)

    const deltas: string[] = []
    core.events.on('ask:delta', (d) => deltas.push(d.text))
    const started = await call('ask:start', { question: 'what?', provider: 'oa' })
    if (!started.ok) throw new Error(started.error.message)
    const { requestId } = started.value as { requestId: string }
    const outcome = await finished(core, requestId)
    expect(outcome).toMatchObject({ requestId, status: 'succeeded', provider: 'oa' })
    expect(deltas.join('')).toBe('Streamed over the bridge.')

    server.respondWith({ kind: 'hang' })
    const hanging = await call('ask:start', { question: 'what?', provider: 'oa' })
    const hangingId = (hanging as { value: { requestId: string } }).value.requestId
    const ended = finished(core, hangingId)
    while (server.requests.length < 2) await new Promise((r) => setTimeout(r, 10))
    expect(await call('ask:stop', { requestId: hangingId })).toEqual({ ok: true, value: { stopped: true } })
    expect((await ended).status).toBe('cancelled')
    expect(await call('ask:stop', { requestId: hangingId })).toEqual({ ok: true, value: { stopped: false } })
    expect(await call('ask:status', { requestId: hangingId })).toMatchObject({ ok: true, value: { state: 'finished', outcome: { status: 'cancelled' } } })
    expect(await call('ask:status', { requestId: '00000000-0000-4000-8000-000000000000' })).toEqual({ ok: true, value: { state: 'unknown' } })

    const missing = await call('ask:start', { question: 'what?', provider: 'oa', files: [{ path: '/no/such/file.ts' }] })
    const missingId = (missing as { value: { requestId: string } }).value.requestId
    expect(await finished(core, missingId)).toMatchObject({ status: 'failed', error: { message: expect.stringContaining('no such file') } })

    const usage = await call('usage:report', { days: 7 })
    expect(usage).toMatchObject({ ok: true, value: { totals: { requests: 2 } } })
    expect((await call('providers:check', {})).ok).toBe(true)
    expect(await call('policy:setOffline', { offline: true })).toMatchObject({ ok: true, value: { offline: true } })
    expect(await call('providers:list', {})).toMatchObject({ ok: true, value: [{ id: 'oa', policy: { blockedReason: 'offline mode: not a local provider' } }] })
    expect(seen.join('\n')).not.toContain(ENV_KEY)
  })

  it('lists, verifies and exports the audit log, and sets its retention', async () => {
    const { server, call, seen } = await bridge()
    await call('providers:add', { id: 'oa', kind: 'openai', baseUrl: `${server.url}/v1`, models: ['gpt-x'] })
    await call('providers:setEnabled', { id: 'oa', enabled: false })
    const page = await call('audit:list', { limit: 1 })
    expect(page).toMatchObject({ ok: true, value: { total: 2, records: [{ seq: 2, kind: 'provider_disabled' }], nextBeforeSeq: 2 } })
    expect(await call('audit:list', { kind: 'provider_added', since: '7.days' })).toMatchObject({ ok: true, value: { total: 1 } })
    expect(await call('audit:list', { kind: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('audit:verify', {})).toMatchObject({ ok: true, value: { ok: true, records: 2 } })
    const exported = await call('audit:export', { format: 'csv' })
    expect(exported).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/^coop-audit-\d{4}-\d{2}-\d{2}\.csv$/), records: 3, manifest: { fileName: expect.stringMatching(/\.manifest\.json$/) } } })
    expect(await call('audit:setRetention', { days: 30 })).toMatchObject({ ok: true, value: { retentionDays: 30 } })
    expect(await call('audit:settings', {})).toMatchObject({ ok: true, value: { retentionDays: 30 } })
    expect(seen.join('\n')).not.toContain(ENV_KEY)
  })

  it('creates, verifies and charts attestations from the audit log', async () => {
    const { server, core, call } = await bridge()
    await call('providers:add', { id: 'oa', kind: 'openai', baseUrl: `${server.url}/v1`, models: ['gpt-x'] })
    await call('providers:add', { id: 'ds', kind: 'deepseek', baseUrl: `${server.url}/v1`, models: ['gpt-x'] })
    // Listening before asking: a blocked request can end before ask:start has answered.
    const ended: AskOutcome[] = []
    core.events.on('ask:finished', (outcome) => ended.push(outcome))
    for (const provider of ['oa', 'ds']) await call('ask:start', { question: 'what?', provider })
    while (ended.length < 2) await new Promise((r) => setTimeout(r, 10))
    expect(ended.map((o) => o.status).sort()).toEqual(['blocked', 'succeeded'])
    const series = await call('attest:retentionSeries', { days: 7 })
    expect(series).toMatchObject({ ok: true, value: { days: [{ flag: 1, blocked: 1, none: 0, local: 0, contract: 0 }] } })

    const created = await call('attest:create', { days: 7 })
    if (!created.ok) throw new Error(created.error.message)
    const { report, html, fileName } = created.value as { report: unknown; html: string; fileName: string }
    expect(fileName).toMatch(/^coop-attestation-\d{4}-\d{2}-\d{2}\.json$/)
    expect(html).toMatch(/^<!doctype html>/i)
    const text = JSON.stringify(report)
    expect(await call('attest:verify', { report: text })).toMatchObject({ ok: true, value: { status: 'verified', trust: 'embedded', html: expect.stringContaining('<') } })
    const altered = text.replace('"sent":1', '"sent":2')
    expect(altered).not.toBe(text)
    expect(await call('attest:verify', { report: altered })).toMatchObject({ ok: true, value: { status: 'failed', problem: { kind: 'bad_signature' } } })
    expect(await call('attest:verify', { report: text.slice(0, 50) })).toMatchObject({ ok: true, value: { status: 'unreadable', html: null } })
  })

  it('takes a key write-only into the keychain and answers with its fingerprint only', async () => {
    // The real keychain (gnome-keyring under dbus-run-session in tests), shared by the run: an id of its own.
    const id = `kc-${randomBytes(6).toString('hex')}`
    const { call, seen } = await bridge()
    await call('providers:add', { id, kind: 'anthropic', models: ['claude'] })
    const set = await call('providers:setKey', { id, key: KEYCHAIN_KEY })
    expect(set).toEqual({ ok: true, value: { fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{12}$/) } })
    expect(await call('providers:list', {})).toMatchObject({ ok: true, value: [{ id, key: { source: 'keychain', missing: false } }] })
    expect(await call('providers:removeKey', { id })).toEqual({ ok: true, value: { removed: true } })
    expect(seen.join('\n')).not.toContain(KEYCHAIN_KEY)
  })
})
