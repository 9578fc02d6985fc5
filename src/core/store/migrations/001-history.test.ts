import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../../test/helpers/temp-dir'
import { migrate, schemaVersion } from '../migrate'
import { openDatabase } from '../open-database'

describe('migration 1: history', () => {
  it('takes an empty database from version 0 to 1 with the history tables', () => {
    const db = new Database(join(tempDir(), 'coop.db'))
    db.pragma('foreign_keys = ON')
    expect(schemaVersion(db)).toBe(0)
    expect(migrate(db, 1)).toBe(1)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()
    expect(tables).toEqual(['commits', 'file_changes', 'files', 'people', 'repositories'])
    db.close()
  })

  it('enforces one row per repository path and per commit, and cascades a repository removal', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 1)
    db.prepare("INSERT INTO repositories (path, name, layout, added_at) VALUES ('/r', 'r', 'worktree', 'now')").run()
    expect(() => db.prepare("INSERT INTO repositories (path, name, layout, added_at) VALUES ('/r', 'r', 'worktree', 'now')").run()).toThrow(/UNIQUE/)
    expect(() => db.prepare("INSERT INTO repositories (path, name, layout, added_at) VALUES ('/s', 's', 'other', 'now')").run()).toThrow(/CHECK/)
    db.prepare("INSERT INTO people (identity, name, email) VALUES ('a@x', 'A', 'a@x')").run()
    const insertCommit = db.prepare(
      "INSERT INTO commits (repo_id, hash, parents, author_id, committer_id, authored_at, committed_at, subject) VALUES (1, ?, '', 1, 1, 0, 0, 's')",
    )
    insertCommit.run('abc')
    expect(() => insertCommit.run('abc')).toThrow(/UNIQUE/)
    db.prepare("INSERT INTO files (repo_id, path) VALUES (1, 'a.txt')").run()
    db.prepare('INSERT INTO file_changes (commit_id, file_id, added, removed) VALUES (1, 1, 3, NULL)').run()
    expect(() => db.prepare('INSERT INTO file_changes (commit_id, file_id) VALUES (99, 1)').run()).toThrow(/FOREIGN KEY/)

    db.prepare('DELETE FROM repositories WHERE id = 1').run()
    for (const table of ['commits', 'files', 'file_changes']) {
      expect(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()).toBe(0)
    }
    // People are shared across repositories and outlive any one of them.
    expect(db.prepare('SELECT COUNT(*) FROM people').pluck().get()).toBe(1)
    db.close()
  })
})

describe('opening a database', () => {
  it('uses WAL and foreign keys, and migrates to the latest version', () => {
    const db = openDatabase(join(tempDir(), 'nested', 'coop.db'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(1)
    db.close()
  })

  it('refuses a database from a newer version instead of damaging it', () => {
    const file = join(tempDir(), 'coop.db')
    const newer = new Database(file)
    newer.pragma('user_version = 999')
    newer.close()
    expect(() => openDatabase(file)).toThrow(/created by a newer Coop Desktop \(schema 999/)
  })

  it('explains a file that is not a database', () => {
    const file = join(tempDir(), 'coop.db')
    writeFileSync(file, 'this is not sqlite, just text that happens to be here'.repeat(100))
    expect(() => openDatabase(file)).toThrow(/Cannot open the database .*coop\.db: file is not a database \(move the file aside/)
  })
})
