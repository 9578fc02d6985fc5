import { useId, useRef, type KeyboardEvent } from 'react'
import type { AuditRecord } from '../../../../shared/audit-types'
import { listKeyTarget } from '../../lib/list-keys'
import { VirtualList, type VirtualListHandle } from '../../lib/VirtualList'
import { AuditRow } from './AuditRow'

export const AUDIT_ROW_HEIGHT = 34

interface AuditTableProps {
  readonly records: readonly AuditRecord[]
  /** Records matching the filter in the whole log, loaded or not. */
  readonly total: number
  readonly selectedSeq: number | null
  readonly onSelect: (record: AuditRecord) => void
  /** The rows rendered changed: the page loads older records as the end comes near. */
  readonly onRangeChange: (start: number, end: number) => void
}

const columns = ['Seq', 'Time', 'Kind', 'Actor', 'What'] as const

/**
 * The records as a grid that renders only the rows in view. One focusable element (role grid) names the
 * selected row with aria-activedescendant; arrows, Page Up/Down, Home and End move the selection, a click
 * selects. aria-rowcount is the filter's total, so a screen reader knows how long the log is.
 */
export function AuditTable({ records, total, selectedSeq, onSelect, onRangeChange }: AuditTableProps) {
  const list = useRef<VirtualListHandle>(null)
  const baseId = useId()
  const selectedIndex = selectedSeq === null ? -1 : records.findIndex((r) => r.seq === selectedSeq)

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const target = listKeyTarget(event.key, selectedIndex, records.length, list.current?.pageSize())
    const record = target === null ? undefined : records[target]
    if (target === null || !record) return
    event.preventDefault()
    onSelect(record)
    list.current?.scrollToIndex(target)
  }

  return (
    <div
      className="audit-grid"
      role="grid"
      aria-label="Audit records"
      aria-rowcount={total + 1}
      aria-activedescendant={selectedIndex >= 0 ? `${baseId}-${selectedIndex}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="audit-table"
      data-rows={records.length}
      data-total={total}
    >
      <div role="rowgroup" className="audit-grid-head">
        <div role="row" aria-rowindex={1} className="audit-row audit-row--head">
          {columns.map((name) => (
            <div key={name} role="columnheader" className={name === 'Seq' ? 'audit-cell audit-cell--num' : 'audit-cell'}>
              {name}
            </div>
          ))}
        </div>
      </div>
      <VirtualList
        ref={list}
        role="rowgroup"
        className="audit-grid-body"
        data-testid="audit-scroller"
        count={records.length}
        rowHeight={AUDIT_ROW_HEIGHT}
        overscan={12}
        rowKey={(index) => records[index]?.seq ?? index}
        onRangeChange={onRangeChange}
        renderRow={(index, style) => {
          const record = records[index]
          if (!record) return null
          return <AuditRow id={`${baseId}-${index}`} record={record} rowIndex={index + 2} style={style} selected={record.seq === selectedSeq} onSelect={onSelect} />
        }}
      />
    </div>
  )
}
