import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import { openCore } from '../../../src/core/create-core'
import { POLICY_TABLE } from '../../../src/core/policy/policy-table'
import { tempDir } from '../../helpers/temp-dir'

const cores: Core[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
})

/** A core on a fresh data dir. */
function core(env: NodeJS.ProcessEnv = {}) {
  const c = openCore({ dataDir: tempDir(), version: 'test', env })
  cores.push(c)
  return { c }
}

describe('the provider policy table', () => {
  it('has an entry for every provider kind, with https policy links and a verification date', () => {
    const kinds = POLICY_TABLE.kinds.map((k) => k.kind).sort()
    expect(kinds).toEqual(['anthropic', 'deepseek', 'gemini', 'openai', 'openai-compatible'])
    for (const entry of POLICY_TABLE.kinds) {
      for (const link of entry.policyLinks) expect(link.url).toMatch(/^https:\/\//)
      expect(entry.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
    expect(POLICY_TABLE.kinds.find((k) => k.kind === 'deepseek')?.noTraining).toBe(false)
  })
})

describe('compliance check', () => {
  it('blocks DeepSeek without an approval, clears it with one, and records who, when and why', async () => {
    const { c } = core({ COOP_DS_API_KEY: 'sk-ds-123456789' })
    c.providers.add({ id: 'ds', kind: 'deepseek', models: ['deepseek-chat'] })
    const before = await c.policy.check()
    expect(before.blockedProviders).toEqual(['ds'])
    expect(before.findings).toContainEqual(expect.objectContaining({ provider: 'ds', severity: 'critical', code: 'no-training-unapproved' }))
    expect(() => c.policy.clear('ds', undefined)).toThrow(/coop providers approve ds/)

    const approval = c.policy.approve('ds', 'Dana Reviewer', 'public code only')
    expect(approval).toMatchObject({ by: 'Dana Reviewer', reason: 'public code only' })
    const after = await c.policy.check()
    expect(after.blockedProviders).toEqual([])
    expect(after.findings).toContainEqual(expect.objectContaining({ provider: 'ds', severity: 'info', code: 'approved' }))
    expect(c.policy.clear('ds', undefined).model).toBe('deepseek-chat')
    expect(c.policy.revokeApproval('ds')).toBe(true)
    expect((await c.policy.check()).blockedProviders).toEqual(['ds'])
  })

  it('warns about stale verifications and clears the warning when the user records a recent review', async () => {
    const { c } = core()
    c.providers.add({ id: 'oa', kind: 'openai', models: ['gpt-x'] })
    const stale = (await c.policy.check()).findings.filter((f) => f.code === 'verification-stale')
    const table = POLICY_TABLE.kinds.find((k) => k.kind === 'openai')?.verifiedOn ?? ''
    const ageDays = (Date.now() - Date.parse(`${table}T00:00:00Z`)) / 86_400_000
    // The table's own date decides: stale only when over 180 days old.
    expect(stale.length).toBe(ageDays > 180 ? 1 : 0)
    const today = new Date().toISOString().slice(0, 10)
    c.policy.update('oa', { policyReviewedOn: today })
    expect((await c.policy.check()).findings.filter((f) => f.code === 'verification-stale')).toEqual([])
    expect((await c.policy.view('oa')).posture?.verifiedOn).toBe(today)

    c.policy.update('oa', { agreementVerifiedOn: '2025-01-02' })
    const findings = (await c.policy.check()).findings
    expect(findings).toContainEqual(expect.objectContaining({ code: 'agreement-stale', severity: 'warning' }))
    expect((await c.policy.view('oa')).retentionMode).toBe('contract')
  })

  it('flags cleartext remote endpoints as critical, but not plain http on this machine or network', async () => {
    const { c } = core()
    c.providers.add({ id: 'far', kind: 'openai-compatible', baseUrl: 'http://llm.example.com/v1', models: ['m'] })
    c.providers.add({ id: 'lan', kind: 'openai-compatible', baseUrl: 'http://192.168.1.20:8000/v1', models: ['m'] })
    c.policy.approve('far', 'me', 'our server')
    const report = await c.policy.check()
    expect(report.findings).toContainEqual(expect.objectContaining({ provider: 'far', code: 'cleartext-remote', severity: 'critical' }))
    expect(report.findings.filter((f) => f.provider === 'lan' && f.severity === 'critical')).toEqual([])
    expect(report.blockedProviders).toEqual(['far'])
  })

  it('warns about remote providers without a key and with no retention control; local ones need neither', async () => {
    const { c } = core()
    c.providers.add({ id: 'cl', kind: 'anthropic', models: ['claude'] })
    c.providers.add({ id: 'loc', kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', models: ['llama'] })
    const codes = (await c.policy.check()).findings.map((f) => `${f.provider}:${f.code}`)
    expect(codes).toEqual(expect.arrayContaining(['cl:no-key', 'cl:no-retention-control']))
    expect(codes.filter((code) => code.startsWith('loc:') && !code.endsWith('verification-stale'))).toEqual([])
  })

  it('applies offline mode, disabled providers and model allow-lists before anything is called', () => {
    const { c } = core()
    c.providers.add({ id: 'oa', kind: 'openai', models: ['gpt-a', 'gpt-b'] })
    c.providers.add({ id: 'loc', kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:8080/v1', models: ['llama'] })
    expect(c.policy.clear('oa', undefined).model).toBe('gpt-a')
    c.policy.update('oa', { allowedModels: ['gpt-b'] })
    expect(c.policy.clear('oa', undefined).model).toBe('gpt-b')
    expect(() => c.policy.clear('oa', 'gpt-a')).toThrow(/not on oa's allow-list/)
    c.policy.setOffline(true)
    expect(() => c.policy.clear('oa', 'gpt-b')).toThrow(/Offline mode/)
    expect(c.policy.clear('loc', undefined).model).toBe('llama')
    c.providers.setEnabled('loc', false)
    expect(() => c.policy.clear('loc', undefined)).toThrow(/disabled/)
    expect(c.policy.settings()).toEqual({ offline: true, blockedEndpoints: ['files', 'batches', 'fine-tuning'] })
    expect(c.policy.setBlockedEndpoints(['batches'])).toEqual({ offline: true, blockedEndpoints: ['batches'] })
  })

  it('rejects bad dates and future verifications, and empty approvals', () => {
    const { c } = core()
    c.providers.add({ id: 'oa', kind: 'openai' })
    expect(() => c.policy.update('oa', { agreementVerifiedOn: '2026-02-30' })).toThrow(/YYYY-MM-DD/)
    expect(() => c.policy.update('oa', { agreementVerifiedOn: '2999-01-01' })).toThrow(/future/)
    expect(() => c.policy.approve('oa', ' ', 'x')).toThrow(/who approves/)
    expect(() => c.policy.approve('oa', 'me', '')).toThrow(/Say why/)
    expect(() => c.policy.approve('nope', 'me', 'x')).toThrow(/No provider nope/)
  })
})
