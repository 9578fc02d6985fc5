/**
 * Two dependency graphs as sets of file → file edges: how much of ours the reference confirms
 * (precision), how much of the reference we find (recall), and every edge only one side has.
 */

export type Edge = [from: string, to: string]

export interface EdgeComparison {
  /** Shared edges over our edges; 1 when we have none (nothing claimed, nothing wrong). */
  readonly precision: number
  /** Shared edges over the reference's edges; 1 when it has none. */
  readonly recall: number
  /** Edges we found that the reference did not, sorted. */
  readonly onlyOurs: Edge[]
  /** Edges the reference found that we did not, sorted. */
  readonly onlyTheirs: Edge[]
}

export function compareEdges(ours: Iterable<readonly [string, string]>, theirs: Iterable<readonly [string, string]>): EdgeComparison {
  const ourSet = edgeSet(ours)
  const theirSet = edgeSet(theirs)
  let shared = 0
  for (const key of ourSet.keys()) if (theirSet.has(key)) shared++
  return {
    precision: ourSet.size === 0 ? 1 : shared / ourSet.size,
    recall: theirSet.size === 0 ? 1 : shared / theirSet.size,
    onlyOurs: onlyIn(ourSet, theirSet),
    onlyTheirs: onlyIn(theirSet, ourSet),
  }
}

/** Keyed by from and to joined with NUL, which no path contains; duplicates collapse. */
function edgeSet(edges: Iterable<readonly [string, string]>): Map<string, Edge> {
  const set = new Map<string, Edge>()
  for (const [from, to] of edges) set.set(`${from}\0${to}`, [from, to])
  return set
}

function onlyIn(a: ReadonlyMap<string, Edge>, b: ReadonlyMap<string, Edge>): Edge[] {
  return [...a.entries()]
    .filter(([key]) => !b.has(key))
    .map(([, edge]) => edge)
    .sort(([fa, ta], [fb, tb]) => (fa === fb ? (ta < tb ? -1 : ta > tb ? 1 : 0) : fa < fb ? -1 : 1))
}
