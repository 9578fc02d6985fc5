import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

describe('migration 5: code structure', () => {
  it('adds the code tables, and makes the next run list the tree again to learn blob ids', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 4)
    db.exec(`
      INSERT INTO repositories (id, path, name, layout, added_at, tree_head) VALUES (1, '/r', 'r', 'worktree', 'now', 'abc');
      INSERT INTO files (id, repo_id, path, in_head) VALUES (1, 1, 'src/a.ts', 1), (2, 1, 'src/b.ts', 1);
    `)
    migrate(db, 5)
    expect(db.prepare('SELECT tree_head FROM repositories').pluck().get()).toBeNull()
    db.exec(`
      INSERT INTO code_files (file_id, blob_oid, language) VALUES (1, 'o1', 'typescript'), (2, 'o2', 'typescript');
      INSERT INTO code_imports (file_id, seq, specifier, kind, line) VALUES (1, 0, './b', 'import', 1), (1, 1, 'react', 'import', 2);
      INSERT INTO code_externals (id, repo_id, ecosystem, name) VALUES (1, 1, 'npm', 'react');
      INSERT INTO code_edges (file_id, seq, target_file_id) VALUES (1, 0, 2);
      INSERT INTO code_edges (file_id, seq, external_id) VALUES (1, 1, 1);
    `)
    // An edge is exactly one of: a file, a package, or unresolved with its reason.
    expect(() => db.prepare("INSERT INTO code_edges (file_id, seq, target_file_id, unresolved) VALUES (1, 0, 2, 'both')").run()).toThrow(/CHECK/)
    // Removing a file removes what was parsed from it and the edges into it.
    db.prepare('DELETE FROM files WHERE id = 2').run()
    expect(db.prepare('SELECT COUNT(*) FROM code_edges').pluck().get()).toBe(1)
    db.prepare('DELETE FROM files WHERE id = 1').run()
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM code_imports) + (SELECT COUNT(*) FROM code_edges)').pluck().get()).toBe(0)
  })
})
