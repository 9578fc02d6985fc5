import { useId, useState, type FormEvent } from 'react'
import type { ProviderView } from '../../../../shared/router-types'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { useAction } from '../../lib/use-action'
import { formatModelList, parseModelList } from './model-list'

interface RetentionSettingsProps {
  readonly provider: ProviderView
  readonly onChanged: () => void
}

/**
 * What the user records about a provider: the date a zero-retention agreement was verified (requests
 * then go under `contract`), and which models may be called (empty: any).
 */
export function RetentionSettings({ provider, onChanged }: RetentionSettingsProps) {
  const api = useApi()
  const id = useId()
  const { policy } = provider
  const [agreement, setAgreement] = useState(policy.agreementVerifiedOn ?? '')
  const [allowed, setAllowed] = useState(formatModelList(policy.allowedModels))
  const [saved, setSaved] = useState<string | null>(null)
  const { pending, error, run } = useAction<'agreement' | 'clear-agreement' | 'allow'>()
  const offered = provider.models.map((m) => m.model)

  async function update(name: 'agreement' | 'clear-agreement' | 'allow', change: { agreementVerifiedOn?: string | null; allowedModels?: string[] }, done: string): Promise<void> {
    setSaved(null)
    if (!(await run(name, () => api.providers.update({ id: provider.id, ...change })))) return
    setSaved(done)
    onChanged()
  }

  function saveAgreement(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    if (agreement === '') void update('clear-agreement', { agreementVerifiedOn: null }, 'No agreement recorded.')
    else void update('agreement', { agreementVerifiedOn: agreement }, `Agreement verified on ${agreement} recorded.`)
  }

  function saveAllowList(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    const models = parseModelList(allowed)
    setAllowed(formatModelList(models))
    void update('allow', { allowedModels: models }, models.length > 0 ? `Allowed models: ${formatModelList(models)}.` : 'Any model is allowed.')
  }

  return (
    <section className="provider-section" aria-labelledby={`${id}-title`} data-testid="provider-retention">
      <h4 id={`${id}-title`} className="subsection-title">
        Agreement and models
      </h4>
      <form className="inline-form" onSubmit={saveAgreement} noValidate>
        <label className="field-label" htmlFor={`${id}-agreement`}>
          Zero-retention agreement verified on
        </label>
        <div className="field-row">
          <input
            id={`${id}-agreement`}
            className="text-input text-input--short"
            type="date"
            value={agreement}
            onChange={(event) => setAgreement(event.target.value)}
            data-testid="agreement-date"
            data-value={policy.agreementVerifiedOn ?? ''}
          />
          <button type="submit" className="button" disabled={pending !== null} data-testid="agreement-save">
            {pending === 'agreement' ? 'Saving…' : 'Record'}
          </button>
          {policy.agreementVerifiedOn !== null && (
            <button
              type="button"
              className="button button--quiet"
              disabled={pending !== null}
              onClick={() => {
                setAgreement('')
                void update('clear-agreement', { agreementVerifiedOn: null }, 'Agreement forgotten.')
              }}
              data-testid="agreement-clear"
            >
              Forget agreement
            </button>
          )}
        </div>
        <p className="hint">Only record an agreement your organisation has signed and you have checked.</p>
      </form>

      <form className="inline-form" onSubmit={saveAllowList} noValidate>
        <label className="field-label" htmlFor={`${id}-allow`}>
          Allowed models
        </label>
        <div className="field-row">
          <input
            id={`${id}-allow`}
            className="text-input"
            value={allowed}
            onChange={(event) => setAllowed(event.target.value)}
            placeholder="Any model"
            spellCheck={false}
            aria-describedby={`${id}-allow-hint`}
            data-testid="allow-list-input"
          />
          <button type="submit" className="button" disabled={pending !== null} data-testid="allow-list-save">
            {pending === 'allow' ? 'Saving…' : 'Save'}
          </button>
        </div>
        <p id={`${id}-allow-hint`} className="hint">
          Comma-separated; empty allows any model.{offered.length > 0 && ` This provider lists ${formatModelList(offered)}.`}
        </p>
      </form>
      {saved && (
        <p className="field-ok" role="status" data-testid="retention-saved">
          {saved}
        </p>
      )}
      <ActionError error={error} testId="retention-error" />
    </section>
  )
}
