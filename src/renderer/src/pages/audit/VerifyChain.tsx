import { useState } from 'react'
import type { AuditVerifyReport } from '../../../../shared/audit-types'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { useAction } from '../../lib/use-action'
import { VerifyResult } from './VerifyResult'

/** Checks the whole chain (hashes, links, signed checkpoints) and says whether it is intact or where it breaks. */
export function VerifyChain() {
  const api = useApi()
  const [report, setReport] = useState<AuditVerifyReport | null>(null)
  const { pending, error, run } = useAction<'verify'>()
  return (
    <div className="verify-chain">
      <div className="field-row">
        <button type="button" className="button button--primary" disabled={pending !== null} onClick={() => void run('verify', () => api.audit.verify({}), setReport)} data-testid="audit-verify">
          {pending === 'verify' ? 'Verifying…' : 'Verify'}
        </button>
      </div>
      <ActionError error={error} testId="audit-verify-error" />
      {report && <VerifyResult report={report} />}
    </div>
  )
}
