import { describe, expect, it } from 'vitest'
import type { TreeNode } from '../../../../shared/graph-types'
import { parentRowIndex, treeKeyAction } from './tree-keys'
import { baseName, flattenTree, type DirState } from './tree-model'

function node(path: string, type: 'dir' | 'file'): TreeNode {
  return { name: baseName(path), path, type, fileCount: 1, size: null, language: null, kind: null, topOwner: null }
}

const cache = new Map<string, DirState>([
  ['', { kind: 'loaded', entries: [node('src', 'dir'), node('lib', 'dir'), node('README.md', 'file')] }],
  ['src', { kind: 'loaded', entries: [node('src/a.ts', 'file'), node('src/b.ts', 'file')] }],
])
// 0 src/ (open), 1 src/a.ts, 2 src/b.ts, 3 lib (closed), 4 README.md
const { rows } = flattenTree(cache, new Set(['src']))

describe('tree keyboard', () => {
  it('moves up and down within the rows', () => {
    expect(treeKeyAction(rows, 1, 'ArrowDown')).toEqual({ type: 'focus', index: 2 })
    expect(treeKeyAction(rows, 4, 'ArrowDown')).toEqual({ type: 'focus', index: 4 })
    expect(treeKeyAction(rows, 0, 'ArrowUp')).toEqual({ type: 'focus', index: 0 })
    expect(treeKeyAction(rows, -1, 'ArrowDown')).toEqual({ type: 'focus', index: 0 })
    expect(treeKeyAction(rows, 1, 'End')).toEqual({ type: 'focus', index: 4 })
    expect(treeKeyAction(rows, 3, 'Home')).toEqual({ type: 'focus', index: 0 })
    expect(treeKeyAction(rows, 3, 'PageUp', 10)).toEqual({ type: 'focus', index: 0 })
  })

  it('opens a closed folder, or steps into an open one, with Right', () => {
    expect(treeKeyAction(rows, 3, 'ArrowRight')).toEqual({ type: 'expand', path: 'lib' })
    expect(treeKeyAction(rows, 0, 'ArrowRight')).toEqual({ type: 'focus', index: 1 })
    expect(treeKeyAction(rows, 4, 'ArrowRight')).toBeNull()
  })

  it('closes an open folder, or steps out to the parent, with Left', () => {
    expect(treeKeyAction(rows, 0, 'ArrowLeft')).toEqual({ type: 'collapse', path: 'src' })
    expect(treeKeyAction(rows, 2, 'ArrowLeft')).toEqual({ type: 'focus', index: 0 })
    expect(treeKeyAction(rows, 3, 'ArrowLeft')).toBeNull()
    expect(parentRowIndex(rows, 2)).toBe(0)
  })

  it('selects with Enter or Space and ignores other keys', () => {
    expect(treeKeyAction(rows, 2, 'Enter')).toEqual({ type: 'select', path: 'src/b.ts' })
    expect(treeKeyAction(rows, 0, ' ')).toEqual({ type: 'select', path: 'src' })
    expect(treeKeyAction(rows, 2, 'a')).toBeNull()
    expect(treeKeyAction([], 0, 'ArrowDown')).toBeNull()
  })
})

describe('placeholders', () => {
  it('skips a loading row when moving, and stays put when nothing is beyond it', () => {
    const loading = new Map(cache).set('lib', { kind: 'loading' })
    // 0 src/, 1 src/a.ts, 2 src/b.ts, 3 lib/ (open), 4 <loading lib>, 5 README.md
    const withPlaceholder = flattenTree(loading, new Set(['src', 'lib'])).rows
    expect(treeKeyAction(withPlaceholder, 3, 'ArrowDown')).toEqual({ type: 'focus', index: 5 })
    expect(treeKeyAction(withPlaceholder, 5, 'ArrowUp')).toEqual({ type: 'focus', index: 3 })
    expect(treeKeyAction(flattenTree(new Map(), new Set()).rows, -1, 'ArrowDown')).toBeNull()
  })
})
