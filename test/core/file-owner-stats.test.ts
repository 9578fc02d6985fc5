import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/core/create-core'
import { STATS_EPOCH, STATS_HALF_LIFE_DAYS } from '../../src/core/indexing/update-dir-stats'
import { ada, FixtureRepo, grace, linus } from '../helpers/git-fixture'
import { tempDir } from '../helpers/temp-dir'

/** Per-file sums kept at index time must equal a recount of every change, through updates and rewrites. */

type Row = [fileId: number, personId: number, commits: number, added: number, removed: number, wc: number, wl: number]

function storedAndRecounted(dataDir: string): { stored: Row[]; recounted: Row[] } {
  const db = new Database(join(dataDir, 'coop.db'), { readonly: true })
  const stored = db
    .prepare('SELECT file_id, person_id, commits, added, removed, weighted_commits, weighted_lines FROM file_owner_stats ORDER BY 1, 2')
    .raw()
    .all() as Row[]
  const recounted = db
    .prepare(
      `SELECT fc.file_id, c.author_id, COUNT(*), SUM(COALESCE(fc.added, 0)), SUM(COALESCE(fc.removed, 0)),
         SUM(pow(2, (c.authored_at - @epoch) / @hl)), SUM(pow(2, (c.authored_at - @epoch) / @hl) * (COALESCE(fc.added, 0) + COALESCE(fc.removed, 0)))
       FROM file_changes fc JOIN commits c ON c.id = fc.commit_id GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .raw()
    .all({ epoch: STATS_EPOCH, hl: STATS_HALF_LIFE_DAYS * 86_400 }) as Row[]
  db.close()
  return { stored, recounted }
}

function expectExact(dataDir: string): void {
  const { stored, recounted } = storedAndRecounted(dataDir)
  expect(stored.map((r) => r.slice(0, 5))).toEqual(recounted.map((r) => r.slice(0, 5)))
  stored.forEach((row, i) => {
    const other = recounted[i] as Row
    expect(row[5] / other[5]).toBeCloseTo(1, 9)
    if (other[6] === 0) expect(row[6]).toBe(0)
    else expect(row[6] / other[6]).toBeCloseTo(1, 9)
  })
}

describe('file ownership sums', () => {
  it('match a recount after a first index, an update and a rewritten history, and answer the tree badges', async () => {
    const repo = FixtureRepo.create()
    repo.write('src/a.ts', 'a\nb\nc\n').write('src/b.ts', 'x\n').write('package-lock.json', '{}\n').commit('start', ada)
    repo.write('src/a.ts', 'a\nB\nc\nd\n').commit('grace edits a', grace)
    const base = repo.write('src/b.ts', 'x\ny\n').commit('linus edits b', linus)
    const dataDir = tempDir('coop-data-')
    const core = openCore({ dataDir, version: 'test' })
    try {
      const { repoId } = await core.repos.index(repo.path)
      expectExact(dataDir)

      repo.write('src/a.ts', 'grace\nowns\nthis\nnow\nentirely\n').commit('grace rewrites a', grace)
      await core.repos.index(repo.path)
      expectExact(dataDir)
      const badge = (name: string) => core.graph.tree(repoId, 'src').entries.find((e) => e.name === name)?.topOwner?.email
      expect(badge('a.ts')).toBe(grace.email)
      expect(badge('b.ts')).toBe(linus.email)

      // Drop grace's rewrite: the sums are rebuilt without it.
      repo.git('reset', '-q', '--hard', base)
      repo.write('src/a.ts', 'ada\nagain\n').commit('ada takes a back', ada)
      await core.repos.index(repo.path)
      expectExact(dataDir)
      // Any half-life other than the default weighs each change again, and ranks the same here.
      expect(core.graph.tree(repoId, 'src', 30).entries.find((e) => e.name === 'a.ts')?.topOwner?.email).toBe(ada.email)
      expect(badge('a.ts')).toBe(ada.email)
    } finally {
      await core.close()
    }
  })
})
