import { describe, expect, it } from 'vitest'
import type { TreeNode } from '../../../../shared/graph-types'
import { ancestorDirs, baseName, findNode, flattenTree, parentDir, type DirState, type TreeCache } from './tree-model'

function dir(path: string, fileCount = 1): TreeNode {
  return { name: baseName(path), path, type: 'dir', fileCount, size: null, language: null, kind: null, topOwner: null }
}
function file(path: string): TreeNode {
  return { name: baseName(path), path, type: 'file', fileCount: 1, size: 10, language: 'TypeScript', kind: 'source', topOwner: null }
}
function loaded(...entries: TreeNode[]): DirState {
  return { kind: 'loaded', entries }
}

const cache: TreeCache = new Map<string, DirState>([
  ['', loaded(dir('src', 3), dir('docs', 1), file('README.md'))],
  ['src', loaded(dir('src/lib', 2), file('src/main.ts'))],
  ['src/lib', loaded(file('src/lib/a.ts'), file('src/lib/b.ts'))],
  ['docs', { kind: 'loading' }],
])

const describeRows = (rows: ReturnType<typeof flattenTree>['rows']) =>
  rows.map((row) => (row.kind === 'node' ? `${row.level}:${row.node.path}${row.expanded ? '/' : ''}` : `${row.level}:<${row.kind} ${row.dir}>`))

describe('flattening the tree', () => {
  it('shows only the root listing when nothing is expanded', () => {
    const flat = flattenTree(cache, new Set())
    expect(describeRows(flat.rows)).toEqual(['1:src', '1:docs', '1:README.md'])
    expect(flat.indexOf.get('README.md')).toBe(2)
  })

  it('descends into expanded folders in order, with levels and positions', () => {
    const flat = flattenTree(cache, new Set(['src', 'src/lib']))
    expect(describeRows(flat.rows)).toEqual(['1:src/', '2:src/lib/', '3:src/lib/a.ts', '3:src/lib/b.ts', '2:src/main.ts', '1:docs', '1:README.md'])
    expect(flat.rows[4]).toMatchObject({ kind: 'node', posInSet: 2, setSize: 2 })
    expect(flat.rows[5]).toMatchObject({ kind: 'node', posInSet: 2, setSize: 3 })
    expect(flat.indexOf.get('src/main.ts')).toBe(4)
  })

  it('keeps an expanded folder under a collapsed one hidden', () => {
    expect(describeRows(flattenTree(cache, new Set(['src/lib'])).rows)).toEqual(['1:src', '1:docs', '1:README.md'])
  })

  it('puts a placeholder under a folder that is loading, failed or empty', () => {
    const withStates = new Map(cache)
      .set('src/lib', { kind: 'failed', error: { code: 'not_found', message: 'gone' } })
      .set('docs', loaded())
    expect(describeRows(flattenTree(withStates, new Set(['src', 'src/lib', 'docs'])).rows)).toEqual([
      '1:src/',
      '2:src/lib/',
      '3:<failed src/lib>',
      '2:src/main.ts',
      '1:docs/',
      '2:<empty docs>',
      '1:README.md',
    ])
    expect(describeRows(flattenTree(new Map(), new Set()).rows)).toEqual(['1:<loading >'])
  })

  it('flattens 50,000 files quickly', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => file(`big/f${String(i).padStart(5, '0')}.ts`))
    const huge = new Map(cache).set('', loaded(dir('big', big.length))).set('big', loaded(...big))
    const started = performance.now()
    const flat = flattenTree(huge, new Set(['big']))
    expect(flat.rows).toHaveLength(50_001)
    expect(flat.indexOf.get('big/f49999.ts')).toBe(50_000)
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe('paths', () => {
  it('names the parent folder and the folders to open', () => {
    expect(parentDir('src/lib/a.ts')).toBe('src/lib')
    expect(parentDir('README.md')).toBe('')
    expect(ancestorDirs('src/lib/a.ts')).toEqual(['src', 'src/lib'])
    expect(ancestorDirs('README.md')).toEqual([])
    expect(ancestorDirs('')).toEqual([])
  })

  it('finds a loaded entry', () => {
    expect(findNode(cache, 'src/lib/b.ts')?.type).toBe('file')
    expect(findNode(cache, 'src/lib')?.type).toBe('dir')
    expect(findNode(cache, 'docs/guide.md')).toBeUndefined()
    expect(findNode(cache, 'src/nope.ts')).toBeUndefined()
  })
})
