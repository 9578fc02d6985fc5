import { classifyPath, languageOf } from '../../files/classify-file'
import { isBot } from '../../people/detect-bot'
import type { Migration } from './migration'

/**
 * The knowledge graph on top of history: the tree at HEAD (size, language, kind, last commit), bots,
 * per-commit file counts for change coupling, CODEOWNERS, and full-text search.
 */
export const migration002Graph: Migration = {
  version: 2,
  name: 'graph',
  up: (db) => {
    db.exec(`
      ALTER TABLE repositories ADD COLUMN tree_head TEXT;
      ALTER TABLE repositories ADD COLUMN shallow INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE repositories ADD COLUMN codeowners_path TEXT;
      ALTER TABLE repositories ADD COLUMN codeowners TEXT;
      -- Which .mailmap the stored people were mapped with (a change means reading history again).
      ALTER TABLE repositories ADD COLUMN mailmap_hash TEXT;

      ALTER TABLE people ADD COLUMN is_bot INTEGER NOT NULL DEFAULT 0;

      ALTER TABLE commits ADD COLUMN file_count INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX commits_repo_time ON commits(repo_id, committed_at);
      -- "Last active": a person's newest commit in a repository is one index step away. It also
      -- serves every lookup by author, so the version-1 indexes by author and committer go: fewer
      -- indexes to update per commit is most of what a large first index costs.
      CREATE INDEX commits_author_time ON commits(author_id, repo_id, authored_at);
      DROP INDEX commits_author;
      DROP INDEX commits_committer;
      -- Only renames have an old file: a partial index holds just those.
      DROP INDEX file_changes_old_file;
      CREATE INDEX file_changes_renames ON file_changes(old_file_id) WHERE old_file_id IS NOT NULL;

      ALTER TABLE files ADD COLUMN in_head INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE files ADD COLUMN size INTEGER;
      ALTER TABLE files ADD COLUMN mode TEXT;
      ALTER TABLE files ADD COLUMN language TEXT;
      ALTER TABLE files ADD COLUMN kind TEXT NOT NULL DEFAULT 'source';
      ALTER TABLE files ADD COLUMN last_commit_id INTEGER REFERENCES commits(id) ON DELETE SET NULL;
      CREATE INDEX files_head ON files(repo_id, in_head, path);

      CREATE VIRTUAL TABLE commit_search USING fts5(subject, content='commits', content_rowid='id');
      CREATE TRIGGER commits_search_insert AFTER INSERT ON commits BEGIN
        INSERT INTO commit_search(rowid, subject) VALUES (new.id, new.subject);
      END;
      CREATE TRIGGER commits_search_delete AFTER DELETE ON commits BEGIN
        INSERT INTO commit_search(commit_search, rowid, subject) VALUES ('delete', old.id, old.subject);
      END;

      CREATE VIRTUAL TABLE person_search USING fts5(name, email, content='people', content_rowid='id');
      CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
        INSERT INTO person_search(rowid, name, email) VALUES (new.id, new.name, new.email);
      END;
      CREATE TRIGGER people_search_update AFTER UPDATE OF name, email ON people BEGIN
        INSERT INTO person_search(person_search, rowid, name, email) VALUES ('delete', old.id, old.name, old.email);
        INSERT INTO person_search(rowid, name, email) VALUES (new.id, new.name, new.email);
      END;

      -- Who did the work below each folder, summed per commit with recency weights counted from a fixed
      -- epoch (shares are ratios, so the epoch cancels out): folder ownership and the Explore tree's
      -- badges read these few rows instead of every change below a folder.
      CREATE TABLE dir_owner_stats (
        repo_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
        dir TEXT NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id),
        commits INTEGER NOT NULL,
        added INTEGER NOT NULL,
        removed INTEGER NOT NULL,
        weighted_commits REAL NOT NULL,
        weighted_lines REAL NOT NULL,
        PRIMARY KEY (repo_id, dir, person_id)
      ) WITHOUT ROWID;
      -- dir_owner_stats covers this repository's commits up to this id.
      ALTER TABLE repositories ADD COLUMN stats_commit_id INTEGER NOT NULL DEFAULT 0;

      -- Trigram: any three characters of a path find it, the base for fuzzy @-mention matching.
      CREATE VIRTUAL TABLE path_search USING fts5(path, content='files', content_rowid='id', tokenize='trigram');
      CREATE TRIGGER files_search_insert AFTER INSERT ON files BEGIN
        INSERT INTO path_search(rowid, path) VALUES (new.id, new.path);
      END;
      CREATE TRIGGER files_search_delete AFTER DELETE ON files BEGIN
        INSERT INTO path_search(path_search, rowid, path) VALUES ('delete', old.id, old.path);
      END;
    `)

    // Backfill what version 1 already holds. The tree at HEAD is read by the next index run
    // (tree_head stays NULL until then).
    const markBot = db.prepare('UPDATE people SET is_bot = 1 WHERE id = ?')
    for (const person of db.prepare('SELECT id, name, email FROM people').all() as { id: number; name: string; email: string }[]) {
      if (isBot(person.name, person.email)) markBot.run(person.id)
    }
    db.exec('UPDATE commits SET file_count = (SELECT COUNT(*) FROM file_changes WHERE commit_id = commits.id)')
    const classify = db.prepare('UPDATE files SET language = ?, kind = ? WHERE id = ?')
    for (const file of db.prepare('SELECT id, path FROM files').all() as { id: number; path: string }[]) {
      classify.run(languageOf(file.path), classifyPath(file.path), file.id)
    }
    db.exec(`
      UPDATE files SET last_commit_id = (SELECT MAX(commit_id) FROM file_changes WHERE file_id = files.id);
      INSERT INTO commit_search(commit_search) VALUES ('rebuild');
      INSERT INTO person_search(person_search) VALUES ('rebuild');
      INSERT INTO path_search(path_search) VALUES ('rebuild');
    `)
  },
}
