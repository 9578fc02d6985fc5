import type { OwnersReport } from '../../../../shared/graph-types'
import { barPercent, formatShare } from '../../lib/bars'
import { colourOf } from '../../lib/owner-identity'
import { OwnerBadge } from './OwnerBadge'

const ACTUAL_SHOWN = 3

/** What CODEOWNERS says next to what history shows, so drift between the two is visible at a glance. */
export function DeclaredVsActual({ report }: { readonly report: OwnersReport }) {
  const { declared, declaredBy, owners } = report
  const declaredEmails = new Set(declared.flatMap((d) => (d.person ? [d.person.email.toLowerCase()] : [])))
  const declaredShare = declared.reduce((sum, d) => sum + d.share, 0)
  const actual = [...owners].sort((a, b) => b.share - a.share).slice(0, ACTUAL_SHOWN)
  return (
    <div className="declared-actual" data-testid="declared-vs-actual">
      <div className="declared-column">
        <h4 className="column-title">Declared in CODEOWNERS</h4>
        {declaredBy ? (
          <p className="column-source muted" data-testid="declared-by">
            from <code>{declaredBy}</code>
          </p>
        ) : (
          <p className="column-source muted">No CODEOWNERS rule covers this path.</p>
        )}
        {declared.length > 0 && (
          <ul className="mini-list">
            {declared.map((d) => (
              <li key={d.owner} className="mini-row" data-testid="declared-owner" data-owner={d.owner} data-share={d.share} data-matched={d.person !== null}>
                <code className="declared-handle">{d.owner}</code>
                {d.person ? (
                  <>
                    <span className="mini-person" title={`${d.person.name} <${d.person.email}>`}>
                      {d.person.name}
                    </span>
                    <MiniBar share={d.share} colour={colourOf(d.person.email)} />
                  </>
                ) : (
                  <span className="mini-person muted" data-testid="declared-unmatched">
                    No match in history
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {declared.length > 0 && (
          <p className="hint" data-testid="declared-share">
            Declared owners did {formatShare(declaredShare)} of the work.
          </p>
        )}
      </div>
      <div className="declared-column">
        <h4 className="column-title">Actual</h4>
        <p className="column-source muted">from the history of this path</p>
        {actual.length === 0 ? (
          <p className="muted">Nobody yet.</p>
        ) : (
          <ul className="mini-list">
            {actual.map((owner) => (
              <li key={owner.email} className="mini-row" data-testid="actual-owner" data-email={owner.email}>
                <OwnerBadge owner={owner} />
                <span className="mini-person" title={`${owner.name} <${owner.email}>`}>
                  {owner.name}
                  {declaredEmails.has(owner.email.toLowerCase()) && <span className="declared-mark"> (declared)</span>}
                </span>
                <MiniBar share={owner.share} colour={colourOf(owner.email)} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}

function MiniBar({ share, colour }: { readonly share: number; readonly colour: string }) {
  return (
    <span className="mini-bar">
      <span className="mini-bar-track" aria-hidden="true">
        <span className="mini-bar-fill" style={{ width: `${barPercent(share, 1)}%`, backgroundColor: colour }} />
      </span>
      <span className="mini-bar-value">{formatShare(share)}</span>
    </span>
  )
}
