import { useState } from 'react'
import type { ComplianceReport } from '../../../../shared/router-types'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { formatDateTime } from '../../lib/format'
import { useAction } from '../../lib/use-action'
import { FindingsList } from './FindingsList'

/** Runs core's compliance check over every provider and shows the report, as `coop providers check` does. */
export function ComplianceCheck() {
  const api = useApi()
  const [report, setReport] = useState<ComplianceReport | null>(null)
  const { pending, error, run } = useAction<'check'>()
  return (
    <div className="compliance-check">
      <button type="button" className="button" disabled={pending !== null} onClick={() => void run('check', () => api.providers.check({}), setReport)} data-testid="compliance-run">
        {pending === 'check' ? 'Checking…' : 'Run compliance check'}
      </button>
      <ActionError error={error} testId="compliance-error" />
      {report && (
        <div className="compliance-report" data-testid="compliance-report" data-blocked={report.blockedProviders.join(',')} role="region" aria-label="Compliance report">
          <p>
            Checked <time dateTime={report.checkedAt}>{formatDateTime(report.checkedAt)}</time>. Offline mode {report.settings.offline ? 'on' : 'off'}; blocked endpoints:{' '}
            {report.settings.blockedEndpoints.length > 0 ? report.settings.blockedEndpoints.join(', ') : 'none'}.
          </p>
          <p data-testid="compliance-blocked">
            {report.blockedProviders.length > 0 ? (
              <>
                <strong>Blocked until resolved:</strong> {report.blockedProviders.join(', ')}
              </>
            ) : (
              'No provider is blocked.'
            )}
          </p>
          <FindingsList findings={report.findings} showProvider />
        </div>
      )}
    </div>
  )
}
