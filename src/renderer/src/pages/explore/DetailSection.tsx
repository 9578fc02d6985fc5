import { useId, type ReactNode } from 'react'
import type { ResultState } from '../../lib/use-result'

interface SectionCardProps {
  readonly title: string
  readonly testId: string
  readonly busy?: boolean
  /** Shown at the right of the heading: a count, a source. */
  readonly aside?: ReactNode
  readonly children: ReactNode
}

/** A card in the details column, labelled by its heading. */
export function SectionCard({ title, testId, busy = false, aside, children }: SectionCardProps) {
  const id = useId()
  return (
    <section className="card detail-card" aria-labelledby={id} aria-busy={busy} data-testid={testId}>
      <div className="detail-card-header">
        <h3 id={id} className="section-title">
          {title}
        </h3>
        {aside}
      </div>
      {children}
    </section>
  )
}

interface ResultBodyProps<T> {
  readonly state: ResultState<T>
  readonly onRetry: () => void
  readonly what: string
  readonly children: (value: T) => ReactNode
}

/** One section's loading line, error (with Try again) or content: sections load and fail independently. */
export function ResultBody<T>({ state, onRetry, what, children }: ResultBodyProps<T>) {
  switch (state.kind) {
    case 'loading':
      return (
        <p className="section-note muted" data-testid="section-loading">
          <span className="spinner" aria-hidden="true" /> Loading {what}…
        </p>
      )
    case 'error':
      return (
        <div className="section-error" role="alert" data-testid="section-error" data-code={state.error.code}>
          <p>
            Could not load {what}: {state.error.message}
          </p>
          <button type="button" className="button button--small" onClick={onRetry} disabled={state.refreshing}>
            {state.refreshing ? 'Trying again…' : 'Try again'}
          </button>
        </div>
      )
    case 'ok':
      return <div className={state.refreshing ? 'section-body section-body--refreshing' : 'section-body'}>{children(state.value)}</div>
    default:
      return state satisfies never
  }
}
