import { useId, useRef, useState, type FormEvent } from 'react'
import type { BridgeError, Result } from '../../../../shared/result'
import type { RepoSummary } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { useCapabilities } from '../../app/app-info'

interface AddRepositoryFormProps {
  readonly onAdd: (path: string) => Promise<Result<RepoSummary>>
}

type Busy = 'adding' | 'picking' | null

/** Path field, Add button and (where the host has a native dialog) a folder picker. */
export function AddRepositoryForm({ onAdd }: AddRepositoryFormProps) {
  const api = useApi()
  const { pickFolder } = useCapabilities()
  const [path, setPath] = useState('')
  const [error, setError] = useState<BridgeError | null>(null)
  const [busy, setBusy] = useState<Busy>(null)
  const input = useRef<HTMLInputElement>(null)
  const id = useId()
  const inputId = `${id}-path`
  const hintId = `${id}-hint`
  const errorId = `${id}-error`

  async function submit(value: string): Promise<void> {
    if (value.trim() === '') {
      // Same words as the contract's schema, without a round trip.
      setError({ code: 'invalid_input', message: 'Enter the path of a git repository' })
      input.current?.focus()
      return
    }
    setBusy('adding')
    setError(null)
    const result = await onAdd(value)
    setBusy(null)
    if (result.ok) {
      setPath('')
    } else {
      setError(result.error)
      input.current?.focus()
    }
  }

  async function choose(): Promise<void> {
    setBusy('picking')
    setError(null)
    const result = await api.dialog.pickFolder({})
    setBusy(null)
    if (!result.ok) {
      setError(result.error)
      return
    }
    if (result.value.path === null) return
    setPath(result.value.path)
    await submit(result.value.path)
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    void submit(path)
  }

  return (
    <form className="add-form" onSubmit={onSubmit} noValidate aria-label="Add repository" data-testid="add-repo-form">
      <label className="field-label" htmlFor={inputId}>
        Repository path
      </label>
      <div className="field-row">
        <input
          ref={input}
          id={inputId}
          className="text-input"
          name="path"
          type="text"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder="/home/me/src/project"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          data-testid="add-repo-path"
        />
        <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="add-repo-submit">
          {busy === 'adding' ? 'Adding…' : 'Add'}
        </button>
        {pickFolder && (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void choose()} data-testid="add-repo-pick">
            Choose folder…
          </button>
        )}
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert" data-testid="add-repo-error" data-code={error.code}>
          {error.message}
        </p>
      )}
      <p id={hintId} className="hint">
        The folder of a local git repository. Coop reads its history on this machine; nothing is uploaded.
      </p>
    </form>
  )
}
