import { useEffect, useRef, useState } from 'react'
import type { BridgeError, Result } from '../../../../shared/result'
import type { RepoSummary } from '../../../../shared/types'
import { formatCount, formatDateTime, formatRelativeTime, shortHash } from '../../lib/format'
import { RepoProgress } from './RepoProgress'
import type { RepoStatus } from './repos-state'

interface RepoRowProps {
  readonly repo: RepoSummary
  readonly status: RepoStatus
  readonly now: number
  readonly onReindex: (repo: RepoSummary) => Promise<Result<unknown>>
  readonly onRemove: (repo: RepoSummary) => Promise<Result<unknown>>
}

type Pending = 'reindex' | 'remove' | null

export function RepoRow({ repo, status, now, onReindex, onRemove }: RepoRowProps) {
  const [confirming, setConfirming] = useState(false)
  const [pending, setPending] = useState<Pending>(null)
  const [actionError, setActionError] = useState<BridgeError | null>(null)
  const removeButton = useRef<HTMLButtonElement>(null)
  const cancelButton = useRef<HTMLButtonElement>(null)
  const wasConfirming = useRef(false)
  const head = shortHash(repo.head)
  const errorId = `repo-${repo.id}-action-error`
  const questionId = `repo-${repo.id}-remove-question`

  // Destructive step: focus lands on Cancel; leaving the step puts focus back on Remove.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus()
    else if (wasConfirming.current) removeButton.current?.focus()
    wasConfirming.current = confirming
  }, [confirming])

  async function run(kind: Exclude<Pending, null>, action: () => Promise<Result<unknown>>): Promise<void> {
    setPending(kind)
    setActionError(null)
    const result = await action()
    setPending(null)
    if (!result.ok) setActionError(result.error)
  }

  return (
    <tr
      className="repo-row"
      data-testid="repo-row"
      data-repo-path={repo.path}
      data-repo-id={repo.id}
      aria-busy={status.kind === 'indexing'}
    >
      <th scope="row" className="repo-name-cell">
        <span className="repo-name" data-testid="repo-name" title={repo.name}>
          {repo.name}
        </span>
        <span className="repo-path" data-testid="repo-path" title={repo.path}>
          {repo.path}
        </span>
      </th>
      <CountCell testId="repo-commits" label="Commits" value={repo.commits} />
      <CountCell testId="repo-files" label="Files" value={repo.files} />
      <CountCell testId="repo-people" label="People" value={repo.people} />
      <td data-label="Last indexed" data-testid="repo-last-indexed" data-value={repo.lastIndexedAt ?? ''}>
        {repo.lastIndexedAt ? (
          <time dateTime={repo.lastIndexedAt} title={formatDateTime(repo.lastIndexedAt)}>
            {formatRelativeTime(repo.lastIndexedAt, now)}
          </time>
        ) : (
          <span className="muted">Never</span>
        )}
        {head && (
          <span className="repo-head" data-testid="repo-head" data-value={repo.head ?? ''}>
            at <code title={repo.head ?? undefined}>{head}</code>
          </span>
        )}
      </td>
      <td data-label="Status" data-testid="repo-state" data-value={status.kind} data-state={status.kind} className="status-cell">
        <StatusView repo={repo} status={status} />
      </td>
      <td data-label="Actions" className="actions-cell">
        {confirming ? (
          <div className="confirm" role="group" aria-labelledby={questionId}>
            <span id={questionId} className="confirm-question">
              Remove {repo.name} from Coop? Files on disk stay untouched.
            </span>
            <div className="actions">
              <button
                type="button"
                className="button button--danger"
                data-testid="repo-remove-confirm"
                disabled={pending !== null}
                onClick={() => void run('remove', () => onRemove(repo)).then(() => setConfirming(false))}
              >
                {pending === 'remove' ? 'Removing…' : 'Remove'}
              </button>
              <button
                type="button"
                className="button"
                ref={cancelButton}
                data-testid="repo-remove-cancel"
                disabled={pending !== null}
                onClick={() => setConfirming(false)}
              >
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button
              type="button"
              className="button"
              data-testid="repo-reindex"
              disabled={pending !== null || status.kind === 'indexing'}
              aria-describedby={actionError ? errorId : undefined}
              onClick={() => void run('reindex', () => onReindex(repo))}
            >
              {pending === 'reindex' ? 'Starting…' : 'Re-index'}
            </button>
            <button
              type="button"
              className="button button--quiet"
              ref={removeButton}
              data-testid="repo-remove"
              disabled={pending !== null}
              onClick={() => {
                setActionError(null)
                setConfirming(true)
              }}
            >
              Remove
            </button>
          </div>
        )}
        {actionError && (
          <p id={errorId} className="field-error" role="alert" data-testid="repo-action-error">
            {actionError.message}
          </p>
        )}
      </td>
    </tr>
  )
}

function CountCell({ testId, label, value }: { readonly testId: string; readonly label: string; readonly value: number }) {
  return (
    <td className="num" data-label={label} data-testid={testId} data-value={value}>
      {formatCount(value)}
    </td>
  )
}

function StatusView({ repo, status }: { readonly repo: RepoSummary; readonly status: RepoStatus }) {
  switch (status.kind) {
    case 'idle':
      return status.indexed ? <span className="badge badge--ok">Indexed</span> : <span className="badge">Not indexed</span>
    case 'indexing':
      return (
        <>
          <span className="badge badge--busy">Indexing</span>
          <RepoProgress repoName={repo.name} phase={status.phase} done={status.done} total={status.total} />
        </>
      )
    case 'failed':
      return (
        <>
          <span className="badge badge--error">Failed</span>
          <p className="row-error" data-testid="repo-error" data-code={status.error.code}>
            {status.error.message}
          </p>
        </>
      )
    default:
      return status satisfies never
  }
}
