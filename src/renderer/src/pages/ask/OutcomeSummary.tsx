import type { AskOutcome, AskStatus } from '../../../../shared/router-types'
import { formatCount, formatUsd } from '../../lib/format'
import { RetentionBadge } from '../providers/RetentionBadge'

const statusView: Readonly<Record<AskStatus, { readonly label: string; readonly badge: string }>> = {
  succeeded: { label: 'Answered', badge: 'badge badge--ok' },
  failed: { label: 'Failed', badge: 'badge badge--error' },
  blocked: { label: 'Blocked by policy', badge: 'badge badge--error' },
  cancelled: { label: 'Stopped', badge: 'badge' },
}

/** How a question ended: status, who answered, tokens, cost, attempts, fallback and any error. */
export function OutcomeSummary({ outcome }: { readonly outcome: AskOutcome }) {
  const { label, badge } = statusView[outcome.status]
  return (
    <div className="outcome" data-testid="ask-outcome" data-status={outcome.status}>
      <p className="outcome-status">
        <span className={badge} data-testid="ask-status">
          {label}
        </span>{' '}
        {outcome.provider}
        {outcome.model !== '' && ` · ${outcome.model}`} <RetentionBadge mode={outcome.retentionMode} />
      </p>
      {outcome.error && (
        <p className="field-error" role="alert" data-testid="ask-error" data-code={outcome.error.code}>
          {outcome.error.message}
          {outcome.error.status !== null && ` (HTTP ${outcome.error.status})`}
        </p>
      )}
      <dl className="facts facts--inline">
        <div>
          <dt>Tokens in</dt>
          <dd data-testid="ask-tokens-in">{outcome.usage ? formatCount(outcome.usage.inputTokens) : '—'}</dd>
        </div>
        <div>
          <dt>Tokens out</dt>
          <dd data-testid="ask-tokens-out">{outcome.usage ? formatCount(outcome.usage.outputTokens) : '—'}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd data-testid="ask-cost" title={outcome.costUsd === null ? 'No price is configured for this model' : undefined}>
            {formatUsd(outcome.costUsd)}
          </dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd data-testid="ask-attempts">{formatCount(outcome.attempts)}</dd>
        </div>
        <div>
          <dt>Redactions</dt>
          <dd data-testid="ask-redactions">{formatCount(outcome.redactions)}</dd>
        </div>
        {outcome.fallbackFrom.length > 0 && (
          <div>
            <dt>Fell back from</dt>
            <dd data-testid="ask-fallback">{outcome.fallbackFrom.join(', ')}</dd>
          </div>
        )}
      </dl>
    </div>
  )
}
