import { describe, expect, it } from 'vitest'
import type { AuditCheckpoint } from '../../../src/shared/audit-types'
import type { Core } from '../../../src/core/core'
import { buildReportBody } from '../../../src/core/attest/build-report'
import { createAttestation } from '../../../src/core/attest/create-attestation'
import { Audit } from '../../../src/core/audit/audit-service'
import type { Keychain } from '../../../src/core/keys/system-keychain'
import { createFileLogger } from '../../../src/core/log/logger'
import { POLICY_TABLE } from '../../../src/core/policy/policy-table'
import { SANITIZE_RULESET_VERSION } from '../../../src/core/sanitize/rule-set'
import { startAnthropicEmulator } from '../../emulators/anthropic-emulator'
import { startOpenAIEmulator } from '../../emulators/openai-emulator'
import { tempDir } from '../../helpers/temp-dir'
import { attestCore, signingKeyPair, track } from './fixture'

// Random-looking (not "EXAMPLE") so the scrubber's fake-fixture exemptions do not apply.
const OPENAI_KEY = 'sk-proj-Q7vX2mLk9Rt4WbZs8NcYp3HdFj6GaE1uKo5'
const ANTHROPIC_KEY = 'sk-ant-api03-Zr8Kq2VnT5xLw9MbC3pJh7YdG4sF6aE1uRo0'
const GITHUB_TOKEN = 'ghp_R4nd0mT0k3nW1thN0Patt3rnX9qZ2vL7mK8pQ'
const QUESTION = 'Why does the retry loop in the payment client give up so early?'
const ANSWER = 'Because the budget is two attempts.'

async function ask(core: Core, provider: string, question = QUESTION) {
  return core.router.ask({ question, provider }, { cwd: process.cwd() })
}

/** Five providers, one per retention mode plus one policy blocks; six requests through the real router. */
async function populated() {
  const { core, key } = attestCore({ COOP_OA_API_KEY: OPENAI_KEY, COOP_CL_API_KEY: ANTHROPIC_KEY, COOP_CN_API_KEY: ANTHROPIC_KEY })
  const openai = track(await startOpenAIEmulator({ apiKey: OPENAI_KEY, models: ['gpt-x'], text: ANSWER }))
  const local = track(await startOpenAIEmulator({ requireKey: false, models: ['llama'], text: ANSWER }))
  const anthropic = track(await startAnthropicEmulator({ apiKey: ANTHROPIC_KEY, models: ['claude-x'], text: ANSWER }))
  core.providers.add({ id: 'oa', kind: 'openai', baseUrl: `${openai.url}/v1`, models: ['gpt-x'] })
  core.providers.add({ id: 'loc', kind: 'openai-compatible', baseUrl: `${local.url}/v1`, models: ['llama'] })
  core.providers.add({ id: 'cl', kind: 'anthropic', baseUrl: anthropic.url, models: ['claude-x'] })
  core.providers.add({ id: 'cn', kind: 'anthropic', baseUrl: anthropic.url, models: ['claude-x'] })
  core.providers.add({ id: 'ds', kind: 'deepseek', models: ['deepseek-chat'] })
  core.policy.update('cl', { agreementVerifiedOn: '2026-01-15' })

  const outcomes = [
    await ask(core, 'oa', `${QUESTION} The token is ${GITHUB_TOKEN} and my key ${OPENAI_KEY}`),
    await ask(core, 'oa'),
    await ask(core, 'loc', `${QUESTION} ${GITHUB_TOKEN}`),
    await ask(core, 'cl'),
    await ask(core, 'cn'),
    await ask(core, 'ds'),
  ]
  expect(outcomes.map((o) => o.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'blocked'])
  expect(outcomes.map((o) => o.retentionMode)).toEqual(['flag', 'flag', 'local', 'contract', 'none', 'none'])
  return { core, key }
}

describe('attestation report body', () => {
  it('says "no requests" for an empty window, never 100%', async () => {
    const { core } = attestCore()
    const body = await buildReportBody(core, { days: 90, out: '/somewhere/secret-folder/report.json' })

    expect(body.requests.total).toBe(0)
    expect(body.requests.sent).toBe(0)
    expect(body.requests.zeroRetention).toEqual({ requests: 0, of: 0, share: null, note: 'no requests' })
    expect(body.requests.byRetentionMode).toEqual({ flag: 0, contract: 0, local: 0, none: 0 })
    expect(body.keys).toEqual({ bySource: { keychain: 0, env: 0, none: 0 }, byok: { requests: 0, distinctKeys: 0 } })
    expect(body.sanitization.redactions).toEqual({ total: 0, byRule: {} })
    expect(body.blocked).toEqual({ total: 0, byProvider: {}, byReason: [] })
    expect(body.app).toEqual({ name: 'Coop Desktop', version: '9.9.9-test' })
    expect(body.window).toMatchObject({ days: 90, coverage: 'full' })
    expect(Date.parse(body.window.until) - Date.parse(body.window.since)).toBe(90 * 86_400_000)
  })

  it('records the attestation first, so the head it names is its own record, vouched for by a signed checkpoint', async () => {
    const { core } = attestCore()
    core.providers.add({ id: 'oa', kind: 'openai', models: ['gpt-x'] })
    const body = await buildReportBody(core, { days: 30, out: '/somewhere/secret-folder/report.json' })

    const own = [...core.audit.log.all()].find((r) => r.seq === body.auditChain.attestationRecordSeq)
    expect(own).toMatchObject({ kind: 'export', data: { what: 'attestation', days: 30, out: 'report.json' } })
    expect(body.auditChain).toMatchObject({ headSeq: own?.seq, headHash: own?.hash, verified: true, problem: null, firstSeq: 1, recordsInWindow: 2, retentionDays: 90 })
    expect(body.auditChain.checkpoint).toMatchObject({ seq: own?.seq, hash: own?.hash, keyId: (await core.audit.publicKey()).keyId })
    expect((await core.audit.verify()).ok).toBe(true)
  })

  it('counts requests from the router by final record: statuses, retention modes and share, keys, redactions, blocked', async () => {
    const { core } = await populated()
    const body = await buildReportBody(core, { days: 90 })

    expect(body.requests).toMatchObject({
      total: 6,
      byStatus: { succeeded: 5, failed: 0, cancelled: 0, blocked: 1, unfinished: 0 },
      sent: 5,
      byRetentionMode: { flag: 2, contract: 1, local: 1, none: 1 },
      zeroRetention: { requests: 4, of: 5, share: 0.8, note: null },
    })
    expect(body.requests.tokens.input).toBeGreaterThan(0)
    expect(body.requests.byProvider.map((p) => [p.provider, p.sent, p.blocked])).toEqual([
      ['cl', 1, 0],
      ['cn', 1, 0],
      ['ds', 0, 1],
      ['loc', 1, 0],
      ['oa', 2, 0],
    ])
    // Four requests with the user's own keys from the environment (two distinct keys), one keyless local request.
    expect(body.keys).toEqual({ bySource: { keychain: 0, env: 4, none: 1 }, byok: { requests: 4, distinctKeys: 2 } })
    expect(body.sanitization).toMatchObject({
      ruleSetVersion: SANITIZE_RULESET_VERSION,
      scrubbedRequests: 5,
      requestsWithRedactions: 2,
      redactions: { total: 3, byRule: { 'github-token': 2, 'key:oa': 1 } },
    })
    expect(body.sanitization.ruleIds).toContain('github-token')
    expect(body.blocked.total).toBe(1)
    expect(body.blocked.byProvider).toEqual({ ds: 1 })
    expect(body.blocked.byReason[0]?.reason).toMatch(/blocked until an approval is recorded \(coop providers approve ds/)
  })

  it('lists providers with their policy links and verification dates, and the configuration changes', async () => {
    const { core } = await populated()
    core.policy.approve('ds', 'Dana Reviewer', 'public code only')
    core.providers.setEnabled('cn', false)
    core.policy.setOffline(true)
    const body = await buildReportBody(core, { days: 90 })

    const byId = new Map(body.providers.map((p) => [p.id, p]))
    const openaiEntry = POLICY_TABLE.kinds.find((k) => k.kind === 'openai')
    expect(byId.get('oa')).toMatchObject({ kind: 'openai', name: 'OpenAI API', retentionMode: 'flag', noTraining: true, verifiedOn: openaiEntry?.verifiedOn, policyLinks: openaiEntry?.policyLinks })
    expect(byId.get('cl')).toMatchObject({ retentionMode: 'contract', agreementVerifiedOn: '2026-01-15' })
    expect(byId.get('loc')).toMatchObject({ local: true, retentionMode: 'local' })
    expect(byId.get('cn')).toMatchObject({ enabled: false, blockedReason: 'disabled' })
    expect(byId.get('ds')).toMatchObject({ noTraining: false, approval: { by: 'Dana Reviewer', reason: 'public code only' }, blockedReason: 'offline mode: not a local provider' })
    expect(body.policy).toEqual({ tableVersion: POLICY_TABLE.version, offline: true, blockedEndpoints: ['files', 'batches', 'fine-tuning'] })

    expect(body.configurationChanges.byKind).toEqual({ approval: 1, provider_added: 5, provider_disabled: 1, setting_changed: 2 })
    expect(body.configurationChanges.total).toBe(9)
    expect(body.configurationChanges.changes.map((c) => c.kind)).toEqual([...Array(5).fill('provider_added'), 'setting_changed', 'approval', 'provider_disabled', 'setting_changed'])
    expect(body.configurationChanges.changes[5]?.data).toMatchObject({ setting: 'zero_retention_agreement_verified_on', provider: 'cl', from: null, to: '2026-01-15' })
    expect(body.configurationChanges.changes[8]?.data).toEqual({ setting: 'offline_mode', from: false, to: true })
  })

  it('holds no prompt, answer, key or token text', async () => {
    const { core } = await populated()
    const report = await createAttestation(core, { days: 90 })
    const text = JSON.stringify(report)
    for (const secret of [QUESTION, ANSWER, OPENAI_KEY, ANTHROPIC_KEY, GITHUB_TOKEN, 'payment client']) expect(text).not.toContain(secret)
  })

  it('counts a request once by its final record; started-only requests are unfinished', async () => {
    const { core } = attestCore()
    const append = (data: Record<string, unknown>) => core.audit.append('llm_request', { provider: 'oa', model: 'm', ...data })
    const started = { retentionMode: 'flag', keySource: 'keychain', keyFingerprint: 'sha256:aaaaaaaaaaaa', redactions: { total: 2, byRule: { password: 1, jwt: 1 } } }
    append({ requestId: 'r1', status: 'started', ...started })
    append({ requestId: 'r1', status: 'succeeded', ...started, inputTokens: 10, outputTokens: 4 })
    // A final record written twice (a retry of the write) is still one request.
    append({ requestId: 'r1', status: 'succeeded', ...started, inputTokens: 10, outputTokens: 4 })
    append({ requestId: 'r2', status: 'started', ...started, retentionMode: 'none', keySource: 'env', keyFingerprint: 'sha256:bbbbbbbbbbbb' })
    append({ requestId: 'r2', status: 'failed', ...started, retentionMode: 'none', keySource: 'env', keyFingerprint: 'sha256:bbbbbbbbbbbb', inputTokens: null })
    append({ requestId: 'r3', status: 'started', ...started })
    append({ requestId: 'r3', status: 'cancelled', ...started, redactions: { total: 0, byRule: {} } })
    append({ requestId: 'r4', status: 'started', ...started, provider: 'loc' })
    // Refused by the request guard after it was built: blocked, with the reason the guard gives.
    append({ requestId: 'r5', status: 'started', ...started })
    append({ requestId: 'r5', status: 'blocked', ...started, errorClass: 'blocked' })
    // Status and mode the report does not know: ignored, and counted as no control.
    append({ requestId: 'r6', status: 'exploded' })
    append({ requestId: 'r7', status: 'succeeded', retentionMode: 'perfect', keySource: null })
    const body = await buildReportBody(core, { days: 1 })

    expect(body.requests).toMatchObject({
      total: 6,
      byStatus: { succeeded: 2, failed: 1, cancelled: 1, blocked: 1, unfinished: 1 },
      sent: 4,
      byRetentionMode: { flag: 2, contract: 0, local: 0, none: 2 },
      zeroRetention: { requests: 2, of: 4, share: 0.5, note: null },
      tokens: { input: 10, output: 4 },
    })
    expect(body.requests.byProvider.find((p) => p.provider === 'loc')).toMatchObject({ sent: 0, unfinished: 1 })
    expect(body.keys).toEqual({ bySource: { keychain: 2, env: 1, none: 1 }, byok: { requests: 3, distinctKeys: 2 } })
    expect(body.sanitization).toMatchObject({ scrubbedRequests: 4, requestsWithRedactions: 3, redactions: { total: 6, byRule: { jwt: 3, password: 3 } } })
    expect(body.blocked.byReason).toEqual([{ reason: 'refused while sending (offline mode, a blocked endpoint, or another origin)', requests: 1 }])
  })

  it('only a blocked request in the window: still "no requests" sent, and the block is reported', async () => {
    const { core } = attestCore()
    core.providers.add({ id: 'ds', kind: 'deepseek', models: ['deepseek-chat'] })
    expect((await ask(core, 'ds')).status).toBe('blocked')
    const body = await buildReportBody(core, { days: 7 })
    expect(body.requests).toMatchObject({ total: 1, sent: 0, zeroRetention: { share: null, note: 'no requests' } })
    expect(body.blocked.total).toBe(1)
  })

  it('counts only the window: older requests and changes are left out, and pruned history shows as partial coverage', async () => {
    const dataDir = tempDir()
    const day = 86_400_000
    let clock = Date.parse('2026-01-01T00:00:00Z')
    const noKeychain: Keychain = {
      get: () => Promise.reject(new Error('no keychain in this test')),
      set: () => Promise.reject(new Error('no keychain in this test')),
      delete: () => Promise.resolve(false),
      providers: () => Promise.resolve(new Set()),
    }
    let head: AuditCheckpoint | null = null
    const audit = new Audit({
      dataDir,
      keychain: noKeychain,
      env: { COOP_AUDIT_SIGNING_KEY: signingKeyPair().privatePem },
      logger: createFileLogger(dataDir),
      head: { get: () => head, put: (c) => void (head = c) },
      now: () => new Date(clock),
    })
    try {
      await audit.ready()
      audit.append('provider_added', { provider: 'old' })
      audit.append('llm_request', { requestId: 'old', provider: 'old', status: 'succeeded', retentionMode: 'none' })
      clock += 100 * day
      audit.append('setting_changed', { setting: 'offline_mode', from: false, to: true })
      audit.append('llm_request', { requestId: 'new', provider: 'oa', status: 'succeeded', retentionMode: 'flag' })
      const { core } = attestCore()
      const sources = { name: core.name, version: core.version, audit, providers: core.providers, policy: core.policy }
      const body = await buildReportBody(sources, { days: 30, now: () => new Date(clock) })

      expect(body.window).toMatchObject({ since: new Date(clock - 30 * day).toISOString(), until: new Date(clock).toISOString(), coverage: 'full' })
      expect(body.requests).toMatchObject({ total: 1, sent: 1, zeroRetention: { share: 1, of: 1 } })
      expect(body.configurationChanges.changes).toEqual([expect.objectContaining({ kind: 'setting_changed', data: { setting: 'offline_mode', from: false, to: true } })])
      expect(body.auditChain).toMatchObject({ firstSeq: 1, recordsInWindow: 3 })

      // Keep 10 days: the prune removes every record so far, some of them inside a 200-day window.
      audit.log.setRetentionDays(10)
      clock += 20 * day
      expect((await audit.prune()).removed).toBe(6)
      const later = await buildReportBody(sources, { days: 200, now: () => new Date(clock) })
      expect(later.window.coverage).toBe('partial')
      expect(later.auditChain.prunes).toEqual([expect.objectContaining({ removed: 6 })])
      expect(later.auditChain.verified).toBe(true)
      expect(later.requests.total).toBe(0)
    } finally {
      audit.close()
    }
  })
})
