import { bogosqrt, splitBox, type SplitScratch } from './myers-split'

/**
 * Line counts for `git diff --numstat`, by porting git's xdiff (xprepare.c + xdiffi.c, default Myers
 * algorithm) rather than computing a textbook minimal diff: xdiff discards lines that cannot match,
 * and on costly inputs its heuristics settle for a non-minimal script, so only the same algorithm
 * gives the same numbers on every input.
 *
 * Lines end after '\n' (the newline is part of the line, so "a" and "a\n" differ); a last line
 * without a newline still counts.
 */

const MAX_EQLIMIT = 1024
const SIMSCAN_WINDOW = 100
const KPDIS_RUN = 4
const MAX_COST_MIN = 256

export interface LineCounts {
  readonly added: number
  readonly removed: number
}

export function countLineChanges(before: Uint8Array, after: Uint8Array): LineCounts {
  const classes = new Map<string, number>()
  const counts1: number[] = []
  const counts2: number[] = []
  const ha1 = classify(before, classes, counts1, counts2, 1)
  const ha2 = classify(after, classes, counts1, counts2, 2)
  const n1 = ha1.length
  const n2 = ha2.length
  const rchg1 = new Uint8Array(n1)
  const rchg2 = new Uint8Array(n2)

  // xdl_trim_ends: identical leading and trailing lines never change.
  const lim = Math.min(n1, n2)
  let dstart = 0
  while (dstart < lim && ha1[dstart] === ha2[dstart]) dstart++
  let tail = 0
  while (tail < lim - dstart && ha1[n1 - 1 - tail] === ha2[n2 - 1 - tail]) tail++
  const dend1 = n1 - tail - 1
  const dend2 = n2 - tail - 1

  // xdl_cleanup_records: lines with no match on the other side are changed outright; lines with
  // very many matches are dropped too when they sit in a run of such lines.
  const kept1 = cleanup(ha1, dstart, dend1, counts2, rchg1)
  const kept2 = cleanup(ha2, dstart, dend2, counts1, rchg2)
  compareRecords(kept1, kept2, rchg1, rchg2)

  return { added: sum(rchg2), removed: sum(rchg1) }
}

/** Splits into lines and gives equal lines equal class numbers, counting occurrences per side. */
function classify(data: Uint8Array, classes: Map<string, number>, counts1: number[], counts2: number[], side: 1 | 2): Int32Array {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const lines: number[] = []
  let start = 0
  while (start < buffer.length) {
    const newline = buffer.indexOf(0x0a, start)
    const end = newline < 0 ? buffer.length : newline + 1
    const key = buffer.toString('latin1', start, end)
    let id = classes.get(key)
    if (id === undefined) {
      id = classes.size
      classes.set(key, id)
      counts1.push(0)
      counts2.push(0)
    }
    if (side === 1) counts1[id] = (counts1[id] ?? 0) + 1
    else counts2[id] = (counts2[id] ?? 0) + 1
    lines.push(id)
    start = end
  }
  return Int32Array.from(lines)
}

interface Kept {
  /** Class numbers of the lines that go through the Myers pass. */
  readonly ha: Int32Array
  /** Their line numbers in the file. */
  readonly index: Int32Array
}

function cleanup(ha: Int32Array, dstart: number, dend: number, otherCounts: readonly number[], rchg: Uint8Array): Kept {
  const mlim = Math.min(bogosqrt(ha.length), MAX_EQLIMIT)
  const dis = new Uint8Array(ha.length + 1)
  for (let i = dstart; i <= dend; i++) {
    const matches = otherCounts[ha[i] ?? 0] ?? 0
    dis[i] = matches === 0 ? 0 : matches >= mlim ? 2 : 1
  }
  const keptHa: number[] = []
  const keptIndex: number[] = []
  for (let i = dstart; i <= dend; i++) {
    if (dis[i] === 1 || (dis[i] === 2 && !cleanMatch(dis, i, dstart, dend))) {
      keptIndex.push(i)
      keptHa.push(ha[i] ?? 0)
    } else {
      rchg[i] = 1
    }
  }
  return { ha: Int32Array.from(keptHa), index: Int32Array.from(keptIndex) }
}

/** xdl_clean_mmatch: discard a many-matches line only inside a run of lines that mostly do not match. */
function cleanMatch(dis: Uint8Array, i: number, s: number, e: number): boolean {
  if (i - s > SIMSCAN_WINDOW) s = i - SIMSCAN_WINDOW
  if (e - i > SIMSCAN_WINDOW) e = i + SIMSCAN_WINDOW
  let rdis0 = 0
  let rpdis0 = 1
  for (let r = 1; i - r >= s; r++) {
    const d = dis[i - r]
    if (d === 0) rdis0++
    else if (d === 2) rpdis0++
    else break
  }
  if (rdis0 === 0) return false
  let rdis1 = 0
  let rpdis1 = 1
  for (let r = 1; i + r <= e; r++) {
    const d = dis[i + r]
    if (d === 0) rdis1++
    else if (d === 2) rpdis1++
    else break
  }
  if (rdis1 === 0) return false
  rdis1 += rdis0
  rpdis1 += rpdis0
  return rpdis1 * KPDIS_RUN < rpdis1 + rdis1
}

interface Box {
  readonly off1: number
  readonly lim1: number
  readonly off2: number
  readonly lim2: number
  readonly needMin: boolean
}

/** xdl_recs_cmp, with an explicit stack instead of recursion (deep on long, very different files). */
function compareRecords(kept1: Kept, kept2: Kept, rchg1: Uint8Array, rchg2: Uint8Array): void {
  const ha1 = kept1.ha
  const ha2 = kept2.ha
  const ndiags = ha1.length + ha2.length + 3
  const env: SplitScratch = {
    kvdf: new Int32Array(ndiags),
    kvdb: new Int32Array(ndiags),
    offset: ha2.length + 1,
    mxcost: Math.max(bogosqrt(ndiags), MAX_COST_MIN),
  }
  const stack: Box[] = [{ off1: 0, lim1: ha1.length, off2: 0, lim2: ha2.length, needMin: false }]
  while (stack.length > 0) {
    const box = stack.pop() as Box
    let { off1, lim1, off2, lim2 } = box
    while (off1 < lim1 && off2 < lim2 && ha1[off1] === ha2[off2]) {
      off1++
      off2++
    }
    while (off1 < lim1 && off2 < lim2 && ha1[lim1 - 1] === ha2[lim2 - 1]) {
      lim1--
      lim2--
    }
    if (off1 === lim1) {
      for (; off2 < lim2; off2++) rchg2[kept2.index[off2] ?? 0] = 1
    } else if (off2 === lim2) {
      for (; off1 < lim1; off1++) rchg1[kept1.index[off1] ?? 0] = 1
    } else {
      const split = splitBox(ha1, off1, lim1, ha2, off2, lim2, box.needMin, env)
      // Push the second half first so the first half is done first, as the recursion would.
      stack.push({ off1: split.i1, lim1, off2: split.i2, lim2, needMin: split.minHi })
      stack.push({ off1, lim1: split.i1, off2, lim2: split.i2, needMin: split.minLo })
    }
  }
}

function sum(values: Uint8Array): number {
  let total = 0
  for (const value of values) total += value
  return total
}

