import { renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/core/core'
import { openCore } from '../../src/core/create-core'
import { COMMITS_PER_TRANSACTION } from '../../src/core/indexing/index-history'
import type { IndexFinished, IndexProgress } from '../../src/shared/types'
import { ada, FixtureRepo, generateHistory, git, grace, linus } from '../helpers/git-fixture'
import { tempDir } from '../helpers/temp-dir'

const cores: Core[] = []
function newCore(dataDir = tempDir('coop-data-')): Core {
  const core = openCore({ dataDir, version: '0.0.0-test' })
  cores.push(core)
  return core
}
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()))
})

function smallRepo(): FixtureRepo {
  const repo = FixtureRepo.create()
  repo.write('README.md', '# demo\n').commit('Add readme', ada)
  const util = ['export const u = 2', 'export const v = 3', 'export const w = 4', 'export const x = 5']
  repo.write('src/app.ts', 'export const a = 1\n').write('src/util.ts', `${util.join('\n')}\n`).commit('Add app', grace)
  repo.git('mv', 'src/util.ts', 'src/helpers.ts')
  repo.write('src/helpers.ts', `${[...util.slice(0, 3), 'export const x = 6'].join('\n')}\n`).commit('Rename util to helpers', linus, ada)
  repo.write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0])).commit('Add binary logo', grace)
  return repo
}

describe('indexing a repository history', () => {
  it('stores every commit, the files they touched and the people, matching git', async () => {
    const repo = smallRepo()
    const result = await newCore().repos.index(repo.path)
    const expected = repo.expectedCounts()
    expect(result).toMatchObject({
      path: repo.path,
      head: repo.head(),
      commits: expected.commits,
      commitsAdded: expected.commits,
      files: expected.files,
      people: expected.people,
    })
    expect(result.commits).toBe(4)
    // README, app.ts, util.ts, helpers.ts (rename: both sides), logo.png
    expect(result.files).toBe(5)
    expect(result.people).toBe(3)
    expect(result.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('records line counts, renames and binary files per change', async () => {
    const repo = smallRepo()
    const dataDir = tempDir('coop-data-')
    const core = newCore(dataDir)
    await core.repos.index(repo.path)
    await core.close()
    const db = new Database(join(dataDir, 'coop.db'), { readonly: true })
    const rows = db
      .prepare(
        `SELECT c.subject, f.path, o.path AS oldPath, fc.added, fc.removed FROM file_changes fc
         JOIN commits c ON c.id = fc.commit_id JOIN files f ON f.id = fc.file_id
         LEFT JOIN files o ON o.id = fc.old_file_id ORDER BY c.committed_at, f.path`,
      )
      .all()
    db.close()
    expect(rows).toEqual([
      { subject: 'Add readme', path: 'README.md', oldPath: null, added: 1, removed: 0 },
      { subject: 'Add app', path: 'src/app.ts', oldPath: null, added: 1, removed: 0 },
      { subject: 'Add app', path: 'src/util.ts', oldPath: null, added: 4, removed: 0 },
      { subject: 'Rename util to helpers', path: 'src/helpers.ts', oldPath: 'src/util.ts', added: 1, removed: 1 },
      { subject: 'Add binary logo', path: 'logo.png', oldPath: null, added: null, removed: null },
    ])
  })

  it('does no work when nothing changed, and adds exactly one new commit', async () => {
    const repo = smallRepo()
    const core = newCore()
    await core.repos.index(repo.path)
    const progress: IndexProgress[] = []
    const again = await core.repos.index(repo.path, { onProgress: (p) => progress.push(p) })
    expect(again.commitsAdded).toBe(0)
    expect(progress).toEqual([])

    const newHead = repo.write('src/app.ts', 'export const a = 2\n').write('src/fresh-module.ts', '\n').commit('Bump a', ada)
    const third = await core.repos.index(repo.path)
    expect(third).toMatchObject({ commitsAdded: 1, commits: 5, head: newHead })
    // What an update adds is searchable at once.
    expect(core.graph.search(third.repoId, 'bump').commits.map((c) => c.hash)).toEqual([newHead])
    expect(core.graph.search(third.repoId, 'fresh').paths.map((p) => p.path)).toEqual(['src/fresh-module.ts'])
  })

  it('follows a rewritten history: unreachable commits go, new ones come', async () => {
    const repo = smallRepo()
    const core = newCore()
    await core.repos.index(repo.path)
    repo.git('reset', '-q', '--hard', 'HEAD~2')
    repo.write('other.txt', 'x\n').commit('Different direction', grace)
    const result = await core.repos.index(repo.path)
    expect(result).toMatchObject({ commitsAdded: 1, commitsRemoved: 2, commits: 3, files: repo.expectedCounts().files })
    expect(result.commits).toBe(Number(repo.git('rev-list', '--count', 'HEAD')))
    // Search forgets the rewritten commits and finds the new one.
    expect(core.graph.search(result.repoId, 'direction').commits.map((c) => c.subject)).toEqual(['Different direction'])
    expect(core.graph.search(result.repoId, 'binary logo').commits).toEqual([])
    // Folder sums were rebuilt: they agree with a computation from the remaining changes.
    const kept = core.graph.owners(result.repoId, '')
    const computed = core.graph.owners(result.repoId, '', { halfLifeDays: 180.000001 })
    expect(kept.owners.map((o) => [o.email, o.commits])).toEqual(computed.owners.map((o) => [o.email, o.commits]))
  })

  it('counts merge commits like git rev-list', async () => {
    const repo = smallRepo()
    repo.git('checkout', '-q', '-b', 'feature')
    repo.write('feature.txt', 'f\n').commit('Feature work', grace)
    repo.git('checkout', '-q', 'main')
    repo.write('main.txt', 'm\n').commit('Main work', ada)
    git(repo.path, ['merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature'], {
      GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: ada.email, GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: ada.email,
    })
    const result = await newCore().repos.index(repo.path)
    expect(result.commits).toBe(repo.expectedCounts().commits)
    expect(result.files).toBe(repo.expectedCounts().files)
  })

  it('merges people through .mailmap and treats email case-insensitively', async () => {
    const repo = FixtureRepo.create()
    repo.write('a', '1').commit('one', { name: 'Ada', email: 'ADA@example.com' })
    repo.write('b', '2').commit('two', { name: 'Ada L.', email: 'ada@old-laptop.local' })
    repo.write('.mailmap', 'Ada Lovelace <ada@example.com> <ada@old-laptop.local>\n').commit('mailmap', ada)
    const result = await newCore().repos.index(repo.path)
    expect(result.people).toBe(1)
  })

  it('indexes a subfolder path as its repository, and a bare repository', async () => {
    const repo = smallRepo()
    const core = newCore()
    const fromSubfolder = await core.repos.index(join(repo.path, 'src'))
    expect(fromSubfolder.path).toBe(repo.path)

    const bare = join(tempDir(), 'mirror.git')
    git(tempDir(), ['clone', '-q', '--bare', repo.path, bare])
    const result = await core.repos.index(bare)
    expect(result.commits).toBe(4)
    expect(core.repos.list().map((r) => r.name).sort()).toEqual([repo.path.split('/').pop(), 'mirror'].sort())
  })

  it('reads a long history in batches and emits progress up to the total', async () => {
    const repo = FixtureRepo.create()
    const count = 10 * COMMITS_PER_TRANSACTION + 37
    generateHistory(repo, count)
    const progress: IndexProgress[] = []
    const result = await newCore().repos.index(repo.path, { onProgress: (p) => progress.push(p) })
    expect(result.commits).toBe(count)
    const reading = progress.filter((p) => p.phase === 'reading')
    expect(reading.at(-1)).toMatchObject({ done: count, total: count })
    expect(reading.length).toBeGreaterThan(2)
    // Progress only moves forward.
    expect(reading.map((p) => p.done)).toEqual([...reading.map((p) => p.done)].sort((a, b) => a - b))
  })
})

describe('an interrupted index run', () => {
  it('leaves a consistent database and the next run resumes without duplicates', async () => {
    const repo = FixtureRepo.create()
    const stopAt = 4 * COMMITS_PER_TRANSACTION
    // A file per commit: files changed only before the stop still need their last commit recorded.
    generateHistory(repo, stopAt + 500, stopAt + 500)
    const dataDir = tempDir('coop-data-')
    const core = newCore(dataDir)
    const controller = new AbortController()
    const interrupted = core.repos.index(repo.path, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'reading' && p.done >= stopAt) controller.abort()
      },
    })
    await expect(interrupted).rejects.toMatchObject({ code: 'cancelled' })
    const [summary] = core.repos.list()
    // The run never completed: no head recorded, but what was read before the stop is safely stored.
    expect(summary).toMatchObject({ head: null, commits: 0 })
    const db = new Database(join(dataDir, 'coop.db'), { readonly: true })
    expect(db.prepare('SELECT COUNT(*) AS n FROM commits').get()).toEqual({ n: stopAt })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()

    const resumed = await core.repos.index(repo.path)
    expect(resumed).toMatchObject({ commits: stopAt + 500, commitsAdded: 500 })
    const check = new Database(join(dataDir, 'coop.db'), { readonly: true })
    const stale = check
      .prepare('SELECT COUNT(*) FROM files f WHERE last_commit_id IS NOT (SELECT MAX(commit_id) FROM file_changes WHERE file_id = f.id)')
      .pluck()
      .get()
    check.close()
    expect(stale).toBe(0)
  })
})

describe('bad input', () => {
  it('refuses a folder that is not a git repository', async () => {
    const dir = tempDir()
    await expect(newCore().repos.index(dir)).rejects.toMatchObject({
      code: 'not_a_repository',
      message: `Not a git repository: ${dir} (choose the folder that contains .git)`,
    })
  })

  it('refuses a file, a missing path and an empty repository, each with its own message', async () => {
    const core = newCore()
    const file = join(tempDir(), 'notes.txt')
    writeFileSync(file, 'x')
    await expect(core.repos.index(file)).rejects.toMatchObject({ code: 'not_a_repository' })
    await expect(core.repos.index('/nonexistent/coop/repo')).rejects.toMatchObject({
      code: 'path_missing',
      message: 'Path does not exist: /nonexistent/coop/repo',
    })
    const empty = FixtureRepo.create()
    await expect(core.repos.index(empty.path)).rejects.toMatchObject({
      code: 'empty_repository',
      message: `Repository has no commits yet: ${empty.path} (commit something, then index it again)`,
    })
    expect(core.repos.list()).toEqual([])
  })

  it('keeps what was indexed when the repository vanishes', async () => {
    const repo = smallRepo()
    const core = newCore()
    await core.repos.index(repo.path)
    renameSync(repo.path, `${repo.path}-moved`)
    await expect(core.repos.index(repo.path)).rejects.toMatchObject({ code: 'path_missing' })
    expect(core.repos.list()).toMatchObject([{ path: repo.path, commits: 4, files: 5, people: 3 }])
    renameSync(`${repo.path}-moved`, repo.path)
  })

  it('reports a background re-index of a vanished repository as a failed state and event', async () => {
    const repo = smallRepo()
    const core = newCore()
    const { repoId } = await core.repos.index(repo.path)
    renameSync(repo.path, `${repo.path}-moved`)
    const finished = new Promise<IndexFinished>((resolve) => core.events.on('index:finished', resolve))
    core.repos.reindex(repoId)
    expect(await finished).toMatchObject({ repoId, outcome: { kind: 'failed', error: { code: 'path_missing' } } })
    expect(core.repos.get(repoId)).toMatchObject({ commits: 4, state: { kind: 'failed', error: { code: 'path_missing' } } })
    renameSync(`${repo.path}-moved`, repo.path)
  })
})

describe('adding from the app', () => {
  it('registers at once, indexes in the background and announces the outcome', async () => {
    const repo = smallRepo()
    const core = newCore()
    const events: string[] = []
    core.events.on('index:progress', (p) => events.push(`progress:${p.phase}`))
    const finished = new Promise<IndexFinished>((resolve) => core.events.on('index:finished', resolve))
    const added = await core.repos.add(repo.path)
    expect(added).toMatchObject({ path: repo.path, state: { kind: 'indexing' } })
    const outcome = await finished
    expect(outcome.outcome).toMatchObject({ kind: 'succeeded', result: { commits: 4 } })
    expect(events).toContain('progress:reading')
    expect(core.repos.get(added.id)).toMatchObject({ commits: 4, files: 5, people: 3, state: { kind: 'idle' } })
    expect(core.repos.remove(added.id)).toBe(true)
    expect(core.repos.list()).toEqual([])
  })
})

describe('a changed .mailmap', () => {
  it('re-reads history so people merge under the new mapping', async () => {
    const repo = FixtureRepo.create()
    repo.write('a', '1').commit('one', { name: 'Ada', email: 'ada@example.com' })
    repo.write('b', '2').commit('two', { name: 'Ada L.', email: 'ada@old-laptop.local' })
    const core = newCore()
    expect((await core.repos.index(repo.path)).people).toBe(2)
    repo.write('.mailmap', 'Ada Lovelace <ada@example.com> <ada@old-laptop.local>\n').commit('mailmap', ada)
    const result = await core.repos.index(repo.path)
    expect(result).toMatchObject({ people: 1, commits: 3 })
  })
})
