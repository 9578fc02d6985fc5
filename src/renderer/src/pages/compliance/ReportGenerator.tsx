import { useState } from 'react'
import type { AttestationFile } from '../../../../shared/attestation-types'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { Segmented } from '../../lib/Segmented'
import { useAction } from '../../lib/use-action'
import { ReportActions } from './ReportActions'
import { ReportFacts } from './ReportFacts'
import { ReportFrame } from './ReportFrame'

const windows = [
  { value: 7, label: '7 days' },
  { value: 30, label: '30 days' },
  { value: 90, label: '90 days' },
  { value: 365, label: '365 days' },
] as const

type ReportWindow = (typeof windows)[number]['value']

/** Generates a signed attestation of a window of the audit log and shows it: key facts, then the full page. */
export function ReportGenerator() {
  const api = useApi()
  const [days, setDays] = useState<ReportWindow>(90)
  const [file, setFile] = useState<AttestationFile | null>(null)
  const { pending, error, run } = useAction<'create'>()
  return (
    <div className="report-generator">
      <div className="compliance-toolbar">
        <Segmented legend="Report window" options={windows} value={days} onChange={setDays} testId="report-window" />
        <button type="button" className="button button--primary" disabled={pending !== null} onClick={() => void run('create', () => api.attest.create({ days }), setFile)} data-testid="report-generate">
          {pending === 'create' ? 'Generating…' : 'Generate report'}
        </button>
      </div>
      <p className="hint">The report is signed with this profile’s audit key, and generating it is itself recorded in the audit log.</p>
      <ActionError error={error} testId="report-error" />
      {file && (
        <div className="report-body" data-testid="report" data-days={file.report.body.window.days} data-requests={file.report.body.requests.total}>
          <ReportFacts report={file.report} />
          <ReportActions file={file} />
          <ReportFrame html={file.html} title={`Attestation report, last ${file.report.body.window.days} days`} />
        </div>
      )}
    </div>
  )
}
