import { describe, expect, it } from 'vitest'
import { FixtureRepo } from '../../../../test/helpers/git-fixture'
import { compilePattern } from './attributes'

/** Patterns and paths chosen to hit every wildmatch rule that attributes use. */
const PATTERNS = [
  '*.lock', 'docs/**/*.txt', '**/build/*', 'src/*.ts', '/rooted.txt', 'a?c.md', '[abc]*.json', '[!a-m]*.yml', 'dir/**',
  '**/deep', 'x/**/y/*.z', 'name with space.dat', '*.[ch]', 'lib/[[:digit:]]*.js', 'Makefile', 'sub/', 'file\\*.txt',
  'a/*/b', '*/only-one-level.txt', '**', '*~', '.*rc',
]
const PATHS = [
  'a.lock', 'sub/b.lock', 'docs/x.txt', 'docs/a/b/c.txt', 'docsx/a.txt', 'build/out', 'a/build/out', 'a/build/x/out', 'src/a.ts',
  'src/x/a.ts', 'rooted.txt', 'x/rooted.txt', 'abc.md', 'aXc.md', 'a/c.md', 'b1.json', 'd.json', 'n.yml', 'a.yml', 'dir/x', 'dir/y/z',
  'deep', 'a/b/deep', 'x/y/q.z', 'x/1/2/y/q.z', 'name with space.dat', 'main.c', 'main.h', 'main.cc', 'lib/1x.js', 'lib/x1.js',
  'Makefile', 'src/Makefile', 'sub/file', 'negated', 'file*.txt', 'fileX.txt', 'a/q/b', 'a/q/r/b', 'z/only-one-level.txt',
  'z/y/only-one-level.txt', 'notes.txt~', '.bashrc', 'dir/.vimrc',
]

describe('gitattributes patterns', () => {
  it('match the same paths as git check-attr', () => {
    const repo = FixtureRepo.create()
    const quote = (pattern: string) => (pattern.includes(' ') ? `"${pattern}"` : pattern)
    repo.write('.gitattributes', PATTERNS.map((pattern, i) => `${quote(pattern)} p${i}`).join('\n') + '\n')
    const matchers = PATTERNS.map((pattern) => compilePattern(pattern, false))
    let matched = 0
    for (const path of PATHS) {
      const out = repo.git('check-attr', '-a', '--', path)
      const expected = [...out.matchAll(/: p(\d+): set/g)].map((match) => Number(match[1])).sort((a, b) => a - b)
      const actual = matchers.flatMap((matches, i) => (matches?.(path) ? [i] : []))
      expect(actual, path).toEqual(expected)
      matched += actual.length
    }
    expect(matched).toBeGreaterThan(30)
  })

  it('never match files with negative or folder-only patterns, and fold case when asked', () => {
    expect(compilePattern('!x.txt', false)).toBeNull()
    expect(compilePattern('dir/', false)).toBeNull()
    expect(compilePattern('*.TXT', true)?.('a/b.txt')).toBe(true)
    expect(compilePattern('*.TXT', false)?.('a/b.txt')).toBe(false)
  })
})
