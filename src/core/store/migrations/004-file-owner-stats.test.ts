import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'

describe('migration 4: file owner stats', () => {
  it('sums each file per author over the commits the folder sums already cover', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, 3)
    db.exec(`
      INSERT INTO repositories (id, path, name, layout, added_at, stats_commit_id) VALUES (1, '/r', 'r', 'worktree', 'now', 2);
      INSERT INTO people (id, identity, name, email) VALUES (1, 'ada@example.com', 'Ada', 'ada@example.com'), (2, 'g@example.com', 'Grace', 'g@example.com');
      INSERT INTO commits (id, repo_id, hash, parents, author_id, committer_id, authored_at, committed_at, subject) VALUES
        (1, 1, 'c1', '', 1, 1, 946684800, 946684800, 'one'),
        (2, 1, 'c2', 'c1', 1, 1, 946684800 + 180 * 86400, 946684800, 'two'),
        (3, 1, 'c3', 'c2', 2, 2, 946684800, 946684800, 'not summed yet');
      INSERT INTO files (id, repo_id, path) VALUES (1, 1, 'a.ts');
      INSERT INTO file_changes (commit_id, file_id, added, removed) VALUES (1, 1, 3, 0), (2, 1, 1, 1), (3, 1, 5, 5);
    `)
    migrate(db, 4)
    // Weights double every 180 days from 2000-01-01: 1 for the first commit, 2 for the second.
    expect(db.prepare('SELECT file_id, person_id, commits, added, removed, weighted_commits, weighted_lines FROM file_owner_stats').raw().all()).toEqual([
      [1, 1, 2, 4, 1, 3, 3 + 2 * 2],
    ])
  })
})
