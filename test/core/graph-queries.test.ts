import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src/core/core'
import { openCore } from '../../src/core/create-core'
import { ada, FixtureRepo, grace, linus, type Author } from '../helpers/git-fixture'
import { suiteTempDir } from '../helpers/temp-dir'

const dependabot: Author = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }
const lines = (n: number, tag = 'line'): string => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}`).join('\n') + '\n'

/**
 * A small project with a known story: Ada writes the app and a util module, Grace tweaks the app,
 * Linus moves util to src/lib/helpers.ts, a bot bumps the lockfile, CODEOWNERS names Ada and Grace.
 */
function storyRepo(): FixtureRepo {
  const repo = FixtureRepo.create({ dir: suiteTempDir('coop-story-') })
  repo.write('src/app.ts', lines(10, 'app')).write('src/util.ts', lines(6, 'util')).write('README.md', '# Story\n').commit('Start the app', ada)
  repo.write('src/app.ts', lines(11, 'app').replace('app 3', 'app three')).commit('Tweak the app', grace)
  repo.write('src/app.ts', lines(12, 'app')).write('src/util.ts', lines(7, 'util')).commit('Grow app and util together', ada)
  repo.write('src/app.ts', lines(13, 'app')).write('src/util.ts', lines(8, 'util')).commit('Grow them again', ada)
  repo.move('src/util.ts', 'src/lib/helpers.ts')
  repo.write('src/lib/helpers.ts', lines(8, 'util').replace('util 8', 'util eight')).commit('Move util to lib/helpers', linus)
  repo.write('package.json', '{ "name": "story" }\n').write('package-lock.json', '{ "lockfileVersion": 3 }\n').commit('Bump dependencies', dependabot)
  repo.write('.github/CODEOWNERS', '* @ada\nsrc/lib/ @grace\ndocs/ @octo-org/docs\n').commit('Declare owners', grace)
  repo.write('src/app.ts', lines(14, 'app')).write('src/lib/helpers.ts', lines(9, 'util')).commit('Use helpers from the app', ada)
  return repo
}

let core: Core
let repo: FixtureRepo
let repoId: number
const NOW = Date.parse('2025-03-01T00:00:00Z')

beforeAll(async () => {
  repo = storyRepo()
  core = openCore({ dataDir: suiteTempDir('coop-graph-'), version: '0.0.0-test', clock: () => NOW })
  repoId = (await core.repos.index(repo.path)).repoId
})
afterAll(async () => {
  await core?.close()
})

describe('files at HEAD', () => {
  it('lists paths with size, language, kind, last commit and last author', () => {
    const files = core.graph.files(repoId)
    expect(files.map((f) => f.path)).toEqual(['.github/CODEOWNERS', 'README.md', 'package-lock.json', 'package.json', 'src/app.ts', 'src/lib/helpers.ts'])
    const app = files.find((f) => f.path === 'src/app.ts')
    expect(app).toMatchObject({ language: 'TypeScript', kind: 'source', size: lines(14, 'app').length, lastAuthor: { name: ada.name }, lastCommit: { subject: 'Use helpers from the app' } })
    expect(files.find((f) => f.path === 'package-lock.json')?.kind).toBe('generated')
    expect(core.graph.files(repoId, { under: 'src/lib' }).map((f) => f.path)).toEqual(['src/lib/helpers.ts'])
  })

  it('lists a folder as a tree level with owner badges', () => {
    const root = core.graph.tree(repoId, '')
    expect(root.entries.map((e) => `${e.type}:${e.name}`)).toEqual([
      'dir:.github', 'dir:src', 'file:README.md', 'file:package-lock.json', 'file:package.json',
    ])
    const src = root.entries.find((e) => e.name === 'src')
    expect(src).toMatchObject({ fileCount: 2, topOwner: { email: ada.email } })
    expect(core.graph.tree(repoId, 'src').entries.map((e) => e.path)).toEqual(['src/lib', 'src/app.ts'])
    expect(() => core.graph.tree(repoId, 'nope')).toThrow(/No folder nope/)
  })
})

describe('ownership', () => {
  it('gives shares that sum to 1, led by who did most of the recent work', () => {
    const report = core.graph.owners(repoId, 'src/app.ts')
    expect(report.type).toBe('file')
    expect(report.owners.map((o) => o.email)).toEqual([ada.email, grace.email])
    expect(report.owners.reduce((s, o) => s + o.share, 0)).toBeCloseTo(1, 10)
    expect(report.owners[0]).toMatchObject({ commits: 4, bot: false })
    expect(report.busFactor).toBe(1)
    expect(report.orphaned).toBe(false)
  })

  it('follows renames: the work on src/util.ts counts for src/lib/helpers.ts', () => {
    const report = core.graph.owners(repoId, 'src/lib/helpers.ts')
    expect(report.owners.map((o) => o.email).sort()).toEqual([ada.email, linus.email].sort())
    expect(report.owners.find((o) => o.email === ada.email)?.commits).toBe(4)
  })

  it('shows declared owners from CODEOWNERS next to the actual ones', () => {
    const app = core.graph.owners(repoId, 'src/app.ts')
    expect(app.declaredBy).toBe('.github/CODEOWNERS:1')
    expect(app.declared).toEqual([{ owner: '@ada', person: { name: ada.name, email: ada.email }, share: app.owners[0]?.share }])
    const helpers = core.graph.owners(repoId, 'src/lib/helpers.ts')
    expect(helpers.declared).toEqual([{ owner: '@grace', person: { name: grace.name, email: grace.email }, share: 0 }])
  })

  it('leaves bots out unless asked', () => {
    expect(core.graph.owners(repoId, 'package.json').owners).toEqual([])
    const withBots = core.graph.owners(repoId, 'package.json', { includeBots: true })
    expect(withBots.owners).toMatchObject([{ name: dependabot.name, bot: true, share: 1 }])
  })

  it('owns folders from everything below them, generated files aside', () => {
    const src = core.graph.owners(repoId, 'src')
    expect(src.type).toBe('dir')
    expect(src.owners[0]?.email).toBe(ada.email)
    const root = core.graph.owners(repoId, '')
    expect(root.owners.map((o) => o.email)).not.toContain(dependabot.email)
  })

  it('weights recent work more: with a short half-life the latest committer gains', () => {
    const long = core.graph.owners(repoId, 'src/lib/helpers.ts', { halfLifeDays: 3650 })
    const short = core.graph.owners(repoId, 'src/lib/helpers.ts', { halfLifeDays: 0.01 })
    const adaShare = (r: typeof long) => r.owners.find((o) => o.email === ada.email)?.share ?? 0
    // Ada made the last change, so a very short half-life gives her nearly everything.
    expect(adaShare(short)).toBeGreaterThan(adaShare(long))
    expect(adaShare(short)).toBeGreaterThan(0.99)
  })

  it('calls a path orphaned when every leading owner has been away longer than the threshold', async () => {
    const later = openCore({ dataDir: core.dataDir, version: '0.0.0-test', clock: () => Date.parse('2027-01-01T00:00:00Z') })
    try {
      expect(later.graph.owners(repoId, 'src/app.ts').orphaned).toBe(true)
      expect(later.graph.owners(repoId, 'src/app.ts', { inactiveDays: 3650 }).orphaned).toBe(false)
    } finally {
      await later.close()
    }
  })

  it('lists files whose declared owners did little of the work', () => {
    const drift = core.graph.drift(repoId)
    // CODEOWNERS itself falls under `* @ada`, but Grace wrote it.
    expect(drift.map((d) => d.path)).toEqual(['.github/CODEOWNERS', 'src/lib/helpers.ts'])
    expect(drift[1]).toMatchObject({ declared: ['@grace'], declaredShare: 0, topOwner: { email: ada.email } })
    expect(core.graph.drift(repoId, { under: 'src' }).map((d) => d.path)).toEqual(['src/lib/helpers.ts'])
  })

  it('says clearly when a path does not exist', () => {
    expect(() => core.graph.owners(repoId, 'src/missing.ts')).toThrow(/No file or folder src\/missing\.ts/)
  })
})

describe('history, coupling, hotspots, blame and search', () => {
  it('gives a file history across its rename', () => {
    const history = core.graph.history(repoId, 'src/lib/helpers.ts')
    expect(history.map((h) => h.subject)).toEqual([
      'Use helpers from the app',
      'Move util to lib/helpers',
      'Grow them again',
      'Grow app and util together',
      'Start the app',
    ])
    expect(history[1]).toMatchObject({ path: 'src/lib/helpers.ts', renamedFrom: 'src/util.ts', author: { email: linus.email } })
    expect(history[2]).toMatchObject({ path: 'src/util.ts', renamedFrom: null, linesAdded: 1, linesRemoved: 0 })
    expect(core.graph.history(repoId, 'src', { limit: 2 }).map((h) => h.subject)).toEqual(['Use helpers from the app', 'Move util to lib/helpers'])
  })

  it('finds files that change together, across renames', () => {
    const coupled = core.graph.coupling(repoId, 'src/app.ts')
    // app.ts changed in 5 commits; util.ts (now helpers.ts) was in 4 of them.
    expect(coupled).toEqual([{ path: 'src/lib/helpers.ts', support: 4, confidence: 0.8 }])
    expect(core.graph.coupling(repoId, 'src/app.ts', { maxFilesPerCommit: 2 })).toEqual([{ path: 'src/lib/helpers.ts', support: 3, confidence: 0.75 }])
    expect(() => core.graph.coupling(repoId, 'src')).toThrow(/per file/)
  })

  it('ranks hotspots in a window, bots and generated files aside', () => {
    const spots = core.graph.hotspots(repoId, { since: '2024-12-01' })
    expect(spots[0]).toMatchObject({ path: 'src/app.ts', commits: 5, authors: 2 })
    expect(spots.map((s) => s.path)).not.toContain('package-lock.json')
    expect(spots.map((s) => s.path)).not.toContain('package.json')
    expect(core.graph.hotspots(repoId, { since: '12.months' }).length).toBeGreaterThan(0)
    expect(core.graph.hotspots(repoId, { since: '2025-02-01' })).toEqual([])
    expect(() => core.graph.hotspots(repoId, { since: 'last tuesday' })).toThrow(/Cannot read the window/)
  })

  it('tells which commits last touched a range of lines', async () => {
    const report = await core.graph.blame(repoId, 'src/app.ts', 2, 4)
    // Grace changed line 3 to "app three"; the next commit put "app 3" back.
    expect(report.commits.map((c) => c.subject).sort()).toEqual(['Grow app and util together', 'Start the app'])
    expect(report.commits.find((c) => c.subject === 'Start the app')).toMatchObject({ ranges: [[2, 2], [4, 4]], author: { email: ada.email } })
    expect(report.commits.find((c) => c.subject.startsWith('Grow'))).toMatchObject({ ranges: [[3, 3]], filename: 'src/app.ts' })
    await expect(core.graph.blame(repoId, 'src/app.ts', 50, 60)).rejects.toThrow(/has only 14 lines/)
  })

  it('searches paths fuzzily, commit messages and people', () => {
    expect(core.graph.search(repoId, 'hlprs').paths[0]?.path).toBe('src/lib/helpers.ts')
    expect(core.graph.search(repoId, 'helpers').paths.map((p) => p.path)).toEqual(['src/lib/helpers.ts'])
    expect(core.graph.search(repoId, 'grow').commits.map((c) => c.subject)).toEqual(['Grow them again', 'Grow app and util together'])
    expect(core.graph.search(repoId, 'grac').people).toEqual([{ name: grace.name, email: grace.email, commits: 2 }])
    expect(core.graph.search(repoId, '"; DROP TABLE files; --').paths).toEqual([])
  })
})

describe('folder sums kept at index time', () => {
  it('give the same folder owners as computing from every change', () => {
    for (const dir of ['', 'src', 'src/lib', '.github']) {
      const kept = core.graph.owners(repoId, dir)
      // A half-life a hair off the default is computed from the changes themselves.
      const computed = core.graph.owners(repoId, dir, { halfLifeDays: 180.000001 })
      expect(kept.owners.map((o) => [o.email, o.commits, o.linesAdded, o.linesRemoved])).toEqual(
        computed.owners.map((o) => [o.email, o.commits, o.linesAdded, o.linesRemoved]),
      )
      kept.owners.forEach((o, i) => expect(o.share).toBeCloseTo(computed.owners[i]?.share ?? -1, 6))
    }
  })
})
