import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureGitEnv } from '../../../../test/helpers/git'
import { tempDir } from '../../../../test/helpers/temp-dir'
import { countLineChanges } from './line-diff'

/** What `git diff --numstat` says for two files (the reference the port must match exactly). */
function gitNumstat(before: string, after: string, options: readonly string[] = []): { added: number; removed: number } {
  const dir = tempDir('coop-numstat-')
  writeFileSync(join(dir, 'a'), before)
  writeFileSync(join(dir, 'b'), after)
  const out = spawnSync('git', ['diff', '--no-index', '--numstat', ...options, 'a', 'b'], { cwd: dir, env: fixtureGitEnv(), encoding: 'utf8' }).stdout
  const match = /^(\d+)\t(\d+)\t/.exec(out)
  return match ? { added: Number(match[1]), removed: Number(match[2]) } : { added: 0, removed: 0 }
}

/** A small deterministic generator, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** A file of `count` lines drawn from `vocabulary` distinct lines (small vocabularies repeat a lot). */
function randomLines(next: () => number, count: number, vocabulary: number): string[] {
  return Array.from({ length: count }, () => `line ${Math.floor(next() * vocabulary)}\n`)
}

function mutate(next: () => number, lines: readonly string[], rate: number, vocabulary: number): string[] {
  const out: string[] = []
  for (const line of lines) {
    const roll = next()
    if (roll < rate / 3) continue
    if (roll < (2 * rate) / 3) out.push(`new ${Math.floor(next() * vocabulary)}\n`)
    else out.push(line)
    if (next() < rate / 3) out.push(`added ${Math.floor(next() * vocabulary)}\n`)
  }
  return out
}

describe('countLineChanges', () => {
  it('counts like git on simple cases, including missing final newlines', () => {
    expect(countLineChanges(Buffer.from(''), Buffer.from('a\nb\n'))).toEqual({ added: 2, removed: 0 })
    expect(countLineChanges(Buffer.from('a\nb\n'), Buffer.from(''))).toEqual({ added: 0, removed: 2 })
    expect(countLineChanges(Buffer.from('a\nb'), Buffer.from('a\nb\n'))).toEqual({ added: 1, removed: 1 })
    expect(countLineChanges(Buffer.from('a\nb\nc\n'), Buffer.from('a\nx\nc\n'))).toEqual({ added: 1, removed: 1 })
    expect(countLineChanges(Buffer.from('same\n'), Buffer.from('same\n'))).toEqual({ added: 0, removed: 0 })
  })

  it('matches git diff --numstat on random edits of small and repetitive files', () => {
    const next = random(42)
    for (let round = 0; round < 60; round++) {
      const vocabulary = [3, 10, 50, 1000][round % 4] as number
      const before = randomLines(next, 5 + Math.floor(next() * 300), vocabulary)
      const after = mutate(next, before, next() * 0.8, vocabulary)
      const a = before.join('')
      const b = after.join('') + (round % 5 === 0 ? 'tail without newline' : '')
      expect(countLineChanges(Buffer.from(a), Buffer.from(b)), `round ${round}`).toEqual(gitNumstat(a, b))
    }
  })

  it('matches git where xdiff gives up on a minimal diff (large, very different files)', () => {
    const next = random(7)
    let nonMinimal = 0
    for (const [count, vocabulary, rate] of [
      [20_000, 2000, 0.9],
      [12_000, 40, 0.7],
      [8_000, 8000, 0.5],
    ] as const) {
      const before = randomLines(next, count, vocabulary)
      const after = mutate(next, before, rate, vocabulary)
      const a = before.join('')
      const b = after.join('')
      const git = gitNumstat(a, b)
      expect(countLineChanges(Buffer.from(a), Buffer.from(b))).toEqual(git)
      if (git.added !== gitNumstat(a, b, ['--minimal']).added) nonMinimal++
    }
    // The inputs are costly enough for git's heuristics to settle for a longer script than --minimal.
    expect(nonMinimal).toBeGreaterThan(0)
  })
})
