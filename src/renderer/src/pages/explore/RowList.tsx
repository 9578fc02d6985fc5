import type { CSSProperties, ReactNode } from 'react'
import { VirtualList } from '../../lib/VirtualList'

interface RowListProps<T> {
  readonly items: readonly T[]
  readonly label: string
  /** Every row's height in CSS pixels (the virtual list needs it exact). */
  readonly rowHeight: number
  readonly rowKey: (item: T) => string
  readonly renderRow: (item: T, style?: CSSProperties) => ReactNode
  readonly testId: string
}

/**
 * Past this many rows only those in view are rendered. The bridge answers at most 100 definitions and
 * 200 files of uses, so a lower bar than the tree's is what keeps a common name's list light.
 */
export const VIRTUAL_ABOVE = 100
const VIRTUAL_HEIGHT = 440

/** A list of fixed-height rows: plain when short, virtualised when long. Rows are `role="listitem"`. */
export function RowList<T>({ items, label, rowHeight, rowKey, renderRow, testId }: RowListProps<T>) {
  if (items.length <= VIRTUAL_ABOVE) {
    return (
      <div role="list" aria-label={label} className="row-list" data-testid={testId} data-virtual="false">
        {items.map((item) => (
          <RowSlot key={rowKey(item)}>{renderRow(item)}</RowSlot>
        ))}
      </div>
    )
  }
  return (
    <VirtualList
      role="list"
      aria-label={label}
      className="row-list"
      data-testid={testId}
      data-virtual="true"
      style={{ height: Math.min(VIRTUAL_HEIGHT, items.length * rowHeight) }}
      count={items.length}
      rowHeight={rowHeight}
      rowKey={(index) => {
        const item = items[index]
        return item === undefined ? index : rowKey(item)
      }}
      renderRow={(index, style) => {
        const item = items[index]
        return item === undefined ? null : renderRow(item, style)
      }}
    />
  )
}

function RowSlot({ children }: { readonly children: ReactNode }) {
  return children
}
