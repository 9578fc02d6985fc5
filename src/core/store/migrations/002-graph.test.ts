import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../migrate'

/** A version-1 database with a little history, as the first release wrote it. */
function versionOneDatabase(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, 1)
  db.exec(`
    INSERT INTO repositories (id, path, name, layout, added_at, indexed_head) VALUES (1, '/r', 'r', 'worktree', 'now', 'c2');
    INSERT INTO people (id, identity, name, email) VALUES
      (1, 'ada@example.com', 'Ada', 'ada@example.com'),
      (2, '49699333+dependabot[bot]@users.noreply.github.com', 'dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com');
    INSERT INTO commits (id, repo_id, hash, parents, author_id, committer_id, authored_at, committed_at, subject) VALUES
      (1, 1, 'c1', '', 1, 1, 100, 100, 'Add the parser'),
      (2, 1, 'c2', 'c1', 2, 2, 200, 200, 'Bump lodash');
    INSERT INTO files (id, repo_id, path) VALUES (1, 1, 'src/parser.ts'), (2, 1, 'package-lock.json'), (3, 1, 'package.json');
    INSERT INTO file_changes (commit_id, file_id, added, removed) VALUES (1, 1, 10, 0), (2, 2, 5, 5), (2, 3, 1, 1);
  `)
  return db
}

describe('migration 2: graph', () => {
  it('backfills bots, file counts, kinds, languages and last commits from version-1 rows', () => {
    const db = versionOneDatabase()
    expect(migrate(db, 2)).toBe(2)
    expect(schemaVersion(db)).toBe(2)
    expect(db.prepare('SELECT name, is_bot FROM people ORDER BY id').all()).toEqual([
      { name: 'Ada', is_bot: 0 },
      { name: 'dependabot[bot]', is_bot: 1 },
    ])
    expect(db.prepare('SELECT hash, file_count FROM commits ORDER BY id').all()).toEqual([
      { hash: 'c1', file_count: 1 },
      { hash: 'c2', file_count: 2 },
    ])
    expect(db.prepare('SELECT path, kind, language, last_commit_id AS last, in_head FROM files ORDER BY id').all()).toEqual([
      { path: 'src/parser.ts', kind: 'source', language: 'TypeScript', last: 1, in_head: 0 },
      { path: 'package-lock.json', kind: 'generated', language: 'JSON', last: 2, in_head: 0 },
      { path: 'package.json', kind: 'source', language: 'JSON', last: 2, in_head: 0 },
    ])
    // The tree at HEAD is unknown until the next index run reads it.
    expect(db.prepare('SELECT tree_head FROM repositories').pluck().get()).toBeNull()
  })

  it('builds full-text search over what was already stored, and keeps it in step', () => {
    const db = versionOneDatabase()
    migrate(db, 2)
    const commits = db.prepare("SELECT c.hash FROM commit_search s JOIN commits c ON c.id = s.rowid WHERE commit_search MATCH ?").pluck()
    expect(commits.all('parser')).toEqual(['c1'])
    expect(db.prepare("SELECT rowid FROM path_search WHERE path_search MATCH 'pars'").pluck().all()).toEqual([1])
    expect(db.prepare("SELECT rowid FROM person_search WHERE person_search MATCH 'ada'").pluck().all()).toEqual([1])

    db.prepare('DELETE FROM commits WHERE id = 1').run()
    expect(commits.all('parser')).toEqual([])
    db.prepare("UPDATE people SET name = 'Ada Lovelace' WHERE id = 1").run()
    expect(db.prepare("SELECT rowid FROM person_search WHERE person_search MATCH 'lovelace'").pluck().all()).toEqual([1])
  })
})
