import { describe, expect, it } from 'vitest'
import type { AuditKind } from './audit-types'
import { AUDIT_KINDS } from './audit-types'
import { describeRecord, formatValue, kindLabels } from './describe-audit-record'

const line = (kind: AuditKind, data: Record<string, unknown>) => describeRecord({ kind, data }, 'en-US')

describe('a model request', () => {
  it('says how it ended, where it went, under which retention mode and how many tokens', () => {
    const data = { requestId: 'r1', provider: 'openai', model: 'gpt-4.1', status: 'succeeded', retentionMode: 'flag', inputTokens: 812, outputTokens: 64, redactions: { total: 0, byRule: {} } }
    expect(line('llm_request', data)).toBe('succeeded openai gpt-4.1 · retention flag · 812/64 tokens')
    expect(line('llm_request', { ...data, inputTokens: 12_345, redactions: { total: 2, byRule: { 'github-token': 2 } } })).toBe('succeeded openai gpt-4.1 · retention flag · 12,345/64 tokens · 2 redactions')
  })

  it('leaves out tokens before the answer, and names a failure', () => {
    expect(line('llm_request', { provider: 'local', model: 'm1', status: 'started', retentionMode: 'local' })).toBe('started local m1 · retention local')
    expect(line('llm_request', { provider: 'oa', model: 'gpt-x', status: 'failed', retentionMode: 'flag', statusCode: 503, errorClass: 'server_error', inputTokens: null, outputTokens: null, fallbackFrom: [] })).toBe(
      'failed oa gpt-x · retention flag · HTTP 503 server_error',
    )
    expect(line('llm_request', { provider: 'local', model: 'm1', status: 'cancelled', retentionMode: 'local', errorClass: 'cancelled', fallbackFrom: ['oa'] })).toBe('cancelled local m1 · retention local · fallback from oa')
  })

  it('gives policy’s reason for a blocked one', () => {
    expect(line('llm_request', { provider: 'ds', model: 'deepseek-chat', status: 'blocked', reason: 'ds is blocked until an approval is recorded', retentionMode: 'none' })).toBe('blocked ds deepseek-chat · ds is blocked until an approval is recorded')
  })
})

describe('configuration changes', () => {
  it('show a setting going from one value to another', () => {
    expect(line('setting_changed', { setting: 'offline_mode', from: false, to: true })).toBe('offline_mode: false → true')
    expect(line('policy_override', { setting: 'allowed_models', provider: 'local', from: [], to: ['m1', 'm2'] })).toBe('local allowed_models: [] → [m1, m2]')
    expect(line('setting_changed', { setting: 'zero_retention_agreement_verified_on', provider: 'oa', from: null, to: '2026-03-01' })).toBe('oa zero_retention_agreement_verified_on: none → 2026-03-01')
  })

  it('name keys by fingerprint and providers by id', () => {
    expect(line('key_set', { provider: 'oa', fingerprint: 'sha256:0123456789ab', source: 'keychain', rotated: true })).toBe('key for oa · sha256:0123456789ab · keychain · replaced the previous key')
    expect(line('key_removed', { provider: 'oa', fingerprint: null })).toBe('key for oa removed')
    expect(line('provider_added', { provider: 'oa', kind: 'openai', baseUrl: 'https://api.openai.com/v1', models: ['gpt-x'] })).toBe('oa (openai) · https://api.openai.com/v1 · models gpt-x')
    expect(line('provider_disabled', { provider: 'oa' })).toBe('oa')
    expect(line('approval', { provider: 'ds', by: 'Grace', reason: 'pilot', approvedAt: '2026-03-01T00:00:00Z' })).toBe('ds approved by Grace: pilot')
    expect(line('approval_revoked', { provider: 'ds' })).toBe('approval of ds revoked')
  })
})

describe('the log’s own events', () => {
  it('say what was exported or attested, and what a prune removed', () => {
    expect(line('export', { format: 'jsonl', destination: 'app download coop-audit-2026-03-01.jsonl' })).toBe('export jsonl · app download coop-audit-2026-03-01.jsonl')
    expect(line('export', { what: 'attestation', days: 30, out: 'coop-attestation-2026-03-01.json' })).toBe('attestation report, last 30 days · coop-attestation-2026-03-01.json')
    expect(line('prune', { removedThroughSeq: 340, removed: 1200, cutoff: '2026-01-01T10:00:00.000Z', lastRemovedHash: 'ab', keyId: 'k', signature: 's' })).toBe('removed 1,200 records through #340 · older than 2026-01-01')
  })

  it('falls back to the data itself for a field of an unexpected type', () => {
    expect(line('llm_request', { status: 7 })).toBe('request')
    expect(formatValue({ a: 1 })).toBe('{"a":1}')
    expect(formatValue(undefined)).toBe('none')
  })
})

describe('kind labels', () => {
  it('name every kind', () => {
    for (const kind of AUDIT_KINDS) expect(kindLabels[kind]).toMatch(/^[A-Z]/)
  })
})
