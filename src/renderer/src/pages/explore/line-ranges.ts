/** Blame line ranges as people read them: "line 5", "lines 1–4, 9, 12–15". */
export function formatLineRanges(ranges: readonly (readonly [number, number])[]): string {
  const parts = ranges.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`))
  const single = ranges.length === 1 && ranges[0]?.[0] === ranges[0]?.[1]
  return parts.length === 0 ? '' : `${single ? 'line' : 'lines'} ${parts.join(', ')}`
}
