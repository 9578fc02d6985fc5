import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { VirtualList, type VirtualListHandle } from '../../lib/VirtualList'
import { treeKeyAction } from './tree-keys'
import { TreeRow } from './TreeRow'
import type { FileTree as FileTreeState } from './use-file-tree'

export const TREE_ROW_HEIGHT = 28

export interface ScrollTarget {
  readonly path: string
  /** A new number for each request, so asking for the same path twice scrolls twice. */
  readonly nonce: number
}

interface FileTreeProps {
  readonly tree: FileTreeState
  readonly label: string
  readonly selected: string
  readonly onSelect: (path: string) => void
  readonly scrollTarget: ScrollTarget | null
}

/**
 * The virtualised tree: one focusable element (role tree) with the cursor row named by
 * aria-activedescendant, so only the rows in view need to exist. Arrows move, Right/Left open and
 * close, Enter selects; a click selects (and opens a folder).
 */
export function FileTree({ tree, label, selected, onSelect, scrollTarget }: FileTreeProps) {
  const { flat, expand, collapse } = tree
  const list = useRef<VirtualListHandle>(null)
  const baseId = useId()
  const [cursor, setCursor] = useState(selected)
  const [followed, setFollowed] = useState(selected)
  if (followed !== selected) {
    // A selection made elsewhere (search, a hotspot, the address) moves the cursor too.
    setFollowed(selected)
    setCursor(selected)
  }
  const cursorIndex = flat.indexOf.get(cursor) ?? -1

  const handled = useRef(0)
  useEffect(() => {
    if (!scrollTarget || handled.current === scrollTarget.nonce) return
    const index = flat.indexOf.get(scrollTarget.path)
    if (index === undefined) return
    handled.current = scrollTarget.nonce
    list.current?.scrollToIndex(index, 'auto')
  }, [scrollTarget, flat])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const action = treeKeyAction(flat.rows, cursorIndex, event.key, list.current?.pageSize())
    if (!action) return
    event.preventDefault()
    switch (action.type) {
      case 'focus': {
        const row = flat.rows[action.index]
        if (row?.kind === 'node') setCursor(row.node.path)
        list.current?.scrollToIndex(action.index)
        break
      }
      case 'expand':
        expand(action.path)
        break
      case 'collapse':
        collapse(action.path)
        break
      case 'select':
        onSelect(action.path)
        break
    }
  }

  function activate(path: string, type: 'dir' | 'file'): void {
    setCursor(path)
    onSelect(path)
    if (type === 'dir' && !tree.expanded.has(path)) expand(path)
  }

  return (
    <VirtualList
      ref={list}
      className="tree"
      role="tree"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={cursorIndex >= 0 ? `${baseId}-${cursorIndex}` : undefined}
      data-testid="explore-tree"
      data-rows={flat.rows.length}
      onKeyDown={onKeyDown}
      count={flat.rows.length}
      rowHeight={TREE_ROW_HEIGHT}
      overscan={10}
      rowKey={(index) => {
        const row = flat.rows[index]
        return row?.kind === 'node' ? row.node.path : `\0${row?.kind}:${row?.dir}`
      }}
      renderRow={(index, style) => {
        const row = flat.rows[index]
        if (!row) return null
        const path = row.kind === 'node' ? row.node.path : null
        return (
          <TreeRow
            id={`${baseId}-${index}`}
            row={row}
            style={style}
            selected={path !== null && path === selected}
            cursor={index === cursorIndex}
            onActivate={activate}
            onToggle={(dir, open) => (open ? expand(dir) : collapse(dir))}
            onRetry={expand}
          />
        )
      }}
    />
  )
}
