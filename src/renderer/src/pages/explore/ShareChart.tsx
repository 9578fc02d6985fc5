import type { Owner } from '../../../../shared/graph-types'
import { barPercent, formatShare } from '../../lib/bars'
import { formatCount, formatDateTime, formatRelativeTime } from '../../lib/format'
import { colourOf } from '../../lib/owner-identity'
import { useNow } from '../../lib/use-now'
import { OwnerBadge } from './OwnerBadge'
import { shareBars } from './owners-model'

/** Horizontal bars of ownership shares: the top eight people, the rest as "Others". */
export function ShareChart({ owners }: { readonly owners: readonly Owner[] }) {
  const now = useNow()
  const bars = shareBars(owners, 8)
  const max = Math.max(...bars.map((bar) => bar.share))
  return (
    <ul className="bar-list" aria-label="Share of the work">
      {bars.map((bar) => {
        const owner = bar.owner
        return (
          <li
            key={bar.key}
            className="bar-item"
            data-testid={owner ? 'owner-row' : 'owner-others'}
            data-email={owner?.email}
            data-share={bar.share}
          >
            <div className="bar-label">
              {owner ? <OwnerBadge owner={owner} size="medium" /> : <span className="owner-badge owner-badge--medium owner-badge--others" aria-hidden="true">+</span>}
              <span className="bar-name" title={owner ? `${owner.name} <${owner.email}>` : `${bar.people} more people`}>
                {bar.label}
              </span>
              {owner?.bot && <span className="kind-tag">bot</span>}
            </div>
            <div className="bar-track" aria-hidden="true">
              <div
                className={owner ? 'bar-fill' : 'bar-fill bar-fill--others'}
                style={{ width: `${barPercent(bar.share, max)}%`, backgroundColor: owner ? colourOf(owner.email) : undefined }}
              />
            </div>
            <span className="bar-value">{formatShare(bar.share)}</span>
            {owner && (
              <span className="bar-meta">
                {formatCount(owner.commits)} {owner.commits === 1 ? 'commit' : 'commits'} ·{' '}
                <span className="added">+{formatCount(owner.linesAdded)}</span> <span className="removed">−{formatCount(owner.linesRemoved)}</span> · active{' '}
                <time dateTime={owner.lastActive} title={formatDateTime(owner.lastActive)}>
                  {formatRelativeTime(owner.lastActive, now)}
                </time>
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}
