import { STATS_EPOCH, STATS_HALF_LIFE_DAYS } from '../../indexing/update-dir-stats'
import type { Migration } from './migration'

/**
 * Who did the work on each file, summed like dir_owner_stats (fixed-epoch recency weights, up to the
 * repository's stats_commit_id): the Explore tree's file badges and the drift report read these rows
 * instead of weighing every change again (the root of git.git, 400 files with long histories, took
 * 60 ms that way).
 */
export const migration004FileOwnerStats: Migration = {
  version: 4,
  name: 'file-owner-stats',
  up: (db) => {
    db.exec(`
      CREATE TABLE file_owner_stats (
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id),
        commits INTEGER NOT NULL,
        added INTEGER NOT NULL,
        removed INTEGER NOT NULL,
        weighted_commits REAL NOT NULL,
        weighted_lines REAL NOT NULL,
        PRIMARY KEY (file_id, person_id)
      ) WITHOUT ROWID;
    `)
    // The same sums updateDirStats keeps, over what the folder sums already cover.
    db.prepare(
      `INSERT INTO file_owner_stats (file_id, person_id, commits, added, removed, weighted_commits, weighted_lines)
       SELECT fc.file_id, c.author_id, COUNT(*), SUM(COALESCE(fc.added, 0)), SUM(COALESCE(fc.removed, 0)),
         SUM(pow(2, (c.authored_at - @epoch) / @halfLife)),
         SUM(pow(2, (c.authored_at - @epoch) / @halfLife) * (COALESCE(fc.added, 0) + COALESCE(fc.removed, 0)))
       FROM repositories r JOIN commits c ON c.repo_id = r.id AND c.id <= r.stats_commit_id JOIN file_changes fc ON fc.commit_id = c.id
       GROUP BY fc.file_id, c.author_id`,
    ).run({ epoch: STATS_EPOCH, halfLife: STATS_HALF_LIFE_DAYS * 86_400 })
  },
}
