import type { CSSProperties } from 'react'
import type { AuditRecord } from '../../../../shared/audit-types'
import { formatDateTime } from '../../lib/format'
import { describeRecord, kindLabels } from '../../../../shared/describe-audit-record'

interface AuditRowProps {
  readonly id: string
  readonly record: AuditRecord
  /** Its place among all the filter's records, 1-based after the header row (aria-rowindex). */
  readonly rowIndex: number
  readonly style: CSSProperties
  readonly selected: boolean
  readonly onSelect: (record: AuditRecord) => void
}

/** One record of the audit table: seq, time, kind, actor, and a line about its data. */
export function AuditRow({ id, record, rowIndex, style, selected, onSelect }: AuditRowProps) {
  const description = describeRecord(record)
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      className={selected ? 'audit-row audit-row--selected' : 'audit-row'}
      style={style}
      onClick={() => onSelect(record)}
      data-testid="audit-row"
      data-seq={record.seq}
      data-kind={record.kind}
    >
      <div role="gridcell" className="audit-cell audit-cell--num">
        {record.seq}
      </div>
      <div role="gridcell" className="audit-cell">
        <time dateTime={record.at}>{formatDateTime(record.at)}</time>
      </div>
      <div role="gridcell" className="audit-cell" title={kindLabels[record.kind] ?? record.kind}>
        <code className="audit-kind">{record.kind}</code>
      </div>
      <div role="gridcell" className="audit-cell">
        {record.actor}
      </div>
      <div role="gridcell" className="audit-cell" title={description} data-testid="audit-description">
        {description}
      </div>
    </div>
  )
}
