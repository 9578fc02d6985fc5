import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

describe('migration 8: router policy', () => {
  it('adds policy columns with safe defaults, and approvals and allow-lists that go with their provider', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 7)
    db.prepare(`INSERT INTO providers (id, kind, created_at, updated_at) VALUES ('ds', 'deepseek', 'now', 'now')`).run()
    expect(migrate(db, 8)).toBe(8)
    expect(db.prepare('SELECT agreement_verified_on, policy_reviewed_on, retention_annotation FROM providers').get()).toEqual({
      agreement_verified_on: null,
      policy_reviewed_on: null,
      retention_annotation: 0,
    })
    db.prepare(`INSERT INTO provider_approvals VALUES ('ds', 'Dana', 'now', 'why')`).run()
    db.prepare(`INSERT INTO provider_allowed_models VALUES ('ds', 'deepseek-chat')`).run()
    db.prepare(`DELETE FROM providers WHERE id = 'ds'`).run()
    expect(db.prepare('SELECT COUNT(*) FROM provider_approvals').pluck().get()).toBe(0)
    expect(db.prepare('SELECT COUNT(*) FROM provider_allowed_models').pluck().get()).toBe(0)
  })

  it('keeps request records without any column for content: ids, counts, hashes', () => {
    const db = new Database(':memory:')
    migrate(db, 8)
    const columns = (db.prepare('PRAGMA table_info(llm_requests)').all() as { name: string }[]).map((c) => c.name)
    expect(columns).toEqual([
      'id',
      'request_id',
      'started_at',
      'finished_at',
      'provider_id',
      'provider_kind',
      'model',
      'status',
      'status_code',
      'error_class',
      'retention_mode',
      'key_fingerprint',
      'key_source',
      'input_tokens',
      'output_tokens',
      'cost_usd',
      'redactions',
      'redactions_by_rule',
      'payload_sha256',
      'attempt',
      'fallback_from',
    ])
  })
})
