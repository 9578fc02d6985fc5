import type { AuditVerifyReport } from '../../../../shared/audit-types'
import { tamperLabels, verifySummary } from './verify-summary'

/** What audit:verify found: intact, with what vouches for it, or the first problem in an alert. */
export function VerifyResult({ report }: { readonly report: AuditVerifyReport }) {
  const summary = verifySummary(report)
  const { problem } = report
  return (
    <div
      className={summary.ok ? 'verdict verdict--ok' : 'verdict verdict--bad'}
      role={summary.ok ? 'status' : 'alert'}
      data-testid="audit-verify-result"
      data-ok={summary.ok}
      data-problem-kind={problem?.kind ?? ''}
      data-problem-seq={problem?.seq ?? ''}
    >
      <p className="verify-headline">
        <strong data-testid="audit-verify-headline">{summary.headline}</strong>
      </p>
      {problem && (
        <p data-testid="audit-verify-problem">
          <span className="visually-hidden">{tamperLabels[problem.kind]}: </span>
          {problem.message}
        </p>
      )}
      <dl className="facts facts--wide">
        <div>
          <dt>Head hash</dt>
          <dd>{report.headHash ? <code className="hash" data-testid="audit-head-hash">{report.headHash}</code> : <span className="muted">none</span>}</dd>
        </div>
        <div>
          <dt>Checkpoints</dt>
          <dd data-testid="audit-checkpoints">{summary.checkpoints}</dd>
        </div>
        <div>
          <dt>Checked with</dt>
          <dd>{report.keyId ? <code>{report.keyId}</code> : <span className="muted">no key</span>}</dd>
        </div>
      </dl>
    </div>
  )
}
