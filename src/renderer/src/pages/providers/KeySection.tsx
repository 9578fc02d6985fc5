import { useId, useRef, useState, type FormEvent } from 'react'
import type { ProviderView } from '../../../../shared/router-types'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { formatDateTime, formatRelativeTime } from '../../lib/format'
import { useAction } from '../../lib/use-action'
import { useNow } from '../../lib/use-now'

interface KeySectionProps {
  readonly provider: ProviderView
  readonly onChanged: () => void
}

/** `openai` → COOP_OPENAI_API_KEY: core's rule (keys/key-store.ts), repeated to name the variable on screen. */
function envVariableFor(provider: string): string {
  return `COOP_${provider.toUpperCase().replaceAll('-', '_')}_API_KEY`
}

/**
 * The provider's key as Coop shows it: fingerprint, source, last use. The field is write-only: the
 * input is uncontrolled so the key never enters React state or a DOM attribute, it is emptied once
 * sent, and only the fingerprint core answers with comes back.
 */
export function KeySection({ provider, onChanged }: KeySectionProps) {
  const api = useApi()
  const now = useNow()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const { pending, error, run, clearError } = useAction<'save' | 'remove'>()
  const { key } = provider
  const envName = envVariableFor(provider.id)

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    const field = input.current
    if (!field) return
    const value = field.value
    field.value = ''
    setSaved(null)
    if (value.trim() === '') {
      field.focus()
      return
    }
    const ok = await run('save', () => api.providers.setKey({ id: provider.id, key: value }), ({ fingerprint }) => setSaved(fingerprint))
    if (ok) onChanged()
  }

  async function remove(): Promise<void> {
    setSaved(null)
    if (await run('remove', () => api.providers.removeKey({ id: provider.id }))) onChanged()
  }

  return (
    <section className="provider-section" aria-labelledby={`${id}-title`} data-testid="provider-key">
      <h4 id={`${id}-title`} className="subsection-title">
        API key
      </h4>
      {key ? (
        <dl className="facts">
          <div>
            <dt>Fingerprint</dt>
            <dd>
              <code data-testid="key-fingerprint">{key.fingerprint}</code>
            </dd>
          </div>
          <div>
            <dt>Source</dt>
            <dd data-testid="key-source" data-value={key.source}>
              {key.source === 'env' ? (
                <>
                  Environment variable <code>{envName}</code>
                </>
              ) : (
                'System keychain'
              )}
            </dd>
          </div>
          <div>
            <dt>Last used</dt>
            <dd data-testid="key-last-used" data-value={key.lastUsedAt ?? ''}>
              {key.lastUsedAt ? (
                <time dateTime={key.lastUsedAt} title={formatDateTime(key.lastUsedAt)}>
                  {formatRelativeTime(key.lastUsedAt, now)}
                </time>
              ) : (
                <span className="muted">Never</span>
              )}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="muted" data-testid="key-none">
          No key.{provider.local ? ' A local server usually needs none.' : ''}
        </p>
      )}
      {key?.missing && (
        <p className="field-error" data-testid="key-missing">
          The keychain no longer has this key (deleted outside Coop, or another keyring). Set it again or remove it.
        </p>
      )}
      {key?.source === 'env' && <p className="hint">{envName} is set, so it wins over a key in the keychain.</p>}

      <form className="key-form" onSubmit={(event) => void save(event)} noValidate>
        <label className="field-label" htmlFor={`${id}-key`}>
          {key ? 'Replace key' : 'Set key'}
        </label>
        <div className="field-row">
          <input
            ref={input}
            id={`${id}-key`}
            className="text-input"
            type="password"
            name="key"
            autoComplete="off"
            spellCheck={false}
            placeholder="Paste the API key"
            onChange={clearError}
            aria-describedby={`${id}-key-hint`}
            data-testid="key-input"
          />
          <button type="submit" className="button button--primary" disabled={pending !== null} data-testid="key-save">
            {pending === 'save' ? 'Saving…' : 'Save key'}
          </button>
          {key?.source === 'keychain' && (
            <button type="button" className="button button--quiet" disabled={pending !== null} onClick={() => void remove()} data-testid="key-remove">
              {pending === 'remove' ? 'Removing…' : 'Remove key'}
            </button>
          )}
        </div>
        <p id={`${id}-key-hint`} className="hint">
          Goes to the system keychain. Coop never shows it again: only its fingerprint.
        </p>
        {saved && (
          <p className="field-ok" role="status" data-testid="key-saved">
            Saved. Fingerprint <code>{saved}</code>
          </p>
        )}
        <ActionError error={error} testId="key-error" />
      </form>
    </section>
  )
}
