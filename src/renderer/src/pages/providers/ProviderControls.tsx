import { useEffect, useRef, useState } from 'react'
import type { ProviderView } from '../../../../shared/router-types'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { useAction } from '../../lib/use-action'

interface ProviderControlsProps {
  readonly provider: ProviderView
  readonly onChanged: () => void
}

/** The enabled switch and Remove (with a confirmation step: removing forgets the provider's settings). */
export function ProviderControls({ provider, onChanged }: ProviderControlsProps) {
  const api = useApi()
  const [confirming, setConfirming] = useState(false)
  const { pending, error, run } = useAction<'enable' | 'remove'>()
  const cancel = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (confirming) cancel.current?.focus()
  }, [confirming])

  async function setEnabled(enabled: boolean): Promise<void> {
    if (await run('enable', () => api.providers.setEnabled({ id: provider.id, enabled }))) onChanged()
  }

  async function remove(): Promise<void> {
    if (await run('remove', () => api.providers.remove({ id: provider.id }))) onChanged()
  }

  return (
    <div className="provider-controls">
      <label className="switch">
        <input type="checkbox" role="switch" checked={provider.enabled} disabled={pending !== null} onChange={(event) => void setEnabled(event.target.checked)} data-testid="provider-enabled" />
        <span>Enabled</span>
      </label>
      {confirming ? (
        <span className="confirm-inline" role="group" aria-label={`Remove ${provider.id}?`}>
          <span>Remove {provider.id}? Its key stays in the keychain until you remove it.</span>
          <button type="button" className="button button--danger button--small" disabled={pending !== null} onClick={() => void remove()} data-testid="provider-remove-confirm">
            {pending === 'remove' ? 'Removing…' : 'Remove'}
          </button>
          <button type="button" ref={cancel} className="button button--small" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(true)} data-testid="provider-remove">
          Remove
        </button>
      )}
      <ActionError error={error} testId="provider-error" />
    </div>
  )
}
