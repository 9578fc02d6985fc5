import '../../styles/router.css'
import '../../styles/audit.css'
import { ReportGenerator } from './ReportGenerator'
import { ReportVerifier } from './ReportVerifier'
import { RetentionTrend } from './RetentionTrend'

/** Compliance: signed attestation reports from the audit log, verifying one, and the retention trend. */
export function CompliancePage() {
  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">Compliance</h1>
        <p className="page-lede">Signed reports for the people who sign off on how models are used: what was sent, under which retention terms, with whose keys, what was scrubbed or refused. Counts, ids and hashes only.</p>
      </header>

      <section className="card" aria-labelledby="compliance-report-heading" data-testid="compliance-generate">
        <h2 id="compliance-report-heading" className="section-title">
          Attestation report
        </h2>
        <ReportGenerator />
      </section>

      <section className="card" aria-labelledby="compliance-trend-heading">
        <h2 id="compliance-trend-heading" className="section-title">
          Requests by retention mode
        </h2>
        <RetentionTrend />
      </section>

      <section className="card" aria-labelledby="compliance-verify-heading" data-testid="compliance-verify">
        <h2 id="compliance-verify-heading" className="section-title">
          Verify a report
        </h2>
        <ReportVerifier />
      </section>
    </div>
  )
}
