import type { TreeRowModel } from './tree-model'

/** What a key press in the tree asks for (WAI-ARIA tree view pattern, single selection). */
export type TreeKeyAction =
  | { readonly type: 'focus'; readonly index: number }
  | { readonly type: 'expand'; readonly path: string }
  | { readonly type: 'collapse'; readonly path: string }
  | { readonly type: 'select'; readonly path: string }

/**
 * Down/Up move the cursor; Right opens a closed folder or steps into an open one; Left closes an open
 * folder or steps out to the parent; Home/End jump; PageUp/PageDown move a page; Enter and Space select.
 * `index` is the cursor's row, or -1 when there is none yet. null: the key is not the tree's.
 */
export function treeKeyAction(rows: readonly TreeRowModel[], index: number, key: string, pageSize = 10): TreeKeyAction | null {
  const last = rows.length - 1
  if (last < 0) return null
  const row = index >= 0 ? rows[index] : undefined
  // Placeholder rows ("Loading…") cannot hold the cursor: land on the nearest entry, looking onwards first.
  const focus = (to: number, step: 1 | -1): TreeKeyAction | null => {
    const target = nearestEntry(rows, Math.max(0, Math.min(last, to)), step)
    return target === -1 ? null : { type: 'focus', index: target }
  }
  switch (key) {
    case 'ArrowDown':
      return focus(index < 0 ? 0 : index + 1, 1)
    case 'ArrowUp':
      return focus(index < 0 ? 0 : index - 1, -1)
    case 'Home':
      return focus(0, 1)
    case 'End':
      return focus(last, -1)
    case 'PageDown':
      return focus(index + Math.max(1, pageSize), 1)
    case 'PageUp':
      return focus(index - Math.max(1, pageSize), -1)
    case 'ArrowRight':
      if (row?.kind !== 'node' || row.node.type !== 'dir') return null
      return row.expanded ? focus(index + 1, 1) : { type: 'expand', path: row.node.path }
    case 'ArrowLeft': {
      if (!row) return null
      if (row.kind === 'node' && row.node.type === 'dir' && row.expanded) return { type: 'collapse', path: row.node.path }
      const parent = parentRowIndex(rows, index)
      return parent === -1 ? null : focus(parent, -1)
    }
    case 'Enter':
    case ' ':
      return row?.kind === 'node' ? { type: 'select', path: row.node.path } : null
    default:
      return null
  }
}

/** The row of the folder containing row `index`, or -1 at the top level. */
export function parentRowIndex(rows: readonly TreeRowModel[], index: number): number {
  const level = rows[index]?.level ?? 1
  for (let i = index - 1; i >= 0; i--) {
    if ((rows[i]?.level ?? 1) < level) return i
  }
  return -1
}

function nearestEntry(rows: readonly TreeRowModel[], from: number, step: 1 | -1): number {
  for (const direction of [step, -step]) {
    for (let i = from; i >= 0 && i < rows.length; i += direction) {
      if (rows[i]?.kind === 'node') return i
    }
  }
  return -1
}
