import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

describe('migration 7: providers', () => {
  it('adds empty provider and model tables next to the existing data; models go with their provider', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 6)
    db.prepare(`INSERT INTO provider_keys (provider, fingerprint, updated_at) VALUES ('openai', 'sha256:0123456789ab', 'now')`).run()
    expect(migrate(db, 7)).toBe(7)
    expect(db.prepare('SELECT provider FROM provider_keys').all()).toEqual([{ provider: 'openai' }])
    expect(db.prepare('SELECT * FROM providers').all()).toEqual([])
    expect(db.prepare('SELECT * FROM provider_models').all()).toEqual([])
    const columns = (table: string) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; notnull: number; pk: number; dflt_value: string | null }[]).map((c) => [c.name, c.notnull, c.pk, c.dflt_value])
    expect(columns('providers')).toEqual([
      ['id', 0, 1, null],
      ['kind', 1, 0, null],
      ['base_url', 0, 0, null],
      ['enabled', 1, 0, '1'],
      ['timeout_ms', 1, 0, '60000'],
      ['created_at', 1, 0, null],
      ['updated_at', 1, 0, null],
    ])
    expect(columns('provider_models').map((c) => c[0])).toEqual(['provider_id', 'model', 'context_window', 'input_price', 'output_price'])

    db.prepare(`INSERT INTO providers (id, kind, created_at, updated_at) VALUES ('openai', 'openai', 'now', 'now')`).run()
    expect(db.prepare('SELECT enabled, timeout_ms, base_url FROM providers').get()).toEqual({ enabled: 1, timeout_ms: 60000, base_url: null })
    db.prepare(`INSERT INTO provider_models (provider_id, model, context_window, input_price, output_price) VALUES ('openai', 'gpt-4.1', 1047576, 2, 8)`).run()
    expect(() => db.prepare(`INSERT INTO provider_models (provider_id, model) VALUES ('openai', 'gpt-4.1')`).run()).toThrow(/UNIQUE/)
    expect(() => db.prepare(`INSERT INTO provider_models (provider_id, model) VALUES ('nobody', 'm')`).run()).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare(`INSERT INTO providers (id, kind, created_at, updated_at) VALUES ('openai', 'gemini', 'now', 'now')`).run()).toThrow(/UNIQUE/)
    db.prepare(`DELETE FROM providers WHERE id = 'openai'`).run()
    expect(db.prepare('SELECT COUNT(*) AS n FROM provider_models').get()).toEqual({ n: 0 })
  })
})
