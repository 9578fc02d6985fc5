import { describe, expect, it } from 'vitest'
import { parseLog } from './read-history'

const header = (hash: string, subject: string, parents = ''): string =>
  `\x1e${[hash, parents, 'Ada', 'ada@x', '100', 'Bob', 'bob@x', '200', subject].join('\x1f')}`

describe('parseLog', () => {
  it('reads headers, numstat entries, renames, binary files and commits without changes', () => {
    const out = [
      header('c1', 'first'),
      '\n3\t1\tsrc/a b.ts',
      '-\t-\tlogo.png',
      '2\t0\t',
      'old/name.ts',
      'new/name.ts',
      header('m1', 'Merge branch', 'c1 c0'),
      header('c2', 'tab\there'),
      '\n1\t0\tdir/new\nline.txt',
      '',
    ].join('\0')
    expect(parseLog(out)).toEqual([
      {
        hash: 'c1',
        parents: [],
        author: { name: 'Ada', email: 'ada@x' },
        committer: { name: 'Bob', email: 'bob@x' },
        authoredAt: 100,
        committedAt: 200,
        subject: 'first',
        changes: [
          { path: 'src/a b.ts', oldPath: null, added: 3, removed: 1 },
          { path: 'logo.png', oldPath: null, added: null, removed: null },
          { path: 'new/name.ts', oldPath: 'old/name.ts', added: 2, removed: 0 },
        ],
      },
      expect.objectContaining({ hash: 'm1', parents: ['c1', 'c0'], changes: [] }),
      expect.objectContaining({ hash: 'c2', subject: 'tab\there', changes: [{ path: 'dir/new\nline.txt', oldPath: null, added: 1, removed: 0 }] }),
    ])
  })

  it('keeps a subject that contains the field separator', () => {
    const [commit] = parseLog(`${header('c1', 'a\x1fb')}\0`)
    expect(commit?.subject).toBe('a\x1fb')
  })

  it('fails loudly on output it does not understand', () => {
    expect(() => parseLog('garbage\0')).toThrow(/Unexpected git log output/)
  })
})
