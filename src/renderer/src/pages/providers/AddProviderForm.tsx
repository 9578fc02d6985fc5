import { useId, useState, type FormEvent } from 'react'
import { defaultBaseUrl, PROVIDER_KINDS, type ProviderKind } from '../../../../shared/provider-kinds'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { useAction } from '../../lib/use-action'
import { parseAddProvider, type AddProviderFields } from './parse-add-provider'

const empty: AddProviderFields = { id: '', kind: 'openai-compatible', baseUrl: '', models: '', timeoutMs: '' }

/** Id, kind, base URL, models and timeout of a new provider. It starts enabled; its key is set on its card. */
export function AddProviderForm({ onAdded }: { readonly onAdded: () => void }) {
  const api = useApi()
  const id = useId()
  const [fields, setFields] = useState<AddProviderFields>(empty)
  const [invalid, setInvalid] = useState<{ field: keyof AddProviderFields; message: string } | null>(null)
  const { pending, error, run } = useAction<'add'>()
  const placeholder = defaultBaseUrl(fields.kind) ?? 'http://localhost:11434/v1'

  function set<K extends keyof AddProviderFields>(field: K, value: AddProviderFields[K]): void {
    setFields((current) => ({ ...current, [field]: value }))
    if (invalid?.field === field) setInvalid(null)
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    const parsed = parseAddProvider(fields)
    if (!parsed.ok) {
      setInvalid({ field: parsed.field, message: parsed.message })
      document.getElementById(`${id}-${parsed.field}`)?.focus()
      return
    }
    setInvalid(null)
    if (await run('add', () => api.providers.add(parsed.request))) {
      setFields(empty)
      onAdded()
    }
  }

  const fieldProps = (field: keyof AddProviderFields) => ({
    id: `${id}-${field}`,
    'aria-invalid': invalid?.field === field ? true : undefined,
    'aria-describedby': invalid?.field === field ? `${id}-invalid` : undefined,
  })

  return (
    <form className="add-provider-form" onSubmit={(event) => void submit(event)} noValidate aria-label="Add provider" data-testid="add-provider-form">
      <div className="form-grid">
        <label className="stacked-field">
          <span className="field-label">Id</span>
          <input {...fieldProps('id')} className="text-input" value={fields.id} onChange={(event) => set('id', event.target.value)} placeholder="ollama" autoComplete="off" spellCheck={false} data-testid="add-provider-id" />
        </label>
        <label className="stacked-field">
          <span className="field-label">Kind</span>
          <select {...fieldProps('kind')} className="select" value={fields.kind} onChange={(event) => set('kind', event.target.value as ProviderKind)} data-testid="add-provider-kind">
            {PROVIDER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        <label className="stacked-field stacked-field--wide">
          <span className="field-label">Base URL{defaultBaseUrl(fields.kind) !== null && <span className="muted"> (optional)</span>}</span>
          <input {...fieldProps('baseUrl')} className="text-input" value={fields.baseUrl} onChange={(event) => set('baseUrl', event.target.value)} placeholder={placeholder} autoComplete="off" spellCheck={false} data-testid="add-provider-base-url" />
        </label>
        <label className="stacked-field stacked-field--wide">
          <span className="field-label">Models</span>
          <input {...fieldProps('models')} className="text-input" value={fields.models} onChange={(event) => set('models', event.target.value)} placeholder="llama3.1:8b, qwen2.5-coder" spellCheck={false} data-testid="add-provider-models" />
        </label>
        <label className="stacked-field">
          <span className="field-label">Timeout (ms)</span>
          <input {...fieldProps('timeoutMs')} className="text-input" inputMode="numeric" value={fields.timeoutMs} onChange={(event) => set('timeoutMs', event.target.value)} placeholder="60000" data-testid="add-provider-timeout" />
        </label>
      </div>
      <div className="field-row form-actions">
        <button type="submit" className="button button--primary" disabled={pending !== null} data-testid="add-provider-submit">
          {pending === 'add' ? 'Adding…' : 'Add provider'}
        </button>
      </div>
      {invalid && (
        <p id={`${id}-invalid`} className="field-error" role="alert" data-testid="add-provider-invalid">
          {invalid.message}
        </p>
      )}
      <ActionError error={error} testId="add-provider-error" />
      <p className="hint">
        openai-compatible is any server that speaks the OpenAI API (Ollama, llama.cpp, vLLM, LM Studio); on this machine or a private network it counts as local.
      </p>
    </form>
  )
}
