import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliBackend } from '../../src/core/git/cli-backend'
import { createIsomorphicBackend } from '../../src/core/git/iso/isomorphic-backend'
import { ada, type Author, fixtureGitEnv, FixtureRepo, generateHistory, git, grace, linus } from '../helpers/git-fixture'
import { tempDir } from '../helpers/temp-dir'

/**
 * The isomorphic backend must return exactly what the git-binary backend returns, on a repository
 * that exercises every kind of change git log reports.
 */

/** Where git releases differ, reproduce the installed one (the default reproduces current git). */
const installedGit = execFileSync('git', ['--version'], { encoding: 'utf8' }).replace(/^git version /, '').trim()
const isomorphicBackend = createIsomorphicBackend({ gitVersion: installedGit })

const linusAtWork: Author = { name: 'Linus Torvalds', email: 'LINUS@Work.Example' }
const linusBot: Author = { name: 'Linus Bot', email: 'linus@work.example' }
const graceOld: Author = { name: 'G. Hopper', email: 'grace.hopper@old.example' }
const adaOld: Author = { name: 'Ada', email: 'Ada@Old.Example' }

const MAILMAP = [
  '# people who changed their address',
  '<ada@example.com> <ada@old.example>',
  'Grace Hopper <grace@example.com> <grace.hopper@old.example>',
  'Linus T <linus@example.com> <linus@work.example>',
  'Linus Work <linus@example.com> Linus Bot <linus@work.example>',
  'Ada Byron <ada@byron.example>',
  '',
].join('\n')

function lines(count: number, tag: string): string {
  return Array.from({ length: count }, (_, i) => `${tag} line ${i + 1}: ${'x'.repeat(i % 17)}\n`).join('')
}

/** Commits with the message exactly as given (leading blank lines, trailing spaces, CRs). */
function commitVerbatim(repo: FixtureRepo, message: string, author: Author, time: number): string {
  git(repo.path, ['add', '-A'])
  execFileSync('git', ['commit', '-q', '--allow-empty', '--cleanup=verbatim', '-F', '-'], {
    cwd: repo.path,
    input: message,
    env: fixtureGitEnv({
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: `${time} +0200`,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_COMMITTER_DATE: `${time} +0200`,
    }),
  })
  return repo.head()
}

function buildSubmoduleSource(): FixtureRepo {
  const sub = FixtureRepo.create()
  sub.write('lib.txt', 'one\n').commit('sub 1')
  sub.write('lib.txt', 'one\ntwo\n').commit('sub 2')
  return sub
}

/** A repository covering renames, binaries, symlinks, submodules, unicode, merges and a mailmap. */
function buildFixture(): { repo: FixtureRepo; first: string } {
  const repo = FixtureRepo.create()
  repo
    .write('README.md', lines(20, 'readme'))
    .write('src/app.ts', lines(60, 'app'))
    .write('src/util.ts', lines(15, 'util'))
    .write('docs/guide.md', lines(30, 'guide'))
    .write('notes/no newline.txt', `${lines(9, 'note')}last without newline`)
    .write('assets/logo.bin', Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.from(lines(40, 'pixels'))]))
    .write('win/old.txt', lines(30, 'windows').replaceAll('\n', '\r\n'))
    .write('empty.txt', '')
    .write('data/blob.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 10, 0, 255]))
    .write('unicode/café.txt', 'crème brûlée\n')
    .write('unicode/日本/語.txt', 'こんにちは\n')
    .write('path with spaces/file name.txt', 'spaced\n')
    .write('crlf.txt', 'one\r\ntwo\r\nthree\r\n')
    .write('lib/a/config.json', lines(12, 'config a'))
    .write('lib/b/config.json', lines(12, 'config b'))
    .write('lib/a/settings.yml', lines(20, 'settings'))
    .write('tools/run.sh', '#!/bin/sh\necho run\n')
  symlinkSync('README.md', join(repo.path, 'link-to-readme'))
  const first = commitVerbatim(repo, '\n\n  Initial import  \nof the project\t\n\nBody text\n', ada, 1_700_000_000)

  repo.write('.mailmap', MAILMAP)
  repo.write('src/app.ts', lines(60, 'app').replace('app line 10:', 'APP LINE 10:').replace('app line 40: ', 'changed 40\nextra\n'))
  repo.write('src/new.ts', lines(8, 'new'))
  rmSync(join(repo.path, 'src/util.ts'))
  repo.commit('Edit, add and delete\nwith a second line', graceOld)

  // Exact rename, rename with edits, a move to a new folder, a unique-name move with edits.
  git(repo.path, ['mv', 'docs/guide.md', 'docs/manual.md'])
  git(repo.path, ['mv', 'src/app.ts', 'src/main.ts'])
  repo.write('src/main.ts', `${readFileSync(join(repo.path, 'src/main.ts'), 'utf8')}one more line\n`)
  mkdirSync(join(repo.path, 'archive/notes'), { recursive: true })
  mkdirSync(join(repo.path, 'config'), { recursive: true })
  git(repo.path, ['mv', 'notes/no newline.txt', 'archive/notes/no newline.txt'])
  repo.write('archive/notes/no newline.txt', `${lines(9, 'note')}last changed, still no newline`)
  git(repo.path, ['mv', 'assets/logo.bin', 'assets/logo-v2.bin'])
  repo.write('assets/logo-v2.bin', Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.from(lines(44, 'pixels'))]))
  git(repo.path, ['mv', 'win/old.txt', 'win/new.txt'])
  repo.write('win/new.txt', lines(32, 'windows').replace('windows line 7', 'edited 7').replaceAll('\n', '\r\n'))
  git(repo.path, ['mv', 'lib/a/settings.yml', 'config/settings.yml'])
  repo.write('config/settings.yml', lines(20, 'settings').replace('settings line 3:', 'SETTINGS 3:'))
  repo.commit('Renames of every kind', linusAtWork)

  // Binary edit, symlink retarget, mode change, typechange, CRLF edit, empty-file rename.
  repo.write('data/blob.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 9, 9, 9, 10, 0, 255, 7]))
  unlinkSync(join(repo.path, 'link-to-readme'))
  symlinkSync('docs/manual.md', join(repo.path, 'link-to-readme'))
  chmodSync(join(repo.path, 'tools/run.sh'), 0o755)
  unlinkSync(join(repo.path, 'path with spaces/file name.txt'))
  symlinkSync('../README.md', join(repo.path, 'path with spaces/file name.txt'))
  repo.write('crlf.txt', 'one\r\ntwo changed\r\nthree\r\nfour\r\n')
  git(repo.path, ['mv', 'empty.txt', 'unicode/vide.txt'])
  repo.commit('Binary, symlink, mode and type changes', linusBot)

  const sub = buildSubmoduleSource()
  git(repo.path, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.path, 'libs/sub'])
  repo.commit('Add a submodule', adaOld)
  git(join(repo.path, 'libs/sub'), ['-c', 'advice.detachedHead=false', 'checkout', '-q', 'HEAD~1'])
  repo.commit('Move the submodule back', grace)

  // A side branch merged back with a merge commit.
  repo.git('checkout', '-q', '-b', 'feature')
  repo.write('feature.txt', lines(5, 'feature')).commit('Feature work', linus)
  repo.write('src/main.ts', `${readFileSync(join(repo.path, 'src/main.ts'), 'utf8')}feature line\n`).commit('More feature work', linus)
  repo.git('checkout', '-q', 'main')
  repo.write('README.md', lines(21, 'readme')).commit('Main work', grace)
  git(repo.path, ['merge', '-q', '--no-ff', '-m', 'Merge branch feature', 'feature'], {
    GIT_AUTHOR_NAME: ada.name,
    GIT_AUTHOR_EMAIL: ada.email,
    GIT_COMMITTER_NAME: ada.name,
    GIT_COMMITTER_EMAIL: ada.email,
    GIT_AUTHOR_DATE: '1800000000 +0000',
    GIT_COMMITTER_DATE: '1800000000 +0000',
  })

  // Detached HEAD with a commit only HEAD reaches; a file replaced by a folder of the same name.
  repo.git('checkout', '-q', '--detach')
  rmSync(join(repo.path, 'crlf.txt'))
  repo.write('crlf.txt/inside.txt', 'now a folder\n')
  repo.write('unicode/日本/語.txt', 'こんばんは\n')
  repo.commit('Detached work', { name: 'Ada Byron-King', email: 'ada@byron.example' })
  return { repo, first }
}

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function expectParentsFirst(order: readonly string[], parentsOf: Map<string, readonly string[]>): void {
  const position = new Map(order.map((hash, index) => [hash, index]))
  for (const [hash, parents] of parentsOf) {
    for (const parent of parents) {
      if (position.has(parent)) expect(position.get(parent) as number).toBeLessThan(position.get(hash) as number)
    }
  }
}

describe('isomorphic backend parity with the git binary', () => {
  it('reads the fixture repository exactly like git', async () => {
    const { repo, first } = buildFixture()
    const inspected = await cliBackend.inspect(repo.path)
    expect(await isomorphicBackend.inspect(repo.path)).toEqual(inspected)
    expect(await isomorphicBackend.inspect(join(repo.path, 'src'))).toEqual(await cliBackend.inspect(join(repo.path, 'src')))
    const head = inspected.head

    const cliOrder = await cliBackend.listCommits(repo.path, head, null)
    const isoOrder = await isomorphicBackend.listCommits(repo.path, head, null)
    expect(new Set(isoOrder)).toEqual(new Set(cliOrder))
    expect(isoOrder).toHaveLength(cliOrder.length)

    const expected = await cliBackend.readCommits(repo.path, cliOrder)
    const actual = await isomorphicBackend.readCommits(repo.path, cliOrder)
    for (let i = 0; i < expected.length; i++) expect(actual[i]).toEqual(expected[i])
    expect(actual).toHaveLength(expected.length)
    expectParentsFirst(isoOrder, new Map(actual.map((commit) => [commit.hash, commit.parents])))

    // The fixture really covers what it claims to (guards the parity above from being vacuous).
    const changes = expected.flatMap((commit) => commit.changes)
    expect(changes.filter((change) => change.oldPath !== null).length).toBeGreaterThanOrEqual(7)
    expect(changes.some((change) => change.added === null)).toBe(true)
    expect(expected.some((commit) => commit.parents.length === 2)).toBe(true)
    expect(new Set(expected.map((commit) => commit.author.name))).toEqual(new Set(['Ada Lovelace', 'Grace Hopper', 'Linus T', 'Linus Work', 'Ada', 'Ada Byron']))
    expect(expected[0]?.subject).toBe('  Initial import of the project')

    for (const commit of [first, cliOrder[3] as string, head]) {
      expect(await isomorphicBackend.listTree(repo.path, commit)).toEqual(await cliBackend.listTree(repo.path, commit))
    }
    expect(await isomorphicBackend.diffTrees(repo.path, first, head)).toEqual(await cliBackend.diffTrees(repo.path, first, head))
    expect(await isomorphicBackend.diffTrees(repo.path, head, first)).toEqual(await cliBackend.diffTrees(repo.path, head, first))

    for (const path of ['README.md', 'unicode/café.txt', 'unicode/日本/語.txt', '.mailmap', 'link-to-readme', 'missing.txt', 'crlf.txt/inside.txt']) {
      expect(await isomorphicBackend.readBlob(repo.path, head, path)).toEqual(await cliBackend.readBlob(repo.path, head, path))
    }
    // Binary content: the git side decodes through UTF-8 text, so compare with the bytes on disk instead.
    expect(await isomorphicBackend.readBlob(repo.path, head, 'data/blob.bin')).toEqual(readFileSync(join(repo.path, 'data/blob.bin')))
    expect(await isomorphicBackend.isShallow(repo.path)).toBe(await cliBackend.isShallow(repo.path))

    // Incremental runs: only what is new since an earlier head, and ancestry checks.
    for (const exclude of [first, cliOrder[4] as string, cliOrder[cliOrder.length - 2] as string]) {
      const cli = await cliBackend.listCommits(repo.path, head, exclude)
      expect(new Set(await isomorphicBackend.listCommits(repo.path, head, exclude))).toEqual(new Set(cli))
      expect(await isomorphicBackend.isAncestor(repo.path, exclude, head)).toBe(await cliBackend.isAncestor(repo.path, exclude, head))
      expect(await isomorphicBackend.isAncestor(repo.path, head, exclude)).toBe(await cliBackend.isAncestor(repo.path, head, exclude))
    }
    expect(await isomorphicBackend.isAncestor(repo.path, 'f'.repeat(40), head)).toBe(false)
  })

  it('reads odd commit objects like git: broken idents, other encodings, CRLF messages, repeated parents', async () => {
    const repo = FixtureRepo.create()
    repo.write('a.txt', 'a\n')
    const base = repo.commit('base')
    const tree = repo.git('rev-parse', 'HEAD^{tree}')
    const raw = (headers: string[], message: Buffer | string): string =>
      execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin', '--literally'], {
        cwd: repo.path,
        env: fixtureGitEnv(),
        // Headers as Latin-1 bytes, so the ISO-8859-1 commit below really is ISO-8859-1.
        input: Buffer.concat([Buffer.from(`tree ${tree}\n${headers.join('\n')}\n\n`, 'latin1'), Buffer.from(message)]),
      })
        .toString()
        .trim()
    const commits = [
      raw([`parent ${base}`, 'author  <spaced@x>   1700000000 +0000', 'committer No Email Here 1700000000 +0000'], 'no name, no email\n'),
      raw([`parent ${base}`, 'author Ada <ada@x>', 'committer Ada <ada@x> notadate +0000'], 'no dates\n'),
      raw([`parent ${base}`, 'author Ren\xe9 <rene@x> 1700000000 +0100', 'committer Ren\xe9 <rene@x> 1700000000 +0100', 'encoding ISO-8859-1'], Buffer.from('Caf\xe9 cr\xe8me\n', 'latin1')),
      raw([`parent ${base}`, `parent ${base}`, 'author Two <two@x> 1700000000 +0000', 'committer Two <two@x> 1700000000 +0000'], '\r\n  \r\nWindows line one  \r\nline two\r\n\r\nbody\r\n'),
      raw([`parent ${base}`, 'author A <a@x> <b@x> 1700000000 +0000', 'committer A <a@x> 1700000000 -0500', 'gpgsig -----BEGIN PGP SIGNATURE-----', ' author Fake <fake@x> 1 +0000', ' -----END PGP SIGNATURE-----'], 'Extra > in the ident\n'),
    ]
    expect(await isomorphicBackend.readCommits(repo.path, commits)).toEqual(await cliBackend.readCommits(repo.path, commits))
    // The same commit named twice is shown once, as git log --no-walk does.
    expect(await isomorphicBackend.readCommits(repo.path, [base, base])).toEqual(await cliBackend.readCommits(repo.path, [base, base]))
  })

  it('honours replace refs and grafts like git', async () => {
    const repo = FixtureRepo.create()
    const hashes = [1, 2, 3, 4, 5].map((i) => repo.write('file.txt', lines(i * 3, 'v')).write(`f${i}.txt`, `${i}\n`).commit(`commit ${i}`))
    const [, second, third, fourth, fifth] = hashes as [string, string, string, string, string]
    // Commit 4 now reads as commit 2's content; commit 3 loses its parent through a graft.
    repo.git('replace', fourth, second)
    writeFileSync(join(repo.path, '.git/info/grafts'), `${third}\n`)
    const cliOrder = await cliBackend.listCommits(repo.path, fifth, null)
    expect(new Set(await isomorphicBackend.listCommits(repo.path, fifth, null))).toEqual(new Set(cliOrder))
    expect(await isomorphicBackend.readCommits(repo.path, hashes)).toEqual(await cliBackend.readCommits(repo.path, hashes))
  })

  it.each([11, 12, 13])('detects renames like git among many similar files (seed %i)', async (seed) => {
    const repo = FixtureRepo.create()
    const next = seeded(seed)
    const body = (tag: string, count: number): string => lines(count, tag)
    for (let i = 0; i < 24; i++) repo.write(`dir${i % 4}/file${i % 6}.txt`, body(`shared ${i % 3}`, 20 + (i % 7)) + body(`own ${i}`, 6))
    repo.write('bin/a.dat', Buffer.concat([Buffer.from([0]), Buffer.from(body('bin', 30))]))
    const hashes = [repo.commit('base')]
    for (let round = 0; round < 8; round++) {
      const files = git(repo.path, ['ls-files']).split('\n').filter((file) => file !== '' && !file.startsWith('.'))
      for (const file of files) {
        const roll = next()
        const full = join(repo.path, file)
        if (roll < 0.2) {
          const target = `moved${round}/${next() < 0.5 ? file.split('/').pop() : `renamed-${Math.floor(next() * 5)}.txt`}`
          mkdirSync(join(repo.path, target, '..'), { recursive: true })
          const content = readFileSync(full)
          rmSync(full)
          writeFileSync(join(repo.path, target), next() < 0.5 ? content : Buffer.concat([content, Buffer.from(body(`edit ${round}`, Math.floor(next() * 12)))]))
        } else if (roll < 0.27) {
          rmSync(full)
        } else if (roll < 0.4) {
          writeFileSync(full, Buffer.concat([readFileSync(full).subarray(0, Math.floor(next() * 300)), Buffer.from(body(`tail ${round}`, 4))]))
        }
      }
      if (next() < 0.5) repo.write(`extra/copy${round}.txt`, body(`shared ${round % 3}`, 22))
      hashes.push(repo.commit(`round ${round}`))
    }
    const expected = await cliBackend.readCommits(repo.path, hashes)
    expect(expected.flatMap((commit) => commit.changes).filter((change) => change.oldPath !== null).length).toBeGreaterThan(10)
    expect(await isomorphicBackend.readCommits(repo.path, hashes)).toEqual(expected)
  })

  it('treats files as binary where gitattributes say so, like git log', async () => {
    const repo = FixtureRepo.create()
    const attributes = [
      '# numstat only cares about the diff attribute',
      '[attr]nodiff -diff',
      '*.lock -diff',
      'docs/**/*.txt binary',
      'generated/* nodiff',
      '"name with space.dat" -diff',
      '*.json diff=json',
      '*.md diff=markdown',
      'keep.bin diff',
      '/Rooted.TXT -diff',
    ].join('\n')
    repo.write('.gitattributes', `${attributes}\n`).write('sub/.gitattributes', '*.lock diff\nx.txt binary\n')
    mkdirSync(join(repo.path, '.git/info'), { recursive: true })
    writeFileSync(join(repo.path, '.git/info/attributes'), 'special.txt -diff\n')
    repo.git('config', 'diff.json.binary', 'true')
    const files = ['a.lock', 'sub/b.lock', 'docs/x/y.txt', 'docs/z.txt', 'generated/out.js', 'name with space.dat', 'data.json', 'README.md', 'special.txt', 'sub/x.txt', 'plain.txt', 'Rooted.TXT', 'deep/Rooted.TXT']
    for (const file of files) repo.write(file, lines(10, file))
    repo.write('keep.bin', Buffer.from([1, 0, 2, 10]))
    const hashes = [repo.commit('add')]
    for (const file of files) repo.write(file, lines(12, file).replace('line 3', 'LINE 3'))
    hashes.push(repo.commit('edit'))
    git(repo.path, ['mv', 'a.lock', 'moved.lock'])
    git(repo.path, ['mv', 'plain.txt', 'docs/plain.txt'])
    hashes.push(repo.commit('move'))
    const expected = await cliBackend.readCommits(repo.path, hashes)
    expect(expected[1]?.changes.filter((change) => change.added === null).length).toBeGreaterThanOrEqual(6)
    expect(await isomorphicBackend.readCommits(repo.path, hashes)).toEqual(expected)
  })

  it('skips inexact rename detection above diff.renameLimit, like git', async () => {
    const repo = FixtureRepo.create()
    for (let i = 0; i < 3; i++) repo.write(`old/f${i}.txt`, lines(20, `file ${i}`))
    repo.write('old/same.txt', lines(20, 'same'))
    const hashes = [repo.commit('add')]
    for (let i = 0; i < 3; i++) {
      rmSync(join(repo.path, `old/f${i}.txt`))
      repo.write(`new/g${i}.txt`, `${lines(20, `file ${i}`)}edit\n`)
    }
    git(repo.path, ['mv', 'old/same.txt', 'new/same.txt'])
    repo.write('new/same.txt', `${lines(20, 'same')}edit\n`)
    hashes.push(repo.commit('move with edits'))
    repo.git('config', 'diff.renameLimit', '2')
    const limited = await cliBackend.readCommits(repo.path, hashes)
    // Only the unique-name move survives the limit; the g*.txt files are plain adds and deletes.
    expect(limited[1]?.changes.filter((change) => change.oldPath !== null)).toHaveLength(1)
    expect(await isomorphicBackend.readCommits(repo.path, hashes)).toEqual(limited)
  })

  it('selects the same commits as git rev-list on a tangled history with skewed clocks', async () => {
    const repo = FixtureRepo.create()
    const next = seeded(5)
    const count = 160
    const script: string[] = []
    for (let i = 1; i <= count; i++) {
      // Dates wander up and down, so parents are often "newer" than their children.
      const time = 1_600_000_000 + Math.floor(next() * 100_000) + i * 50
      const parents = i === 1 ? [] : [1 + Math.floor(next() * (i - 1))]
      if (i > 2 && next() < 0.3) parents.push(1 + Math.floor(next() * (i - 1)))
      script.push(`commit refs/heads/work`, `mark :${i}`, `committer C <c@x> ${time} +0000`, `data 2`, `c${i % 10}`)
      if (parents[0] !== undefined) script.push(`from :${parents[0]}`)
      for (const merge of parents.slice(1)) if (merge !== parents[0]) script.push(`merge :${merge}`)
      script.push(`M 644 inline f${i % 7}.txt`, `data ${String(i).length + 1}`, `${i}`, '')
    }
    const marks = join(tempDir('coop-marks-'), 'marks')
    execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marks}`], { cwd: repo.path, env: fixtureGitEnv(), input: script.join('\n') })
    const hashes = readFileSync(marks, 'utf8').trim().split('\n').map((line) => line.split(' ')[1] as string)
    for (let round = 0; round < 25; round++) {
      const head = hashes[Math.floor(next() * hashes.length)] as string
      const exclude = round % 5 === 0 ? null : (hashes[Math.floor(next() * hashes.length)] as string)
      const cli = await cliBackend.listCommits(repo.path, head, exclude)
      const iso = await isomorphicBackend.listCommits(repo.path, head, exclude)
      expect(new Set(iso)).toEqual(new Set(cli))
      expect(iso).toHaveLength(cli.length)
      if (exclude) expect(await isomorphicBackend.isAncestor(repo.path, exclude, head)).toBe(await cliBackend.isAncestor(repo.path, exclude, head))
    }
    const all = await cliBackend.listCommits(repo.path, hashes[hashes.length - 1] as string, null)
    const commits = await isomorphicBackend.readCommits(repo.path, all)
    expectParentsFirst(await isomorphicBackend.listCommits(repo.path, hashes[hashes.length - 1] as string, null), new Map(commits.map((commit) => [commit.hash, commit.parents])))
    expect(commits).toEqual(await cliBackend.readCommits(repo.path, all))
  })

  it('gives up where git gives up: a long run of commits dated before their parents', async () => {
    // base ← c ← head, and c ← u1 ← … ← u10 = exclude with every u older than base: git's walk
    // stops five commits into the u chain and never learns that c and base are excluded.
    const repo = FixtureRepo.create()
    const commit = (mark: number, time: number, parent: number | null) =>
      [`commit refs/heads/m${mark}`, `mark :${mark}`, `committer C <c@x> ${time} +0000`, `data ${String(mark).length}`, `${mark}`, ...(parent ? [`from :${parent}`] : []), '']
    const script = [...commit(1, 1000, null), ...commit(2, 2000, 1), ...commit(3, 3000, 2)]
    for (let i = 0; i < 10; i++) script.push(...commit(10 + i, 900 - i, i === 0 ? 2 : 9 + i))
    const marks = join(tempDir('coop-marks-'), 'marks')
    execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marks}`], { cwd: repo.path, env: fixtureGitEnv(), input: script.join('\n') })
    const byMark = new Map(readFileSync(marks, 'utf8').trim().split('\n').map((line) => line.slice(1).split(' ') as [string, string]))
    const head = byMark.get('3') as string
    const exclude = byMark.get('19') as string
    const cli = await cliBackend.listCommits(repo.path, head, exclude)
    expect(cli).toHaveLength(3)
    expect(new Set(await isomorphicBackend.listCommits(repo.path, head, exclude))).toEqual(new Set(cli))
    expect(await isomorphicBackend.isAncestor(repo.path, byMark.get('2') as string, exclude)).toBe(await cliBackend.isAncestor(repo.path, byMark.get('2') as string, exclude))
  })

  it('reads a shallow clone like git, history cut at the boundary', async () => {
    const { repo } = buildFixture()
    const clone = join(tempDir('coop-shallow-'), 'clone')
    execFileSync('git', ['-c', 'advice.detachedHead=false', 'clone', '-q', '--depth', '3', '--no-local', `file://${repo.path}`, clone], { env: fixtureGitEnv() })
    expect(await isomorphicBackend.isShallow(clone)).toBe(true)
    expect(await cliBackend.isShallow(clone)).toBe(true)
    const head = (await cliBackend.inspect(clone)).head
    const cliOrder = await cliBackend.listCommits(clone, head, null)
    expect(new Set(await isomorphicBackend.listCommits(clone, head, null))).toEqual(new Set(cliOrder))
    expect(await isomorphicBackend.readCommits(clone, cliOrder)).toEqual(await cliBackend.readCommits(clone, cliOrder))
  })

  it('finds repositories and reports failures with the same errors', async () => {
    const { repo } = buildFixture()
    const root = tempDir('coop-layouts-')
    const bare = join(root, 'mirror.git')
    execFileSync('git', ['clone', '-q', '--bare', repo.path, bare], { env: fixtureGitEnv() })
    const linked = join(root, 'linked')
    git(repo.path, ['-c', 'advice.detachedHead=false', 'worktree', 'add', '-q', '--detach', linked, 'main'])
    const empty = FixtureRepo.create().path
    const plain = tempDir('coop-plain-')
    writeFileSync(join(plain, 'file.txt'), 'x')

    const viaSymlink = join(root, 'via-symlink')
    symlinkSync(repo.path, viaSymlink)
    for (const path of [bare, join(bare, 'refs'), linked, join(repo.path, 'libs/sub'), join(viaSymlink, 'src')]) {
      expect(await isomorphicBackend.inspect(path)).toEqual(await cliBackend.inspect(path))
    }
    for (const path of [empty, plain, join(plain, 'file.txt'), join(plain, 'missing'), join(repo.path, '.git')]) {
      const cli = await cliBackend.inspect(path).then(() => null, (error: unknown) => error)
      const iso = await isomorphicBackend.inspect(path).then(() => null, (error: unknown) => error)
      expect(iso).toMatchObject({ code: (cli as { code: string }).code, message: (cli as Error).message })
    }
    // A linked worktree and a bare clone read the same history as the original.
    const head = (await cliBackend.inspect(linked)).head
    const hashes = await cliBackend.listCommits(linked, head, null)
    expect(await isomorphicBackend.readCommits(linked, hashes)).toEqual(await cliBackend.readCommits(linked, hashes))
    expect(await isomorphicBackend.readCommits(bare, hashes.slice(0, 4))).toEqual(await cliBackend.readCommits(bare, hashes.slice(0, 4)))
    // A clone sharing the original's objects through objects/info/alternates.
    const shared = join(root, 'shared')
    execFileSync('git', ['-c', 'advice.detachedHead=false', 'clone', '-q', '--shared', repo.path, shared], { env: fixtureGitEnv() })
    const sharedHead = (await cliBackend.inspect(shared)).head
    expect(await isomorphicBackend.inspect(shared)).toEqual(await cliBackend.inspect(shared))
    const sharedHashes = await cliBackend.listCommits(shared, sharedHead, null)
    expect(await isomorphicBackend.readCommits(shared, sharedHashes)).toEqual(await cliBackend.readCommits(shared, sharedHashes))
  })

  it('reads a 5,000-commit history like git in reasonable time', async () => {
    const repo = FixtureRepo.create()
    generateHistory(repo, 5000)
    const head = repo.head()
    const hashes = await cliBackend.listCommits(repo.path, head, null)
    const started = performance.now()
    const listed = await isomorphicBackend.listCommits(repo.path, head, null)
    const actual = []
    for (let i = 0; i < listed.length; i += 1000) actual.push(...(await isomorphicBackend.readCommits(repo.path, hashes.slice(i, i + 1000))))
    expect(performance.now() - started).toBeLessThan(60_000)
    expect(listed).toEqual(hashes)
    expect(actual).toEqual(await cliBackend.readCommits(repo.path, hashes))
  }, 120_000)
})
