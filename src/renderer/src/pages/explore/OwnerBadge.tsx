import { formatShare } from '../../lib/bars'
import { colourOf, initialsOf } from '../../lib/owner-identity'

interface OwnerBadgeProps {
  readonly owner: { readonly name: string; readonly email: string; readonly share?: number }
  readonly size?: 'small' | 'medium'
}

/** A person's initials in a circle of their colour; hover (or a screen reader) gives the name and share. */
export function OwnerBadge({ owner, size = 'small' }: OwnerBadgeProps) {
  const name = owner.name || owner.email
  const label = owner.share === undefined ? name : `${name} — ${formatShare(owner.share)}`
  return (
    <span
      className={`owner-badge owner-badge--${size}`}
      style={{ backgroundColor: colourOf(owner.email) }}
      title={label}
      role="img"
      aria-label={owner.share === undefined ? name : `Top owner ${label}`}
      data-testid="owner-badge"
      data-email={owner.email}
    >
      {initialsOf(owner.name, owner.email)}
    </span>
  )
}
