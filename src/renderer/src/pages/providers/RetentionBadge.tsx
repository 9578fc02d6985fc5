import type { RetentionMode } from '../../../../shared/router-types'
import { retentionLabels } from './policy-labels'

/** The retention mode a request to a provider is sent under, with its meaning on hover. */
export function RetentionBadge({ mode }: { readonly mode: RetentionMode }) {
  const { label, description } = retentionLabels[mode]
  return (
    <span className={`badge retention-badge retention-badge--${mode}`} title={description} data-testid="retention-mode" data-value={mode}>
      {label}
    </span>
  )
}
