import { describe, expect, it } from 'vitest'
import { compilePattern, type CompiledPattern } from './codeowners-pattern'

function compiled(pattern: string): CompiledPattern {
  const result = compilePattern(pattern)
  if (!result.ok) throw new Error(result.message)
  return result.pattern
}

/** Which of the paths (files) the pattern owns. */
function owned(pattern: string, paths: readonly string[]): string[] {
  const { file } = compiled(pattern)
  return paths.filter((path) => file.test(path))
}

/** Which of the directories the pattern owns as a whole. */
function ownedDirectories(pattern: string, dirs: readonly string[]): string[] {
  const { directory } = compiled(pattern)
  return dirs.filter((dir) => directory?.test(dir) ?? false)
}

describe('CODEOWNERS patterns', () => {
  it('`*` matches within one path segment; alone it matches everything', () => {
    expect(owned('*.js', ['a.js', 'src/a.js', 'src/deep/a.js', 'a.jsx', 'a.js.map'])).toEqual(['a.js', 'src/a.js', 'src/deep/a.js'])
    expect(owned('src/*.ts', ['src/a.ts', 'src/sub/a.ts', 'lib/src/a.ts'])).toEqual(['src/a.ts'])
    expect(owned('*', ['README.md', 'src/a/b/c.ts', '.github/CODEOWNERS'])).toEqual(['README.md', 'src/a/b/c.ts', '.github/CODEOWNERS'])
  })

  it('`**` matches across segments: leading, trailing, in the middle', () => {
    expect(owned('**/logs', ['logs', 'logs/a.txt', 'build/logs/a.txt', 'deeply/nested/logs/a', 'catalogs/a'])).toEqual([
      'logs',
      'logs/a.txt',
      'build/logs/a.txt',
      'deeply/nested/logs/a',
    ])
    expect(owned('docs/**', ['docs', 'docs/a.md', 'docs/x/y/z.md', 'src/docs/a.md'])).toEqual(['docs/a.md', 'docs/x/y/z.md'])
    expect(owned('a/**/b', ['a/b', 'a/x/b', 'a/x/y/b', 'a/x/y/b/c.txt', 'a/xb', 'z/a/b'])).toEqual(['a/b', 'a/x/b', 'a/x/y/b', 'a/x/y/b/c.txt'])
    expect(owned('docs/**/*.md', ['docs/a.md', 'docs/x/a.md', 'docs/x/a.txt'])).toEqual(['docs/a.md', 'docs/x/a.md'])
  })

  it('a leading `/` anchors to the root; so does a slash in the middle', () => {
    expect(owned('/build', ['build', 'build/out.js', 'src/build/out.js'])).toEqual(['build', 'build/out.js'])
    expect(owned('src/api', ['src/api/a.ts', 'lib/src/api/a.ts'])).toEqual(['src/api/a.ts'])
  })

  it('a pattern without a slash matches a file or directory of that name at any depth, and everything under it', () => {
    expect(owned('docs', ['docs', 'docs/a.md', 'src/docs', 'src/docs/deep/a.md', 'docs.md', 'mydocs/a'])).toEqual([
      'docs',
      'docs/a.md',
      'src/docs',
      'src/docs/deep/a.md',
    ])
  })

  it('a trailing `/` matches a directory and everything under it, never a file of that name', () => {
    expect(owned('apps/', ['apps', 'apps/a.ts', 'x/apps/y/a.ts'])).toEqual(['apps/a.ts', 'x/apps/y/a.ts'])
    expect(owned('/build/logs/', ['build/logs/a', 'build/logs/x/y', 'build/logs', 'x/build/logs/a'])).toEqual(['build/logs/a', 'build/logs/x/y'])
  })

  it('`docs/*` matches files directly in docs only, `docs/**` everything under docs', () => {
    const paths = ['docs/getting-started.md', 'docs/build-app/troubleshooting.md', 'docs']
    expect(owned('docs/*', paths)).toEqual(['docs/getting-started.md'])
    expect(owned('docs/**', paths)).toEqual(['docs/getting-started.md', 'docs/build-app/troubleshooting.md'])
    expect(owned('/*', ['README.md', 'src/a.ts'])).toEqual(['README.md'])
  })

  it('`?` matches one character other than `/`', () => {
    expect(owned('file?.txt', ['file1.txt', 'file12.txt', 'file.txt', 'a/fileX.txt'])).toEqual(['file1.txt', 'a/fileX.txt'])
    expect(owned('a?b', ['a/b'])).toEqual([])
  })

  it('character classes: sets, ranges, negation; never the separator', () => {
    expect(owned('[Tt]ests/', ['tests/a', 'Tests/a', 'rests/a'])).toEqual(['tests/a', 'Tests/a'])
    expect(owned('v[0-9].md', ['v1.md', 'va.md'])).toEqual(['v1.md'])
    expect(owned('v[!0-9].md', ['v1.md', 'va.md'])).toEqual(['va.md'])
    expect(owned('a[/]b', ['a/b'])).toEqual([])
    // An unclosed bracket is a literal.
    expect(owned('a[b', ['a[b', 'ab'])).toEqual(['a[b'])
  })

  it('a backslash escapes the next character: `\\#`, `\\ `, `\\*`', () => {
    expect(owned('\\#notes', ['#notes', 'x/#notes/y'])).toEqual(['#notes', 'x/#notes/y'])
    expect(owned('my\\ file.txt', ['my file.txt', 'my\\ file.txt'])).toEqual(['my file.txt'])
    expect(owned('f\\*o', ['f*o', 'foo'])).toEqual(['f*o'])
  })

  it('regular-expression characters in names are literal', () => {
    expect(owned('a.b+(c)$', ['a.b+(c)$', 'aXb+(c)$'])).toEqual(['a.b+(c)$'])
  })

  it('matches paths case-sensitively, like GitHub and GitLab', () => {
    expect(owned('/Docs/', ['docs/a.md', 'Docs/a.md'])).toEqual(['Docs/a.md'])
  })

  it('owns a directory as a whole when it matches the directory itself or a parent', () => {
    const dirs = ['src', 'src/api', 'src/api/v1', 'lib/src/api']
    expect(ownedDirectories('src/api/', dirs)).toEqual(['src/api', 'src/api/v1'])
    expect(ownedDirectories('/src/api', dirs)).toEqual(['src/api', 'src/api/v1'])
    expect(ownedDirectories('src/**', dirs)).toEqual(['src', 'src/api', 'src/api/v1'])
    expect(ownedDirectories('api', dirs)).toEqual(['src/api', 'src/api/v1', 'lib/src/api'])
    expect(ownedDirectories('src/*/', dirs)).toEqual(['src/api', 'src/api/v1'])
    // These own files in the directories, never a whole directory.
    expect(ownedDirectories('src/*', dirs)).toEqual([])
    expect(ownedDirectories('*.ts', dirs)).toEqual([])
    expect(ownedDirectories('src/api/*.ts', dirs)).toEqual([])
  })

  it('knows the catch-all patterns, which also own the repository root', () => {
    expect(['*', '**', '/**', '/*', '*/', 'src/**', '**/*'].filter((pattern) => compiled(pattern).everything)).toEqual(['*', '**', '/**', '**/*'])
  })

  it('rejects patterns that cannot match anything or do not compile', () => {
    expect(compilePattern('/')).toEqual({ ok: false, message: 'Pattern "/" matches nothing' })
    expect(compilePattern('a//b')).toMatchObject({ ok: false })
    expect(compilePattern('[z-a]')).toEqual({ ok: false, message: 'Pattern "[z-a]" has an invalid character class' })
  })
})
