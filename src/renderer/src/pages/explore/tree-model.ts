import type { TreeNode } from '../../../../shared/graph-types'
import type { BridgeError } from '../../../../shared/result'

/** What is known about one folder's children. */
export type DirState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly entries: readonly TreeNode[] }
  | { readonly kind: 'failed'; readonly error: BridgeError }

/** Folder path ('' for the root) to what its listing is. */
export type TreeCache = ReadonlyMap<string, DirState>

/** One line of the flattened tree: an entry, or a placeholder under a folder still loading or failed. */
export type TreeRowModel =
  | {
      readonly kind: 'node'
      readonly node: TreeNode
      /** 1 for the root's children (aria-level). */
      readonly level: number
      readonly expanded: boolean
      readonly posInSet: number
      readonly setSize: number
    }
  | { readonly kind: 'loading'; readonly dir: string; readonly level: number }
  | { readonly kind: 'failed'; readonly dir: string; readonly level: number; readonly error: BridgeError }
  | { readonly kind: 'empty'; readonly dir: string; readonly level: number }

export interface FlatTree {
  readonly rows: readonly TreeRowModel[]
  /** Row index of each entry's path. */
  readonly indexOf: ReadonlyMap<string, number>
}

/**
 * The rows to show: every loaded entry under the root, descending into expanded folders, in order.
 * Iterative (no recursion limit on deep trees) and linear in the rows produced.
 */
export function flattenTree(cache: TreeCache, expanded: ReadonlySet<string>): FlatTree {
  const rows: TreeRowModel[] = []
  const indexOf = new Map<string, number>()
  const emitDir = (dir: string, level: number): readonly TreeNode[] => {
    const state = cache.get(dir)
    if (!state || state.kind === 'loading') rows.push({ kind: 'loading', dir, level })
    else if (state.kind === 'failed') rows.push({ kind: 'failed', dir, level, error: state.error })
    else if (state.entries.length === 0) rows.push({ kind: 'empty', dir, level })
    else return state.entries
    return []
  }
  // A stack of folder listings being walked, each with the next child to emit.
  const stack: { entries: readonly TreeNode[]; next: number; level: number }[] = [{ entries: emitDir('', 1), next: 0, level: 1 }]
  while (stack.length > 0) {
    const top = stack[stack.length - 1]
    if (!top || top.next >= top.entries.length) {
      stack.pop()
      continue
    }
    const node = top.entries[top.next] as TreeNode
    top.next++
    const open = node.type === 'dir' && expanded.has(node.path)
    indexOf.set(node.path, rows.length)
    rows.push({ kind: 'node', node, level: top.level, expanded: open, posInSet: top.next, setSize: top.entries.length })
    if (open) stack.push({ entries: emitDir(node.path, top.level + 1), next: 0, level: top.level + 1 })
  }
  return { rows, indexOf }
}

/** The folder holding a path: 'src/a/b.ts' → 'src/a', 'README.md' → ''. */
export function parentDir(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

/** The folders to open to show a path, outermost first, without the root: 'a/b/c.ts' → ['a', 'a/b']. */
export function ancestorDirs(path: string): string[] {
  const parts = path.split('/').filter((part) => part !== '')
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'))
}

/** The entry for a path from the loaded listings; undefined when its folder is not loaded or lacks it. */
export function findNode(cache: TreeCache, path: string): TreeNode | undefined {
  const state = cache.get(parentDir(path))
  return state?.kind === 'loaded' ? state.entries.find((entry) => entry.path === path) : undefined
}

/** The last segment of a path; the root is called by the repository's name elsewhere. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
