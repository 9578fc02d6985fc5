import { useId, useState, type FormEvent } from 'react'
import type { AskFileRef, EgressPreview } from '../../../../shared/router-types'
import { useApi } from '../../api/api-context'
import { ActionError } from '../../lib/ActionError'
import { useAction } from '../../lib/use-action'
import '../../styles/router.css'
import { askRequestKey, askRequestOf, defaultProviderId, modelChoices } from './ask-request'
import { isAsking } from './ask-session'
import { AnswerPanel } from './AnswerPanel'
import { AskTargetFields } from './AskTargetFields'
import { FileRefList } from './FileRefList'
import { PreviewPanel } from './PreviewPanel'
import { useAskOptions } from './use-ask-options'
import { useAskSession } from './use-ask-session'

/** Ask: a question (with files) to one provider; preview exactly what would leave, then send and watch it stream. */
export function AskPage() {
  const api = useApi()
  const id = useId()
  const { providers, repos, retryProviders } = useAskOptions()
  const { session, stopError, start, stop } = useAskSession()
  const [question, setQuestion] = useState('')
  const [chosenProvider, setChosenProvider] = useState<string | null>(null)
  const [model, setModel] = useState('')
  const [repoId, setRepoId] = useState<number | null>(null)
  const [files, setFiles] = useState<readonly AskFileRef[]>([])
  const [preview, setPreview] = useState<{ readonly key: string; readonly value: EgressPreview } | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const previewing = useAction<'preview'>()

  const providerList = providers.kind === 'ok' ? providers.value : []
  const repoList = repos.kind === 'ok' ? repos.value : []
  const provider = chosenProvider ?? defaultProviderId(providerList)
  const chosen = providerList.find((p) => p.id === provider)
  // A model no longer offered (the allow-list changed) falls back to core's default.
  const effectiveModel = modelChoices(chosen).models.includes(model) ? model : ''
  const request = askRequestOf({ question, provider, model: effectiveModel, repoId, files })
  const asking = isAsking(session)

  function ready(): boolean {
    if (question.trim() === '') {
      setFormError('Write a question first')
      document.getElementById(`${id}-question`)?.focus()
      return false
    }
    setFormError(null)
    return true
  }

  function onSend(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    if (!asking && ready()) void start(request)
  }

  function onPreview(): void {
    if (!ready()) return
    const key = askRequestKey(request)
    void previewing.run('preview', () => api.ask.preview(request), (value) => setPreview({ key, value }))
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">Ask</h1>
        <p className="page-lede">Ask a model about your code. Secrets are scrubbed before anything leaves; preview shows exactly what would.</p>
      </header>

      {providers.kind === 'error' && (
        <div className="banner banner--error" role="alert" data-testid="ask-load-error">
          <p>Could not load the providers: {providers.error.message}</p>
          <button type="button" className="button" onClick={retryProviders}>
            Try again
          </button>
        </div>
      )}

      <form className="card ask-form" onSubmit={onSend} noValidate aria-label="Question" data-testid="ask-form">
        <label className="field-label" htmlFor={`${id}-question`}>
          Question
        </label>
        <textarea
          id={`${id}-question`}
          className="text-area"
          rows={5}
          value={question}
          onChange={(event) => {
            setQuestion(event.target.value)
            setFormError(null)
          }}
          placeholder="Why does the session expire after an hour?"
          aria-invalid={formError ? true : undefined}
          data-testid="ask-question"
        />
        {providers.kind === 'ok' && providerList.length === 0 ? (
          <p className="hint" data-testid="ask-no-providers">
            No providers yet: add one on the <a href="#/providers">Providers</a> page.
          </p>
        ) : (
          <AskTargetFields
            providers={providerList}
            repos={repoList}
            provider={provider}
            model={effectiveModel}
            repoId={repoId}
            onProvider={(next) => {
              setChosenProvider(next)
              setModel('')
            }}
            onModel={setModel}
            onRepo={setRepoId}
          />
        )}
        <FileRefList files={files} relativeTo={repoList.find((r) => r.id === repoId)?.path ?? null} onChange={setFiles} />
        <div className="field-row form-actions">
          <button type="button" className="button" disabled={provider === '' || previewing.pending !== null} onClick={onPreview} data-testid="ask-preview">
            {previewing.pending ? 'Preparing preview…' : 'Preview'}
          </button>
          <button type="submit" className="button button--primary" disabled={provider === '' || asking} data-testid="ask-send">
            {asking ? 'Sending…' : 'Send'}
          </button>
          {asking && (
            <button type="button" className="button button--danger" disabled={session.kind !== 'running' || session.stopping} onClick={() => void stop()} data-testid="ask-stop">
              Stop
            </button>
          )}
        </div>
        {formError && (
          <p className="field-error" role="alert" data-testid="ask-form-error">
            {formError}
          </p>
        )}
        <ActionError error={previewing.error} testId="preview-error" />
      </form>

      {preview && <PreviewPanel preview={preview.value} stale={preview.key !== askRequestKey(request)} />}
      {session.kind !== 'idle' && <AnswerPanel session={session} stopError={stopError} />}
    </div>
  )
}
