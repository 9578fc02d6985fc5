/** The arithmetic of a fixed-row-height virtual list, apart from the DOM so it can be tested in Node. */

export interface WindowInput {
  readonly scrollTop: number
  readonly viewportHeight: number
  readonly rowHeight: number
  readonly count: number
  /** Rows rendered beyond each edge of the viewport, so a fast scroll does not show blank space. */
  readonly overscan: number
}

export interface VisibleWindow {
  /** First rendered row. */
  readonly start: number
  /** One past the last rendered row. */
  readonly end: number
  readonly totalHeight: number
}

/** Which rows to render for a scroll position: the visible ones plus `overscan` on each side. */
export function visibleWindow({ scrollTop, viewportHeight, rowHeight, count, overscan }: WindowInput): VisibleWindow {
  const rows = Math.max(0, Math.floor(count))
  if (rows === 0 || rowHeight <= 0) return { start: 0, end: 0, totalHeight: 0 }
  const totalHeight = rows * rowHeight
  const height = Math.max(0, viewportHeight)
  // A stale scrollTop (the list just shrank) or an elastic overscroll must not point past the rows.
  const top = clamp(scrollTop, 0, Math.max(0, totalHeight - height))
  const first = Math.floor(top / rowHeight)
  const last = Math.max(first + 1, Math.ceil((top + height) / rowHeight))
  const extra = Math.max(0, Math.floor(overscan))
  return { start: Math.max(0, first - extra), end: Math.min(rows, last + extra), totalHeight }
}

/**
 * The scroll position that brings row `index` fully into view while moving as little as possible,
 * or the current one when the row is visible already.
 */
export function scrollTopToReveal(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number {
  const rowTop = index * rowHeight
  const rowBottom = rowTop + rowHeight
  if (rowTop < scrollTop) return rowTop
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight)
  return scrollTop
}

/** The scroll position that puts row `index` in the middle of the viewport (for jumping to a far row). */
export function scrollTopToCenter(index: number, rowHeight: number, viewportHeight: number, count: number): number {
  const centered = index * rowHeight - (viewportHeight - rowHeight) / 2
  return clamp(Math.round(centered), 0, Math.max(0, count * rowHeight - viewportHeight))
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
