/** Numbers for the small bar charts (owners, coupling, hotspots), drawn with CSS widths. */

/** Width of a bar as a percentage of the largest; a non-zero value always shows at least a sliver. */
export function barPercent(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 0
  return Math.max(1, Math.min(100, (value / max) * 100))
}

/** A share (0..1) as a whole percentage: "42%", "<1%" for a small non-zero share. */
export function formatShare(share: number): string {
  if (!(share > 0)) return '0%'
  const percent = share * 100
  if (percent < 1) return '<1%'
  return `${Math.round(percent)}%`
}
