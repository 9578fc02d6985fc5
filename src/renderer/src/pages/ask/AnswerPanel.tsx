import { useId } from 'react'
import type { BridgeError } from '../../../../shared/result'
import { ActionError } from '../../lib/ActionError'
import type { AskSession } from './ask-session'
import { OutcomeSummary } from './OutcomeSummary'

interface AnswerPanelProps {
  readonly session: Exclude<AskSession, { kind: 'idle' }>
  readonly stopError: BridgeError | null
}

/** The answer as it streams in, then how the question ended. */
export function AnswerPanel({ session, stopError }: AnswerPanelProps) {
  const id = useId()
  const text = session.kind === 'running' || session.kind === 'finished' ? session.text : ''
  const busy = session.kind === 'starting' || session.kind === 'running'
  return (
    <section className="card answer-panel" aria-labelledby={id} aria-busy={busy} data-testid="ask-answer" data-state={session.kind}>
      <h2 id={id} className="section-title">
        Answer
      </h2>
      {session.kind === 'refused' ? (
        <ActionError error={session.error} testId="ask-start-error" />
      ) : (
        <>
          {/* Not a live region: a screen reader would read every streamed word; the status line below announces the end. */}
          <div className="answer-text" data-testid="answer-text">
            {text}
            {busy && <span className="answer-caret" aria-hidden="true" />}
          </div>
          {busy && (
            <p className="muted">
              <span className="spinner" aria-hidden="true" /> {session.kind === 'starting' ? 'Sending…' : session.stopping ? 'Stopping…' : 'Answering…'}
            </p>
          )}
          {session.kind === 'finished' && <OutcomeSummary outcome={session.outcome} />}
        </>
      )}
      <ActionError error={stopError} testId="ask-stop-error" />
      <p className="visually-hidden" role="status">
        {session.kind === 'finished' ? `Finished: ${session.outcome.status}` : ''}
      </p>
    </section>
  )
}
