import { useId } from 'react'
import type { AuditRecord } from '../../../../shared/audit-types'
import { formatDateTime } from '../../lib/format'
import { kindLabels } from '../../../../shared/describe-audit-record'

/** The selected record in full: its chain links and its data as recorded. */
export function RecordDetail({ record }: { readonly record: AuditRecord }) {
  const id = useId()
  return (
    <section className="audit-detail" aria-labelledby={id} data-testid="audit-record" data-seq={record.seq}>
      <h3 id={id} className="subsection-title">
        Record #{record.seq}
      </h3>
      <dl className="facts facts--wide">
        <div>
          <dt>Time</dt>
          <dd>
            <time dateTime={record.at}>{formatDateTime(record.at)}</time> <span className="muted">({record.at})</span>
          </dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>
            <code>{record.kind}</code> <span className="muted">{kindLabels[record.kind]}</span>
          </dd>
        </div>
        <div>
          <dt>Actor</dt>
          <dd>{record.actor}</dd>
        </div>
        <div>
          <dt>Hash</dt>
          <dd>
            <code className="hash">{record.hash}</code>
          </dd>
        </div>
        <div>
          <dt>Previous hash</dt>
          <dd>
            <code className="hash">{record.prevHash}</code>
          </dd>
        </div>
      </dl>
      <pre className="preview-body audit-data" data-testid="audit-record-data">
        {JSON.stringify(record.data, null, 2)}
      </pre>
    </section>
  )
}
