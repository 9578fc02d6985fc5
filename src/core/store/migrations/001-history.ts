import type { Migration } from './migration'

/** Repositories, people, commits and the files each commit changed. */
export const migration001History: Migration = {
  version: 1,
  name: 'history',
  up: (db) => {
    db.exec(`
      CREATE TABLE repositories (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        layout TEXT NOT NULL CHECK (layout IN ('worktree', 'bare')),
        added_at TEXT NOT NULL,
        -- The last commit whose whole ancestry is indexed; a run resumes from here.
        indexed_head TEXT,
        last_indexed_at TEXT,
        commit_count INTEGER NOT NULL DEFAULT 0,
        file_count INTEGER NOT NULL DEFAULT 0,
        person_count INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        -- Lower-cased email, or the name when a commit has no email.
        identity TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        email TEXT NOT NULL
      );

      CREATE TABLE commits (
        id INTEGER PRIMARY KEY,
        repo_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
        hash TEXT NOT NULL,
        parents TEXT NOT NULL,
        author_id INTEGER NOT NULL REFERENCES people(id),
        committer_id INTEGER NOT NULL REFERENCES people(id),
        authored_at INTEGER NOT NULL,
        committed_at INTEGER NOT NULL,
        subject TEXT NOT NULL,
        UNIQUE (repo_id, hash)
      );
      CREATE INDEX commits_author ON commits(author_id);
      CREATE INDEX commits_committer ON commits(committer_id);

      CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        repo_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        UNIQUE (repo_id, path)
      );

      CREATE TABLE file_changes (
        commit_id INTEGER NOT NULL REFERENCES commits(id) ON DELETE CASCADE,
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        old_file_id INTEGER REFERENCES files(id) ON DELETE CASCADE,
        -- NULL for binary files: git reports no line counts for them.
        added INTEGER,
        removed INTEGER,
        PRIMARY KEY (commit_id, file_id)
      ) WITHOUT ROWID;
      CREATE INDEX file_changes_file ON file_changes(file_id);
      CREATE INDEX file_changes_old_file ON file_changes(old_file_id);
    `)
  },
}
