import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FixtureRepo } from '../../../../test/helpers/git-fixture'
import { looksBinary } from './commit-changes'
import { estimateSimilarity, hashChunks, MAX_SCORE, similarityRatio, type SimilaritySide } from './similarity'

/** git before 2.43.2 ignored a last partial chunk; compare with whichever git is installed. */
const [major = 0, minor = 0, patch = 0] = (/\d+\.\d+\.\d+/.exec(execFileSync('git', ['--version'], { encoding: 'utf8' }))?.[0] ?? '0.0.0').split('.').map(Number)
const gitCountsFinalChunk = major * 1e6 + minor * 1e3 + patch >= 2_043_002

function side(content: Buffer, mode = 0o100644, countFinalChunk = gitCountsFinalChunk): SimilaritySide {
  return { mode, size: content.length, spans: () => hashChunks(content, !looksBinary(content), countFinalChunk) }
}

/** The similarity percentage git prints for a rename (R<nn>) of `before` into `after`, or null. */
function gitRenameScore(repo: FixtureRepo, before: Buffer, after: Buffer): number | null {
  writeFileSync(join(repo.path, 'source.dat'), before)
  repo.commit('before')
  rmSync(join(repo.path, 'source.dat'))
  writeFileSync(join(repo.path, 'target.dat'), after)
  repo.commit('after')
  const status = repo.git('diff', '-M1%', '--name-status', 'HEAD~', 'HEAD')
  rmSync(join(repo.path, 'target.dat'))
  repo.commit('reset')
  const match = /^R(\d+)\t/.exec(status)
  return match ? Number(match[1]) : null
}

function text(lines: number, seed: string, width = 20): string {
  return Array.from({ length: lines }, (_, i) => `${seed} ${i} ${'-'.repeat((i * 7) % width)}\n`).join('')
}

describe('similarity', () => {
  it('scores identical, disjoint and half-shared files', () => {
    const a = Buffer.from(text(40, 'a'))
    expect(similarityRatio(a, a)).toBe(1)
    expect(similarityRatio(a, Buffer.from(text(40, 'zz')))).toBeLessThan(0.1)
    const half = Buffer.from(text(20, 'a') + text(20, 'b'))
    expect(similarityRatio(a, half)).toBeGreaterThan(0.4)
    expect(similarityRatio(a, half)).toBeLessThan(0.6)
  })

  it('ignores CR before LF in text, and counts a short last chunk as git 2.43.2+ does', () => {
    expect(similarityRatio(Buffer.from('one\r\ntwo\r\n'), Buffer.from('one\ntwo\n'))).toBeCloseTo(8 / 10)
    expect([...hashChunks(Buffer.from('abc'), true).values()]).toEqual([3])
    expect(hashChunks(Buffer.from('abc'), true, false).size).toBe(0)
    expect([...hashChunks(Buffer.from('x'.repeat(64)), true).values()]).toEqual([64])
    // 12 lines, the first character changed: 97% for current git, 23% for older releases.
    const before = Buffer.from('a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n'.replace(/\n$/, '') + 'x'.repeat(62))
    const after = Buffer.from(`Z${before.toString().slice(1)}`)
    expect(similarityRatio(before, after)).toBeGreaterThan(0.9)
    expect(similarityRatio(before, after, true, false)).toBeLessThan(0.5)
  })

  it('gives no score to symlinks, submodules or files too different in size', () => {
    const a = Buffer.from(text(40, 'a'))
    expect(estimateSimilarity(side(a, 0o120000), side(a), 30000)).toBe(0)
    expect(estimateSimilarity(side(a), side(Buffer.concat([a, a, a])), 30000)).toBe(0)
    expect(estimateSimilarity(side(a), side(a), 30000)).toBe(MAX_SCORE)
  })

  it('agrees with the percentage git prints for renames', () => {
    const repo = FixtureRepo.create()
    const cases: [Buffer, Buffer][] = [
      [Buffer.from(text(50, 'a')), Buffer.from(text(50, 'a').replace('a 7', 'b 7').replace('a 30', 'c'))],
      [Buffer.from(text(50, 'a')), Buffer.from(text(30, 'a') + text(25, 'q'))],
      [Buffer.from(text(80, 'long', 150)), Buffer.from(text(80, 'long', 150).replaceAll('long 1', 'LONG'))],
      [Buffer.from(text(30, 'w').replaceAll('\n', '\r\n')), Buffer.from(text(34, 'w').replaceAll('\n', '\r\n'))],
      [Buffer.from(text(30, 'n') + 'no newline'), Buffer.from(text(28, 'n') + 'no newline at all')],
      [Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(text(40, 'bin'))]), Buffer.concat([Buffer.from([0, 9]), Buffer.from(text(45, 'bin'))])],
    ]
    for (const [before, after] of cases) {
      const score = estimateSimilarity(side(before), side(after), MAX_SCORE / 100)
      const expected = gitRenameScore(repo, before, after)
      // Every case is a real rename for git, so the comparison below is never null against null.
      expect(expected).not.toBeNull()
      expect(score >= MAX_SCORE / 100 ? Math.floor((score * 100) / MAX_SCORE) : null).toBe(expected)
    }
  })
})
