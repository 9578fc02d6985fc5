import type { Hotspot } from '../../shared/graph-types'
import type { HotspotIndex } from './hotspot-index'

/** commits × log2(2 + churn) × log2(2 + KiB): frequent, heavy change in large files ranks first. */
export function hotspotScore(commits: number, churn: number, size: number | null): number {
  return commits * Math.log2(2 + churn) * Math.log2(2 + (size ?? 0) / 1024)
}

/** Files at HEAD where change concentrated since `sinceSeconds` (bots, generated and vendored files left out). */
export function hotspots(index: HotspotIndex, options: { sinceSeconds: number; under: string; limit: number }): Hotspot[] {
  const limit = Math.max(0, options.limit)
  const n = index.fileCount
  const files = new Int32Array(n)
  const commitsOf = new Int32Array(n)
  const churnOf = new Float64Array(n)
  const authorsOf = new Int32Array(n)
  const scores = new Float64Array(n)
  let found = 0
  index.forEachInWindow(options.sinceSeconds, options.under, (file, commits, churn, authors) => {
    files[found] = file
    commitsOf[found] = commits
    churnOf[found] = churn
    authorsOf[found] = authors
    scores[found] = Math.round(hotspotScore(commits, churn, index.sizes[file] ?? null) * 100) / 100
    found++
  })
  // Only files scoring at least the limit-th best can make the list: path order settles ties among them.
  const threshold = kthLargest(scores.subarray(0, found), limit)
  const ranked: Hotspot[] = []
  for (let i = 0; i < found; i++) {
    const score = scores[i] as number
    if (score < threshold) continue
    const file = files[i] as number
    ranked.push({
      path: index.paths[file] as string,
      size: index.sizes[file] ?? null,
      commits: commitsOf[i] as number,
      churn: churnOf[i] as number,
      authors: authorsOf[i] as number,
      score,
    })
  }
  return ranked.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path)).slice(0, limit)
}

/** The k-th largest value (-Infinity when there are fewer than k), with a min-heap of the k largest. */
function kthLargest(values: Float64Array, k: number): number {
  if (k === 0) return Infinity
  if (values.length < k) return -Infinity
  const heap = values.slice(0, k)
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(heap, i)
  for (let i = k; i < values.length; i++) {
    const value = values[i] as number
    if (value <= (heap[0] as number)) continue
    heap[0] = value
    siftDown(heap, 0)
  }
  return heap[0] as number
}

function siftDown(heap: Float64Array, from: number): void {
  let i = from
  for (;;) {
    const left = 2 * i + 1
    if (left >= heap.length) return
    const right = left + 1
    const child = right < heap.length && (heap[right] as number) < (heap[left] as number) ? right : left
    if ((heap[child] as number) >= (heap[i] as number)) return
    const parent = heap[i] as number
    heap[i] = heap[child] as number
    heap[child] = parent
    i = child
  }
}
