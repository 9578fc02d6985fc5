/**
 * How well `query` matches `path` as an @-mention would: every query character in order, with
 * bonuses for runs, for matches at the start of a segment or word, and for matches in the file name.
 * Null when the characters do not all appear in order.
 */
export function fuzzyScore(query: string, path: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, '')
  if (q === '') return null
  const p = path.toLowerCase()
  const nameStart = p.lastIndexOf('/') + 1
  let score = 0
  let qi = 0
  let previous = -2
  for (let pi = 0; pi < p.length && qi < q.length; pi++) {
    if (p[pi] !== q[qi]) continue
    let bonus = 1
    if (pi === previous + 1) bonus += 4
    const before = pi === 0 ? '/' : p[pi - 1]
    if (before === '/' || before === '-' || before === '_' || before === '.') bonus += 3
    if (pi >= nameStart) bonus += 2
    score += bonus
    previous = pi
    qi++
  }
  if (qi < q.length) return null
  // Among equal matches, shorter paths (less noise around the match) come first.
  return score - path.length / 100
}
