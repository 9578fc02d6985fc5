import { useId, useState, type FormEvent } from 'react'
import type { ProviderView } from '../../../../shared/router-types'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { formatDateTime } from '../../lib/format'
import { useAction } from '../../lib/use-action'

interface ApprovalSectionProps {
  readonly provider: ProviderView
  readonly onChanged: () => void
}

/**
 * Who approved calling a provider that does not promise to keep inputs out of training, when and why;
 * without an approval such a provider is blocked. Revoking blocks it again.
 */
export function ApprovalSection({ provider, onChanged }: ApprovalSectionProps) {
  const api = useApi()
  const id = useId()
  const [by, setBy] = useState('')
  const [reason, setReason] = useState('')
  const { pending, error, run } = useAction<'approve' | 'revoke'>()
  const { approval } = provider.policy

  async function approve(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    const ok = await run('approve', () => api.providers.approve({ id: provider.id, by, reason }))
    if (!ok) return
    setBy('')
    setReason('')
    onChanged()
  }

  async function revoke(): Promise<void> {
    if (await run('revoke', () => api.providers.revokeApproval({ id: provider.id }))) onChanged()
  }

  return (
    <section className="provider-section" aria-labelledby={`${id}-title`} data-testid="provider-approval" data-approved={approval !== null}>
      <h4 id={`${id}-title`} className="subsection-title">
        Approval
      </h4>
      {approval ? (
        <>
          <p data-testid="approval-record">
            Approved by <strong data-testid="approval-by">{approval.by}</strong> on{' '}
            <time dateTime={approval.at}>{formatDateTime(approval.at)}</time>: <q data-testid="approval-reason">{approval.reason}</q>
          </p>
          <div className="field-row">
            <button type="button" className="button" disabled={pending !== null} onClick={() => void revoke()} data-testid="approval-revoke">
              {pending === 'revoke' ? 'Revoking…' : 'Revoke approval'}
            </button>
          </div>
        </>
      ) : (
        <form className="inline-form" onSubmit={(event) => void approve(event)} noValidate aria-label={`Approve ${provider.id}`}>
          <p className="hint">Needed before Coop calls a provider without a no-training commitment. It is recorded with your name and reason.</p>
          <div className="field-row field-row--fields">
            <label className="stacked-field">
              <span className="field-label">Approved by</span>
              <input className="text-input" value={by} onChange={(event) => setBy(event.target.value)} autoComplete="name" data-testid="approval-by-input" />
            </label>
            <label className="stacked-field stacked-field--grow">
              <span className="field-label">Reason</span>
              <input className="text-input" value={reason} onChange={(event) => setReason(event.target.value)} data-testid="approval-reason-input" />
            </label>
            <button type="submit" className="button" disabled={pending !== null} data-testid="approval-submit">
              {pending === 'approve' ? 'Approving…' : 'Approve'}
            </button>
          </div>
        </form>
      )}
      <ActionError error={error} testId="approval-error" />
    </section>
  )
}
