import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src/core/core'
import { DATABASE_FILE, openCore } from '../../src/core/create-core'
import { prefixRange } from '../../src/core/graph/graph-context'
import { hotspotScore } from '../../src/core/graph/hotspots-query'
import { parseSince } from '../../src/core/graph/parse-since'
import type { Hotspot } from '../../src/shared/graph-types'
import { ada, FixtureRepo, git, grace, linus, type Author } from '../helpers/git-fixture'
import { suiteTempDir, tempDir } from '../helpers/temp-dir'

const dependabot: Author = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }
const NOW = Date.parse('2026-01-15T00:00:00Z')
const lines = (n: number, tag = 'line'): string => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}`).join('\n') + '\n'

/** Stages everything and commits at `when` (an ISO date); the author date may differ, as after a rebase. */
function commitOn(repo: FixtureRepo, when: string, message: string, author: Author, options: { committer?: Author; authoredOn?: string } = {}): void {
  const committer = options.committer ?? author
  const date = (iso: string): string => `${Date.parse(iso) / 1000} +0000`
  repo.git('add', '-A')
  git(repo.path, ['commit', '-q', '--allow-empty', '-m', message], {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: date(options.authoredOn ?? when),
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
    GIT_COMMITTER_DATE: date(when),
  })
}

/**
 * A year of work: three people across nested folders, a bot bumping dependencies (and once touching
 * source), build output, vendored and binary files, a deleted file, a renamed one, a rebased commit,
 * a commit whose clock ran behind, two commits in the same second and three files that always change
 * together (equal scores).
 */
function yearRepo(): FixtureRepo {
  const repo = FixtureRepo.create({ dir: suiteTempDir('coop-hotspots-') })
  repo
    .write('src/app.ts', lines(40, 'app'))
    .write('src/util.ts', lines(10, 'util'))
    .write('src/lib/parse.ts', lines(30, 'parse'))
    .write('src/libx.ts', lines(5, 'libx'))
    // Paths just outside src/lib/ on either side of its range: `src/lib/` ≤ path < `src/lib0`.
    .write('src/lib-extra.ts', lines(3, 'extra'))
    .write('src/lib0', lines(2, 'zero'))
    .write('src/old.ts', lines(8, 'old'))
    .write('docs/guía.md', '# Guía\n')
    .write('README.md', '# Year\n')
  commitOn(repo, '2025-01-10', 'Start', ada)
  repo.write('src/app.ts', lines(44, 'app')).write('src/lib/parse.ts', lines(35, 'parse'))
  commitOn(repo, '2025-02-01', 'Grow the app and the parser', grace)
  repo.write('src/lib/deep/tree.ts', lines(12, 'tree')).write('src/app.ts', lines(45, 'app'))
  commitOn(repo, '2025-03-01', 'Add a tree', linus)
  repo.write('src/lib/deep/tree.ts', lines(14, 'tree'))
  commitOn(repo, '2025-03-01', 'Grow the tree in the same second', grace)
  repo.move('src/util.ts', 'src/lib/helpers.ts')
  repo.write('src/lib/helpers.ts', lines(10, 'util').replace('util 3', 'util three'))
  commitOn(repo, '2025-04-15', 'Move util to lib/helpers', ada)
  repo.write('package.json', '{ "name": "year" }\n').write('package-lock.json', '{ "lockfileVersion": 3 }\n').write('src/app.ts', lines(46, 'app'))
  commitOn(repo, '2025-05-01', 'Bump dependencies', dependabot)
  repo.write('dist/x.js', lines(100, 'built')).write('vendor/lib.js', lines(50, 'vendored')).write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0, 3]))
  repo.write('src/app.ts', lines(47, 'app'))
  commitOn(repo, '2025-06-01', 'Build output, a vendored lib and a logo', ada)
  repo.git('rm', '-q', 'src/old.ts')
  repo.write('src/lib/parse.ts', lines(36, 'parse'))
  commitOn(repo, '2025-07-01', 'Drop old code', linus)
  repo.write('src/libx.ts', lines(9, 'libx'))
  commitOn(repo, '2025-08-01', 'Rebased work on libx', ada, { authoredOn: '2025-01-05' })
  repo.write('src/app.ts', lines(48, 'app'))
  commitOn(repo, '2025-02-15', 'A commit from a machine whose clock ran behind', linus)
  repo.write('src/lib/parse.ts', lines(38, 'parse'))
  commitOn(repo, '2025-09-01', 'Parser change merged by the bot', grace, { committer: dependabot })
  for (const [when, who] of [['2025-10-01', ada], ['2025-10-20', grace]] as const) {
    for (const name of ['c', 'a', 'b']) repo.write(`src/ties/${name}.ts`, lines(when === '2025-10-01' ? 6 : 7, 'tie'))
    commitOn(repo, when, 'Change the three together', who)
  }
  repo.write('src/big.ts', lines(3000, 'big')).write('src/app.ts', lines(50, 'app'))
  commitOn(repo, '2025-12-01', 'A big module', ada)
  return repo
}

/** The single SQL query hotspots used before the in-memory index: what the index must agree with. */
function hotspotsBySql(db: Database.Database, repoId: number, sinceSeconds: number, under: string, limit: number): Hotspot[] {
  const { lo, hi } = prefixRange(under)
  const rows = db
    .prepare(
      `SELECT f.path, f.size, COUNT(*) AS commits, SUM(COALESCE(fc.added, 0) + COALESCE(fc.removed, 0)) AS churn,
         COUNT(DISTINCT c.author_id) AS authors
       FROM commits c JOIN file_changes fc ON fc.commit_id = c.id JOIN files f ON f.id = fc.file_id JOIN people p ON p.id = c.author_id
       WHERE c.repo_id = @repoId AND c.committed_at >= @since AND f.in_head = 1 AND f.kind = 'source' AND p.is_bot = 0
         AND f.path >= @lo AND f.path < @hi
       GROUP BY f.id`,
    )
    .all({ repoId, since: sinceSeconds, lo, hi }) as Omit<Hotspot, 'score'>[]
  return rows
    .map((r) => ({ ...r, score: Math.round(hotspotScore(r.commits, r.churn, r.size) * 100) / 100 }))
    .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path))
    .slice(0, limit)
}

describe('hotspots over a year of history', () => {
  let core: Core
  let repoId: number
  let db: Database.Database

  beforeAll(async () => {
    const repo = yearRepo()
    core = openCore({ dataDir: suiteTempDir('coop-hotspots-data-'), version: '0.0.0-test', clock: () => NOW })
    repoId = (await core.repos.index(repo.path)).repoId
    db = new Database(join(core.dataDir, DATABASE_FILE), { readonly: true })
  })
  afterAll(async () => {
    db?.close()
    await core?.close()
  })

  it('counts human work on source files at HEAD, by commit time', () => {
    const spots = core.graph.hotspots(repoId, { since: '2000-01-01', limit: 100 })
    expect(spots.map((s) => s.path).sort()).toEqual([
      'README.md', 'docs/guía.md', 'src/app.ts', 'src/big.ts', 'src/lib-extra.ts', 'src/lib/deep/tree.ts', 'src/lib/helpers.ts',
      'src/lib/parse.ts', 'src/lib0', 'src/libx.ts', 'src/ties/a.ts', 'src/ties/b.ts', 'src/ties/c.ts',
    ])
    // Seven commits touched the app; the bot's does not count.
    expect(spots.find((s) => s.path === 'src/app.ts')).toMatchObject({ commits: 6, authors: 3 })
    // The bot only committed Grace's change: it counts, as hers.
    expect(spots.find((s) => s.path === 'src/lib/parse.ts')).toMatchObject({ commits: 4, authors: 3 })
    // A rebased commit counts when it was committed, and a clock that ran behind puts a commit earlier.
    expect(core.graph.hotspots(repoId, { since: '2025-07-15' }).find((s) => s.path === 'src/libx.ts')).toMatchObject({ commits: 1 })
    expect(core.graph.hotspots(repoId, { since: '2025-07-15' }).find((s) => s.path === 'src/app.ts')).toMatchObject({ commits: 1 })
    // Two commits in the same second both fall in a window that starts at that second.
    expect(core.graph.hotspots(repoId, { since: '2025-03-01' }).find((s) => s.path === 'src/lib/deep/tree.ts')).toMatchObject({ commits: 2, authors: 2 })
    expect(core.graph.hotspots(repoId, { since: '2025-03-01T00:00:01Z' }).map((s) => s.path)).not.toContain('src/lib/deep/tree.ts')
  })

  it('keeps to a folder', () => {
    expect(core.graph.hotspots(repoId, { since: '2000-01-01', under: 'src/lib' }).map((s) => s.path).sort()).toEqual([
      'src/lib/deep/tree.ts', 'src/lib/helpers.ts', 'src/lib/parse.ts',
    ])
    expect(core.graph.hotspots(repoId, { since: '2000-01-01', under: 'nope' })).toEqual([])
  })

  it('breaks equal scores by path, also where the limit cuts through them', () => {
    const ties = core.graph.hotspots(repoId, { since: '2025-09-15', under: 'src/ties' })
    expect(ties.map((s) => s.path)).toEqual(['src/ties/a.ts', 'src/ties/b.ts', 'src/ties/c.ts'])
    expect(new Set(ties.map((s) => s.score)).size).toBe(1)
    expect(core.graph.hotspots(repoId, { since: '2025-09-15', under: 'src/ties', limit: 2 }).map((s) => s.path)).toEqual(['src/ties/a.ts', 'src/ties/b.ts'])
    expect(core.graph.hotspots(repoId, { since: '2025-09-15', limit: 2 }).map((s) => s.path)).toEqual(['src/big.ts', 'src/ties/a.ts'])
  })

  it('gives exactly what the SQL query gave, for every window, folder and limit', () => {
    const windows = ['2000-01-01', '2025-02-01', '2025-02-15', '2025-03-01', '2025-03-01T00:00:01Z', '2025-07-01', '2025-12-01', '2026-01-01', '3.months', '12.months']
    const folders = ['', 'src', 'src/lib', 'src/lib/deep', 'src/ties', 'docs', 'nope']
    let compared = 0
    for (const since of windows) {
      for (const under of folders) {
        for (const limit of [1, 2, 3, 20, 10_000]) {
          const expected = hotspotsBySql(db, repoId, parseSince(since, NOW), under, limit)
          expect(core.graph.hotspots(repoId, { since, under, limit }), `since ${since}, under '${under}', limit ${limit}`).toEqual(expected)
          compared += expected.length
        }
      }
    }
    expect(compared).toBeGreaterThan(500)
  })
})

describe('hotspots after the repository changes', () => {
  const appCommits = (core: Core, repoId: number): number | undefined =>
    core.graph.hotspots(repoId, { since: '2000-01-01' }).find((s) => s.path === 'src/app.ts')?.commits

  it('count commits indexed since the last answer, and forget rewritten ones', async () => {
    const repo = FixtureRepo.create()
    repo.write('src/app.ts', lines(5)).commit('Start', ada)
    const first = repo.write('src/app.ts', lines(6)).commit('Grow', grace)
    const core = openCore({ dataDir: tempDir('coop-data-'), version: '0.0.0-test', clock: () => NOW })
    try {
      const { repoId } = await core.repos.index(repo.path)
      expect(appCommits(core, repoId)).toBe(2)
      repo.write('src/app.ts', lines(7)).write('src/new.ts', lines(3)).commit('Grow again', linus)
      await core.repos.index(repo.path)
      expect(appCommits(core, repoId)).toBe(3)
      expect(core.graph.hotspots(repoId, { since: '2000-01-01' }).find((s) => s.path === 'src/app.ts')?.authors).toBe(3)
      expect(core.graph.hotspots(repoId, { since: '2000-01-01' }).map((s) => s.path)).toContain('src/new.ts')

      repo.git('reset', '-q', '--hard', first)
      await core.repos.index(repo.path)
      expect(core.graph.hotspots(repoId, { since: '2000-01-01' }).map((s) => [s.path, s.commits])).toEqual([['src/app.ts', 2]])
    } finally {
      await core.close()
    }
  })

  it('see what another process indexed into the same database', async () => {
    const repo = FixtureRepo.create()
    repo.write('src/app.ts', lines(5)).commit('Start', ada)
    const dataDir = tempDir('coop-data-')
    const app = openCore({ dataDir, version: '0.0.0-test', clock: () => NOW })
    const cli = openCore({ dataDir, version: '0.0.0-test', clock: () => NOW })
    try {
      const { repoId } = await app.repos.index(repo.path)
      expect(appCommits(app, repoId)).toBe(1)
      repo.write('src/app.ts', lines(9)).commit('Grow', grace)
      repo.write('src/app.ts', lines(12)).commit('Grow more', linus)
      await cli.repos.index(repo.path)
      expect(appCommits(app, repoId)).toBe(3)
      expect(app.graph.hotspots(repoId, { since: '2000-01-01' })).toEqual(cli.graph.hotspots(repoId, { since: '2000-01-01' }))
    } finally {
      await cli.close()
      await app.close()
    }
  })
})
