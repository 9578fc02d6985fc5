import type { AttestationCheck } from '../../../../shared/attestation-types'
import { formatDateTime } from '../../lib/format'
import { ReportFrame } from './ReportFrame'

const statusLabels: Readonly<Record<AttestationCheck['status'], string>> = {
  verified: 'Verified',
  failed: 'Does not verify',
  unreadable: 'Cannot be read',
}

/** How a report fared: verified (and against which key), or the first problem; then the report as rendered. */
export function CheckResult({ check }: { readonly check: AttestationCheck }) {
  const ok = check.status === 'verified'
  return (
    <div className="check-body" data-testid="check-result" data-status={check.status} data-problem={check.problem?.kind ?? ''}>
      <div className={ok ? 'verdict verdict--ok' : 'verdict verdict--bad'} role={ok ? 'status' : 'alert'}>
        <p className="check-status" data-testid="check-status">
          {statusLabels[check.status]}
        </p>
        <p data-testid="check-message">{check.message}</p>
        {check.problem && (
          <p>
            Problem: <code data-testid="check-problem">{check.problem.kind}</code>
            {check.problem.field && (
              <>
                {' '}
                in <code>{check.problem.field}</code>
              </>
            )}
          </p>
        )}
        {ok && (
          <dl className="facts facts--wide">
            <div>
              <dt>Signed by</dt>
              <dd>
                <code>{check.keyId}</code> {check.trust === 'given' ? '(the public key you gave)' : '(the key in the report: give the signer’s public key to check who signed it)'}
              </dd>
            </div>
            {check.signedAt && (
              <div>
                <dt>Signed at</dt>
                <dd>
                  <time dateTime={check.signedAt}>{formatDateTime(check.signedAt)}</time>
                </dd>
              </div>
            )}
          </dl>
        )}
      </div>
      {check.html && <ReportFrame html={check.html} title="The report being verified" testId="check-frame" />}
    </div>
  )
}
