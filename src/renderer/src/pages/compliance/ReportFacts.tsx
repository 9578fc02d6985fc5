import type { AttestationReport } from '../../../../shared/attestation-types'
import { reportFacts } from './report-facts'

/** The report's headline numbers and what vouches for them, above the full rendering. */
export function ReportFacts({ report }: { readonly report: AttestationReport }) {
  return (
    <dl className="report-facts" data-testid="report-facts">
      {reportFacts(report).map((fact) => (
        <div key={fact.key} className={fact.code ? 'report-fact--wide' : undefined} data-testid={`report-fact-${fact.key}`}>
          <dt>{fact.label}</dt>
          <dd>{fact.code ? <code className="hash">{fact.value}</code> : fact.value}</dd>
        </div>
      ))}
    </dl>
  )
}
