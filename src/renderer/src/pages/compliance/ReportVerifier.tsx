import { useState, type FormEvent } from 'react'
import type { AttestationCheck } from '../../../../shared/attestation-types'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { useAction } from '../../lib/use-action'
import { CheckResult } from './CheckResult'
import { TextFileField } from './TextFileField'

/**
 * Checks a report's signature offline, as `coop attest verify` does: against the signer's public key when
 * one is given (who signed it), else the key the report carries (only that it is unaltered).
 */
export function ReportVerifier() {
  const api = useApi()
  const [report, setReport] = useState('')
  const [publicKey, setPublicKey] = useState('')
  const [check, setCheck] = useState<AttestationCheck | null>(null)
  const [missing, setMissing] = useState(false)
  const { pending, error, run } = useAction<'verify'>()

  function verify(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    setCheck(null)
    if (report.trim() === '') {
      setMissing(true)
      return
    }
    setMissing(false)
    const key = publicKey.trim()
    void run('verify', () => api.attest.verify({ report, ...(key !== '' ? { publicKey: key } : {}) }), setCheck)
  }

  return (
    <form onSubmit={verify} noValidate aria-label="Verify a report" data-testid="verify-form">
      <div className="verify-inputs">
        <TextFileField
          label="Report (JSON)"
          value={report}
          onChange={(text) => {
            setReport(text)
            setMissing(false)
          }}
          accept=".json,application/json"
          placeholder="Paste the report, or choose its file"
          testId="verify-report"
        />
        <TextFileField label="Signer’s public key (PEM, optional)" value={publicKey} onChange={setPublicKey} accept=".pub,.pem,text/plain" placeholder="-----BEGIN PUBLIC KEY-----" testId="verify-key" />
      </div>
      <div className="field-row form-actions">
        <button type="submit" className="button button--primary" disabled={pending !== null} data-testid="verify-submit">
          {pending === 'verify' ? 'Verifying…' : 'Verify report'}
        </button>
      </div>
      {missing && (
        <p className="field-error" role="alert" data-testid="verify-missing">
          Paste a report or choose its file first.
        </p>
      )}
      <ActionError error={error} testId="verify-error" />
      {check && <CheckResult check={check} />}
    </form>
  )
}
