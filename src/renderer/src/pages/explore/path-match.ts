/**
 * Which characters of a path a fuzzy query matched, for highlighting a search result: each query
 * character in order, case-insensitive, preferring matches in the file name (as people type names).
 */
export function matchedIndices(query: string, path: string): number[] {
  const needle = [...query.replace(/\s+/g, '').toLowerCase()]
  if (needle.length === 0) return []
  const hay = path.toLowerCase()
  const nameStart = path.lastIndexOf('/') + 1
  // Try the file name first, then the whole path.
  return greedy(needle, hay, nameStart) ?? greedy(needle, hay, 0) ?? []
}

function greedy(needle: readonly string[], hay: string, from: number): number[] | null {
  const found: number[] = []
  let at = from
  for (const char of needle) {
    const i = hay.indexOf(char, at)
    if (i === -1) return null
    found.push(i)
    at = i + char.length
  }
  return found
}

/** Splits text into runs of matched and unmatched characters, for rendering with <mark>. */
export function highlightRuns(text: string, indices: readonly number[]): { readonly text: string; readonly matched: boolean }[] {
  const hit = new Set(indices)
  const runs: { text: string; matched: boolean }[] = []
  for (let i = 0; i < text.length; i++) {
    const matched = hit.has(i)
    const last = runs[runs.length - 1]
    if (last && last.matched === matched) last.text += text[i]
    else runs.push({ text: text[i] ?? '', matched })
  }
  return runs
}
