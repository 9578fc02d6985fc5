import { useId } from 'react'
import type { ProviderView } from '../../../../shared/router-types'
import { formatCount } from '../../lib/format'
import { ApprovalSection } from './ApprovalSection'
import { FindingsList } from './FindingsList'
import { KeySection } from './KeySection'
import { PostureSection } from './PostureSection'
import { ProviderControls } from './ProviderControls'
import { RetentionBadge } from './RetentionBadge'
import { RetentionSettings } from './RetentionSettings'

interface ProviderCardProps {
  readonly provider: ProviderView
  readonly onChanged: () => void
}

/** One configured provider: where it is, its key, its policy standing and what the user recorded. */
export function ProviderCard({ provider, onChanged }: ProviderCardProps) {
  const id = useId()
  const { policy } = provider
  // Approval matters for providers without a no-training commitment (or without a policy entry).
  const needsApproval = policy.posture === null || !policy.posture.noTraining
  return (
    <article className="card provider-card" aria-labelledby={id} data-testid="provider-card" data-provider-id={provider.id} data-blocked={policy.blockedReason !== null}>
      <header className="provider-header">
        <div className="provider-title">
          <h3 id={id} className="provider-name">
            {provider.id}
          </h3>
          <span className="kind-tag" data-testid="provider-kind">
            {provider.kind}
          </span>
          <span className={provider.local ? 'badge badge--ok' : 'badge'} data-testid="provider-locality" data-value={provider.local ? 'local' : 'remote'}>
            {provider.local ? 'Local' : 'Remote'}
          </span>
          <RetentionBadge mode={policy.retentionMode} />
        </div>
        <ProviderControls provider={provider} onChanged={onChanged} />
      </header>
      <p className="provider-meta">
        <code data-testid="provider-base-url">{provider.baseUrl ?? 'no base URL'}</code>
        {provider.baseUrlOverridden ? '' : ' (default)'} · timeout {formatCount(provider.timeoutMs / 1000)} s · models:{' '}
        <span data-testid="provider-models">{provider.models.length > 0 ? provider.models.map((m) => m.model).join(', ') : 'none listed'}</span>
      </p>
      {policy.blockedReason !== null && (
        <p className="provider-blocked" data-testid="provider-blocked">
          <strong>Not called:</strong> {policy.blockedReason}
        </p>
      )}
      <div className="provider-grid">
        <KeySection provider={provider} onChanged={onChanged} />
        <PostureSection posture={policy.posture} />
      </div>
      <section className="provider-section" aria-label={`Findings for ${provider.id}`} data-testid="provider-findings">
        <h4 className="subsection-title">Findings</h4>
        <FindingsList findings={policy.findings} />
      </section>
      <div className="provider-grid">
        {(needsApproval || policy.approval !== null) && <ApprovalSection provider={provider} onChanged={onChanged} />}
        <RetentionSettings provider={provider} onChanged={onChanged} />
      </div>
    </article>
  )
}
