import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/core/core'
import { openCore } from '../../src/core/create-core'
import { ada, FixtureRepo, fixtureGitEnv, git, grace } from '../helpers/git-fixture'
import { tempDir } from '../helpers/temp-dir'

const cores: Core[] = []
function newCore(): Core {
  const core = openCore({ dataDir: tempDir('coop-data-'), version: '0.0.0-test' })
  cores.push(core)
  return core
}
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()))
})

describe('the tree at HEAD', () => {
  it('follows additions, edits and deletions with each incremental run', async () => {
    const repo = FixtureRepo.create()
    repo.write('a.ts', 'a\n').write('b.ts', 'b\n').write('dist/bundle.js', 'x\n').commit('one', ada)
    const core = newCore()
    const first = await core.repos.index(repo.path)
    expect(first.filesAtHead).toBe(3)
    repo.write('a.ts', 'a\na\n').write('c.py', 'c\n')
    repo.git('rm', '-q', 'b.ts')
    repo.commit('two', grace)
    const second = await core.repos.index(repo.path)
    expect(second.filesAtHead).toBe(3)
    const files = core.graph.files(second.repoId)
    expect(files.map((f) => [f.path, f.kind, f.language, f.size])).toEqual([
      ['a.ts', 'source', 'TypeScript', 4],
      ['c.py', 'source', 'Python', 2],
      ['dist/bundle.js', 'generated', 'JavaScript', 2],
    ])
    expect(files.find((f) => f.path === 'a.ts')?.lastAuthor?.email).toBe(grace.email)
  })
})

describe('difficult repositories', () => {
  it('indexes a shallow clone as far as its history goes, and says so', async () => {
    const origin = FixtureRepo.create()
    for (let i = 0; i < 6; i++) origin.write('f.txt', `${i}\n`).commit(`c${i}`, ada)
    const clone = join(tempDir(), 'shallow')
    git(tempDir(), ['clone', '-q', '--depth', '3', `file://${origin.path}`, clone])
    const result = await newCore().repos.index(clone)
    expect(result).toMatchObject({ shallow: true, commits: 3 })
  })

  it('indexes a detached HEAD', async () => {
    const repo = FixtureRepo.create()
    const first = repo.write('a', '1\n').commit('one', ada)
    repo.write('a', '2\n').commit('two', ada)
    repo.git('checkout', '-q', '--detach', first)
    expect(await newCore().repos.index(repo.path)).toMatchObject({ head: first, commits: 1 })
  })

  it('marks a submodule as such, not as a file', async () => {
    const lib = FixtureRepo.create()
    lib.write('lib.txt', 'lib\n').commit('lib', ada)
    const repo = FixtureRepo.create()
    repo.write('main.txt', 'main\n').commit('main', ada)
    execFileSync('git', ['-c', 'protocol.file.allow=always', 'submodule', '-q', 'add', lib.path, 'vendor-lib'], { cwd: repo.path, env: fixtureGitEnv() })
    repo.commit('Add submodule', grace)
    const core = newCore()
    const { repoId } = await core.repos.index(repo.path)
    expect(core.graph.files(repoId).find((f) => f.path === 'vendor-lib')).toMatchObject({ kind: 'submodule', size: null })
  })

  it('indexes non-UTF-8 and very long paths', async () => {
    const repo = FixtureRepo.create()
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]) // "café.txt" in Latin-1
    writeFileSync(Buffer.concat([Buffer.from(`${repo.path}/`), latin1]), 'latin\n')
    const deep = Array.from({ length: 12 }, (_, i) => `level-${i}-${'x'.repeat(60)}`).join('/')
    repo.write(`${deep}/file.txt`, 'deep\n').write('日本語/ファイル.md', 'utf8\n').commit('odd names', ada)
    const core = newCore()
    const result = await core.repos.index(repo.path)
    expect(result.filesAtHead).toBe(3)
    const paths = core.graph.files(result.repoId).map((f) => f.path)
    expect(paths).toContain(`${deep}/file.txt`)
    expect(paths).toContain('日本語/ファイル.md')
    // Bytes that are not UTF-8 cannot be shown as they are: the file is kept, its name shows U+FFFD.
    expect(paths).toContain('caf\uFFFD.txt')
  })

  it('handles a huge binary file by its metadata, without reading it into memory', async () => {
    const repo = FixtureRepo.create()
    repo.write('model.bin', randomBytes(24 * 1024 * 1024)).write('README.md', 'r\n').commit('Add model', ada)
    const core = newCore()
    const { repoId } = await core.repos.index(repo.path)
    expect(core.graph.files(repoId).find((f) => f.path === 'model.bin')).toMatchObject({ kind: 'binary', size: 24 * 1024 * 1024 })
    expect(core.graph.history(repoId, 'model.bin')[0]).toMatchObject({ linesAdded: null, linesRemoved: null })
  })

  it('explains corrupt objects and keeps what was indexed', async () => {
    const repo = FixtureRepo.create()
    repo.write('a.txt', 'a\n').commit('one', ada)
    const core = newCore()
    const { repoId } = await core.repos.index(repo.path)
    repo.write('b.txt', 'b\n').commit('two', grace)
    // Remove the loose object of the new file's content: history now points at something missing.
    const blob = repo.git('rev-parse', 'HEAD:b.txt')
    rmSync(join(repo.path, '.git', 'objects', blob.slice(0, 2), blob.slice(2)))
    await expect(core.repos.index(repo.path)).rejects.toThrow(/Git cannot read some objects in .*: the repository may be damaged \(git fsck there says which\)/)
    expect(core.repos.get(repoId)).toMatchObject({ commits: 1 })
    expect(readdirSync(join(repo.path, '.git'))).toContain('objects')
  })
})
