import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type CSSProperties, type HTMLAttributes, type Key, type ReactNode, type Ref } from 'react'
import { scrollTopToCenter, scrollTopToReveal, visibleWindow } from './virtual-window'

export interface VirtualListHandle {
  /**
   * Brings a row into view: 'nearest' scrolls as little as needed (stepping with the keyboard),
   * 'center' centres it, 'auto' leaves a visible row alone and centres one out of view (a jump).
   */
  readonly scrollToIndex: (index: number, align?: 'nearest' | 'center' | 'auto') => void
  /** How many whole rows fit in the viewport (for Page Up / Page Down). */
  readonly pageSize: () => number
  readonly element: () => HTMLDivElement | null
}

export interface VirtualListProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'onScroll'> {
  readonly count: number
  /** Every row is this tall, in CSS pixels: that is what makes the window arithmetic exact and cheap. */
  readonly rowHeight: number
  readonly overscan?: number
  /** Renders row `index`; put `style` on its outermost element (it positions the row). */
  readonly renderRow: (index: number, style: CSSProperties) => ReactNode
  readonly rowKey?: (index: number) => Key
  /** Told which rows are rendered whenever that changes: a list that loads as it scrolls asks for more near the end. */
  readonly onRangeChange?: (start: number, end: number) => void
  readonly ref?: Ref<VirtualListHandle>
}

/**
 * A scroll container that renders only the rows in view (plus a few either side): a list of 50,000
 * rows costs the same to scroll as one of 50. The rows sit absolutely positioned in a spacer as tall
 * as the whole list, so the scrollbar is true to size.
 */
export function VirtualList({ count, rowHeight, overscan = 8, renderRow, rowKey, onRangeChange, ref, style, ...rest }: VirtualListProps) {
  const container = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewportHeight, setViewportHeight] = useState(0)

  useLayoutEffect(() => {
    const element = container.current
    if (!element) return
    const measure = () => setViewportHeight(element.clientHeight)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex(index, align = 'nearest') {
        const element = container.current
        if (!element || index < 0 || index >= count) return
        const height = element.clientHeight
        const nearest = scrollTopToReveal(index, rowHeight, element.scrollTop, height)
        const centre = align === 'center' || (align === 'auto' && nearest !== element.scrollTop)
        const next = centre ? scrollTopToCenter(index, rowHeight, height, count) : nearest
        if (next !== element.scrollTop) {
          element.scrollTop = next
          // Render the new window now rather than on the scroll event, so the row exists right away.
          setScrollTop(element.scrollTop)
        }
      },
      pageSize: () => Math.max(1, Math.floor((container.current?.clientHeight ?? 0) / rowHeight)),
      element: () => container.current,
    }),
    [count, rowHeight],
  )

  const { start, end, totalHeight } = visibleWindow({ scrollTop, viewportHeight, rowHeight, count, overscan })
  const rangeListener = useRef(onRangeChange)
  useEffect(() => {
    rangeListener.current = onRangeChange
  })
  useEffect(() => {
    rangeListener.current?.(start, end)
  }, [start, end])
  const rows: ReactNode[] = []
  for (let index = start; index < end; index++) {
    const rowStyle: CSSProperties = { position: 'absolute', top: index * rowHeight, left: 0, right: 0, height: rowHeight }
    rows.push(<RowSlot key={rowKey ? rowKey(index) : index}>{renderRow(index, rowStyle)}</RowSlot>)
  }

  return (
    <div
      {...rest}
      ref={container}
      style={{ overflowY: 'auto', position: 'relative', ...style }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div role="presentation" style={{ position: 'relative', height: totalHeight, minWidth: '100%' }}>
        {rows}
      </div>
    </div>
  )
}

/** Gives each rendered row a key without adding an element around it. */
function RowSlot({ children }: { readonly children: ReactNode }) {
  return children
}
