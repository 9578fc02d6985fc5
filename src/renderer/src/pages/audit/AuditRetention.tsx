import { useId, useState, type FormEvent } from 'react'
import type { AuditSettings } from '../../../../shared/audit-types'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { useAction } from '../../lib/use-action'

interface AuditRetentionProps {
  readonly settings: AuditSettings
  readonly onChanged: (settings: AuditSettings) => void
}

const MAX_DAYS = 36_500

/** How long records are kept: older ones are pruned (a signed prune record keeps the rest verifiable). */
export function AuditRetention({ settings, onChanged }: AuditRetentionProps) {
  const api = useApi()
  const id = useId()
  const [days, setDays] = useState(String(settings.retentionDays))
  const [invalid, setInvalid] = useState(false)
  const [saved, setSaved] = useState<number | null>(null)
  const { pending, error, run } = useAction<'save'>()

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    setSaved(null)
    const value = Number(days.trim())
    if (!/^\d+$/.test(days.trim()) || value < 1 || value > MAX_DAYS) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    await run('save', () => api.audit.setRetention({ days: value }), (next) => {
      setSaved(next.retentionDays)
      onChanged(next)
    })
  }

  return (
    <form className="inline-form" onSubmit={(event) => void save(event)} noValidate aria-label="Audit retention">
      <label className="field-label" htmlFor={`${id}-days`}>
        Keep records for (days)
      </label>
      <div className="field-row">
        <input
          id={`${id}-days`}
          className="text-input text-input--short"
          inputMode="numeric"
          value={days}
          onChange={(event) => {
            setDays(event.target.value)
            setInvalid(false)
          }}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${id}-invalid` : `${id}-hint`}
          data-testid="audit-retention-days"
          data-value={settings.retentionDays}
        />
        <button type="submit" className="button" disabled={pending !== null} data-testid="audit-retention-save">
          {pending === 'save' ? 'Saving…' : 'Save'}
        </button>
      </div>
      {invalid && (
        <p id={`${id}-invalid`} className="field-error" role="alert" data-testid="audit-retention-invalid">
          Retention is a whole number of days from 1 to {MAX_DAYS}.
        </p>
      )}
      {saved !== null && (
        <p className="field-ok" role="status" data-testid="audit-retention-saved">
          Records are kept for {saved} days.
        </p>
      )}
      <ActionError error={error} testId="audit-retention-error" />
      <p id={`${id}-hint`} className="hint">
        Older records are removed when the app starts and daily; a signed prune record keeps the rest verifiable.
      </p>
    </form>
  )
}
