import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../migrate'

describe('migration 3: head folders', () => {
  it('fills each file folder and the folder counts of the tree at HEAD from version-2 rows', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 2)
    db.exec(`
      INSERT INTO repositories (id, path, name, layout, added_at) VALUES (1, '/r', 'r', 'worktree', 'now'), (2, '/s', 's', 'worktree', 'now');
      INSERT INTO files (id, repo_id, path, in_head) VALUES
        (1, 1, 'README.md', 1), (2, 1, 'src/app.ts', 1), (3, 1, 'src/lib/a.ts', 1), (4, 1, 'old/gone.ts', 0), (5, 2, 'src/main.rs', 1);
    `)
    expect(migrate(db, 3)).toBe(3)
    expect(schemaVersion(db)).toBe(3)
    expect(db.prepare('SELECT path, dir FROM files ORDER BY id').raw().all()).toEqual([
      ['README.md', ''],
      ['src/app.ts', 'src'],
      ['src/lib/a.ts', 'src/lib'],
      ['old/gone.ts', 'old'],
      ['src/main.rs', 'src'],
    ])
    expect(db.prepare('SELECT repo_id, dir, parent, file_count FROM head_folders ORDER BY repo_id, dir').raw().all()).toEqual([
      [1, 'src', '', 2],
      [1, 'src/lib', 'src', 1],
      [2, 'src', '', 1],
    ])
  })
})
