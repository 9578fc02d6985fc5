import { readdirSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readCommits, type GitCommit } from '../../src/core/git/read-history'
import { streamCommits } from '../../src/core/git/stream-history'
import { FixtureRepo, generateHistory, grace } from '../helpers/git-fixture'
import { tempDir } from '../helpers/temp-dir'

/** streamCommits must hand over exactly what readCommits returns, however the output is cut. */

let scratch: string
let savedTmpdir: string | undefined
beforeEach(() => {
  // os.tmpdir() follows TMPDIR: the stream's temp files land where the test can see them.
  savedTmpdir = process.env.TMPDIR
  scratch = tempDir('coop-stream-tmp-')
  process.env.TMPDIR = scratch
})
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = savedTmpdir
})

/** The stream's own temp folders (fixture repositories are made in TMPDIR too). */
function logFolders(): string[] {
  return readdirSync(scratch).filter((name) => name.startsWith('coop-log-'))
}

async function collect(batches: AsyncIterable<GitCommit[]>): Promise<GitCommit[][]> {
  const all: GitCommit[][] = []
  for await (const batch of batches) all.push(batch)
  return all
}

function trickyHistory(generated = 1_200): { repo: FixtureRepo; hashes: string[] } {
  const repo = FixtureRepo.create()
  generateHistory(repo, generated)
  // Separators and multi-byte text in subjects and paths must not be taken for record boundaries.
  repo.write('docs/ünïcödé \x1f name.md', 'one\n').commit('subject with \x1e record and \x1f unit separators, and ✓')
  repo.move('docs/ünïcödé \x1f name.md', 'guide/renamed.md').commit('rename', grace)
  repo.commit('an empty commit changes no file')
  repo.write('tail.txt', 'end\n').commit('\x1e')
  const hashes = repo.git('rev-list', '--topo-order', '--reverse', 'HEAD').split('\n')
  return { repo, hashes }
}

describe('streamCommits', () => {
  it('yields the same commits as readCommits, in order, in batches of at most the size asked', async () => {
    // Long enough for two git processes, the first of 5,000 commits.
    const { repo, hashes } = trickyHistory(10_600)
    const expected = await readCommits(repo.path, hashes)
    expect(expected).toHaveLength(10_604)

    const batches = await collect(streamCommits(repo.path, hashes, 250))
    expect(batches.flat()).toEqual(expected)
    expect(batches.every((batch) => batch.length > 0 && batch.length <= 250)).toBe(true)
    expect(batches.length).toBeGreaterThanOrEqual(Math.ceil(hashes.length / 250))
    expect(expected.at(-4)?.subject).toBe('subject with \x1e record and \x1f unit separators, and ✓')
    expect(expected.at(-1)?.subject).toBe('\x1e')
    expect(logFolders()).toEqual([])
  })

  it('reads a short list through pipes, with the same batching', async () => {
    const { repo, hashes } = trickyHistory()
    const short = hashes.slice(-20)
    const batches = await collect(streamCommits(repo.path, short, 7))
    expect(batches.map((batch) => batch.length)).toEqual([7, 7, 6])
    expect(batches.flat()).toEqual(await readCommits(repo.path, short))
  })

  it('stops git and removes its files when the reader stops early', async () => {
    const { repo, hashes } = trickyHistory()
    let seen = 0
    for await (const batch of streamCommits(repo.path, hashes, 100)) {
      seen += batch.length
      expect(logFolders()).toHaveLength(1)
      break
    }
    expect(seen).toBe(100)
    expect(logFolders()).toEqual([])
  })

  it('fails with a GitError saying the repository may be damaged when a commit cannot be read', async () => {
    const { repo, hashes } = trickyHistory()
    const missing = [...hashes.slice(0, 600), 'f'.repeat(40), ...hashes.slice(600)]
    await expect(collect(streamCommits(repo.path, missing, 250))).rejects.toMatchObject({
      code: 'git_failed',
      message: expect.stringMatching(/^Git cannot read some objects in .*: the repository may be damaged/),
    })
    expect(logFolders()).toEqual([])
  })
})
