import { useId } from 'react'
import type { ProviderPosture } from '../../../../shared/router-types'

/** The provider's published data-use posture from Coop's policy table, with links to check it against. */
export function PostureSection({ posture }: { readonly posture: ProviderPosture | null }) {
  const id = useId()
  return (
    <section className="provider-section" aria-labelledby={id} data-testid="provider-posture">
      <h4 id={id} className="subsection-title">
        Data use
      </h4>
      {posture ? (
        <>
          <p>
            <strong>{posture.name}</strong>{' '}
            {posture.noTraining ? (
              <span className="badge badge--ok" data-testid="posture-training" data-value="no-training">
                Not used for training
              </span>
            ) : (
              <span className="badge badge--error" data-testid="posture-training" data-value="may-train">
                No no-training commitment
              </span>
            )}
          </p>
          <p className="posture-retention">{posture.retention}</p>
          {posture.policyLinks.length > 0 && (
            <ul className="policy-links">
              {posture.policyLinks.map((link) => (
                <li key={link.url}>
                  {/* Opens outside the app: Electron hands https links to the system browser. */}
                  <a href={link.url} target="_blank" rel="noopener noreferrer" data-testid="policy-link">
                    {link.title}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <p className="hint" data-testid="posture-verified" data-value={posture.verifiedOn}>
            Checked against the published terms on <time dateTime={posture.verifiedOn}>{posture.verifiedOn}</time>.
          </p>
        </>
      ) : (
        <p className="muted">Coop’s policy table has no entry for this kind.</p>
      )}
    </section>
  )
}
