import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

describe('migration 6: provider keys', () => {
  it('adds an empty metadata table next to the existing data, with no column for the key', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 5)
    db.exec(`INSERT INTO repositories (id, path, name, layout, added_at) VALUES (1, '/r', 'r', 'worktree', 'now')`)
    migrate(db, 6)
    expect(db.prepare('SELECT COUNT(*) AS n FROM repositories').get()).toEqual({ n: 1 })
    expect(db.prepare('SELECT * FROM provider_keys').all()).toEqual([])
    const columns = db.prepare('PRAGMA table_info(provider_keys)').all() as { name: string; notnull: number; pk: number }[]
    expect(columns.map((c) => [c.name, c.notnull, c.pk])).toEqual([
      ['provider', 0, 1],
      ['fingerprint', 1, 0],
      ['updated_at', 1, 0],
      ['last_used_at', 0, 0],
    ])
    db.prepare(`INSERT INTO provider_keys (provider, fingerprint, updated_at) VALUES ('openai', 'sha256:0123456789ab', '2025-01-01T00:00:00.000Z')`).run()
    expect(() => db.prepare(`INSERT INTO provider_keys (provider, fingerprint, updated_at) VALUES ('openai', 'sha256:ba9876543210', 'now')`).run()).toThrow(/UNIQUE/)
  })
})
