import { useId, useRef, useState, type FormEvent } from 'react'
import type { BlameReport } from '../../../../shared/graph-types'
import type { BridgeError } from '../../../../shared/result'
import { useApi } from '../../api/api-context'
import { formatCount, formatDate, formatDateTime, shortHash } from '../../lib/format'
import { colourOf } from '../../lib/owner-identity'
import { SectionCard } from './DetailSection'
import { formatLineRanges } from './line-ranges'

type BlameState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly report: BlameReport }
  | { readonly kind: 'error'; readonly error: BridgeError }

/** "Who last touched lines a–b": git blame for a line range, one entry per commit with its lines. */
export function BlameSection({ repoId, path }: { readonly repoId: number; readonly path: string }) {
  const api = useApi()
  const id = useId()
  const [from, setFrom] = useState('1')
  const [to, setTo] = useState('30')
  const [state, setState] = useState<BlameState>({ kind: 'idle' })
  const calls = useRef(0)
  const errorId = `${id}-error`

  async function show(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    const start = Number(from)
    const end = Number(to)
    const invalid =
      !Number.isInteger(start) || start < 1 || !Number.isInteger(end) || end < 1
        ? 'Line numbers are whole numbers from 1.'
        : end < start
          ? '“To line” must not be before “From line”.'
          : null
    if (invalid) {
      setState({ kind: 'error', error: { code: 'invalid_input', message: invalid } })
      return
    }
    const call = ++calls.current
    setState({ kind: 'loading' })
    const result = await api.graph.blame({ repoId, path, start, end })
    if (call !== calls.current) return
    setState(result.ok ? { kind: 'ok', report: result.value } : { kind: 'error', error: result.error })
  }

  const invalid = state.kind === 'error' ? true : undefined
  return (
    <SectionCard title="Line history" testId="blame-section" busy={state.kind === 'loading'}>
      <form className="blame-form" onSubmit={(event) => void show(event)} noValidate aria-label="Line range">
        <div className="blame-field">
          <label htmlFor={`${id}-from`} className="field-label">
            From line
          </label>
          <input
            id={`${id}-from`}
            className="text-input number-input"
            type="number"
            min={1}
            inputMode="numeric"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            aria-invalid={invalid}
            aria-describedby={invalid ? errorId : undefined}
            data-testid="blame-from"
          />
        </div>
        <div className="blame-field">
          <label htmlFor={`${id}-to`} className="field-label">
            To line
          </label>
          <input
            id={`${id}-to`}
            className="text-input number-input"
            type="number"
            min={1}
            inputMode="numeric"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            aria-invalid={invalid}
            aria-describedby={invalid ? errorId : undefined}
            data-testid="blame-to"
          />
        </div>
        <button type="submit" className="button button--primary" disabled={state.kind === 'loading'} data-testid="blame-show">
          {state.kind === 'loading' ? 'Reading…' : 'Show'}
        </button>
      </form>
      {state.kind === 'idle' && <p className="hint">Which commits last changed these lines, at the indexed commit.</p>}
      {state.kind === 'error' && (
        <p id={errorId} className="field-error" role="alert" data-testid="blame-error" data-code={state.error.code}>
          {state.error.message}
        </p>
      )}
      {state.kind === 'ok' && <BlameCommits report={state.report} path={path} />}
    </SectionCard>
  )
}

function BlameCommits({ report, path }: { readonly report: BlameReport; readonly path: string }) {
  if (report.commits.length === 0) return <p className="section-note muted">No commits found for lines {report.start}–{report.end}.</p>
  // Blame covers every line of the range that exists, so a shorter cover means the file ends there.
  const lastLine = Math.max(...report.commits.flatMap((commit) => commit.ranges.map(([, b]) => b)))
  const shown = Math.min(report.end, lastLine)
  return (
    <>
      <p className="hint" role="status">
        Lines {formatCount(report.start)}–{formatCount(shown)}: {formatCount(report.commits.length)}{' '}
        {report.commits.length === 1 ? 'commit' : 'commits'}
        {lastLine < report.end && ` (the file ends at line ${formatCount(lastLine)})`}
      </p>
      <ul className="blame-list">
        {report.commits.map((commit) => (
          <li key={commit.hash} className="blame-item" data-testid="blame-commit" data-hash={commit.hash} style={{ borderLeftColor: colourOf(commit.author.email) }}>
            <p className="timeline-subject">{commit.subject || <span className="muted">(no message)</span>}</p>
            <p className="timeline-meta">
              <time dateTime={commit.authoredAt} title={formatDateTime(commit.authoredAt)}>
                {formatDate(commit.authoredAt)}
              </time>
              <span>{commit.author.name}</span>
              <code title={commit.hash}>{shortHash(commit.hash)}</code>
              {commit.filename !== path && (
                <span>
                  as <code>{commit.filename}</code>
                </span>
              )}
            </p>
            <p className="blame-ranges" data-testid="blame-ranges">
              {formatLineRanges(commit.ranges)}
            </p>
          </li>
        ))}
      </ul>
    </>
  )
}
