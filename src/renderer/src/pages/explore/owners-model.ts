import type { Owner } from '../../../../shared/graph-types'

export interface ShareBar {
  readonly key: string
  readonly label: string
  /** null for the grouped "Others" bar. */
  readonly email: string | null
  readonly share: number
  /** How many people the "Others" bar stands for (1 for a person). */
  readonly people: number
  readonly owner: Owner | null
}

/** The largest `top` owners by share, and the rest summed into one "Others" bar. */
export function shareBars(owners: readonly Owner[], top = 8): ShareBar[] {
  const sorted = [...owners].sort((a, b) => b.share - a.share || a.name.localeCompare(b.name))
  const shown = sorted.length > top ? sorted.slice(0, top) : sorted
  const bars: ShareBar[] = shown.map((owner) => ({ key: owner.email, label: owner.name || owner.email, email: owner.email, share: owner.share, people: 1, owner }))
  const rest = sorted.slice(shown.length)
  if (rest.length > 0) {
    const share = rest.reduce((sum, owner) => sum + owner.share, 0)
    bars.push({ key: '\0others', label: `Others (${rest.length})`, email: null, share, people: rest.length, owner: null })
  }
  return bars
}
