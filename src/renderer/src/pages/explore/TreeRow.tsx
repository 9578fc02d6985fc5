import type { CSSProperties } from 'react'
import { formatCount } from '../../lib/format'
import { OwnerBadge } from './OwnerBadge'
import type { TreeRowModel } from './tree-model'

interface TreeRowProps {
  readonly id: string
  readonly row: TreeRowModel
  readonly style: CSSProperties
  readonly selected: boolean
  readonly cursor: boolean
  readonly onActivate: (path: string, type: 'dir' | 'file') => void
  readonly onToggle: (path: string, expand: boolean) => void
  readonly onRetry: (dir: string) => void
}

const INDENT = 16
const dimmedKinds = new Set(['generated', 'vendored', 'binary', 'submodule'])

/** One line of the Explore tree: an entry, or the loading / failed / empty note under a folder. */
export function TreeRow({ id, row, style, selected, cursor, onActivate, onToggle, onRetry }: TreeRowProps) {
  const indent = { paddingLeft: 8 + (row.level - 1) * INDENT }
  if (row.kind !== 'node') {
    return (
      <div role="none" className="tree-row tree-row--note" style={{ ...style, ...indent }} data-testid="tree-note" data-state={row.kind}>
        <span className="tree-chevron" aria-hidden="true" />
        {row.kind === 'loading' && <span className="muted">Loading…</span>}
        {row.kind === 'empty' && <span className="muted">Empty folder</span>}
        {row.kind === 'failed' && (
          <span className="tree-error" role="alert">
            {row.error.message}{' '}
            <button type="button" className="link-button" onClick={() => onRetry(row.dir)}>
              Retry
            </button>
          </span>
        )}
      </div>
    )
  }
  const { node, expanded } = row
  const isDir = node.type === 'dir'
  const dimmed = node.kind !== null && dimmedKinds.has(node.kind)
  const classes = ['tree-row', selected && 'tree-row--selected', cursor && 'tree-row--cursor', dimmed && 'tree-row--dimmed'].filter(Boolean).join(' ')
  return (
    <div
      id={id}
      role="treeitem"
      className={classes}
      style={{ ...style, ...indent }}
      aria-level={row.level}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={isDir ? expanded : undefined}
      aria-selected={selected}
      data-testid="tree-row"
      data-path={node.path}
      data-type={node.type}
      onClick={() => onActivate(node.path, node.type)}
    >
      {isDir ? (
        <span
          className={expanded ? 'tree-chevron tree-chevron--open' : 'tree-chevron'}
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation()
            onToggle(node.path, !expanded)
          }}
        >
          <svg width="12" height="12" viewBox="0 0 12 12" focusable="false">
            <path d="M4.5 2.5 8 6l-3.5 3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </span>
      ) : (
        <span className="tree-chevron" aria-hidden="true" />
      )}
      <span className={isDir ? 'tree-name tree-name--dir' : 'tree-name'}>{node.name}</span>
      {dimmed && <span className="kind-tag">{node.kind}</span>}
      {isDir && (
        <span className="tree-count" aria-label={`${formatCount(node.fileCount)} files`}>
          {formatCount(node.fileCount)}
        </span>
      )}
      {node.topOwner ? <OwnerBadge owner={node.topOwner} /> : <span className="owner-badge owner-badge--none" aria-hidden="true" />}
    </div>
  )
}
