/** USD with enough digits for one request's cost; a dash when the model has no price. */
export function formatCost(usd: number | null): string {
  if (usd === null) return 'cost unknown (no price configured)'
  return usd === 0 ? '$0' : usd < 0.01 ? `$${usd.toFixed(6)}` : `$${usd.toFixed(2)}`
}

export function formatRedactions(r: { readonly total: number; readonly byRule: Readonly<Record<string, number>> }): string {
  if (r.total === 0) return 'none'
  return `${r.total} (${Object.entries(r.byRule)
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ')})`
}
