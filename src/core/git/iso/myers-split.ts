/**
 * xdl_split from git's xdiff/xdiffi.c: one step of Myers' O(ND) divide and conquer, searching from
 * both corners of the box (off1, off2)-(lim1, lim2) for the middle snake. Unlike the textbook
 * algorithm it gives up on expensive boxes (edit cost above `mxcost`, or a long enough snake after
 * HEUR_MIN_COST) and returns a good-enough split, which is what makes git's counts non-minimal on
 * some inputs; ported statement by statement so the counts match git exactly.
 */

const HEUR_MIN_COST = 256
const SNAKE_CNT = 20
const K_HEUR = 4
const LINE_MAX = 0x7fffffff

/** The forward and backward diagonal arrays, shared by every split of one diff. */
export interface SplitScratch {
  readonly kvdf: Int32Array
  readonly kvdb: Int32Array
  /** Index of diagonal 0 in kvdf/kvdb (diagonals go negative). */
  readonly offset: number
  readonly mxcost: number
}

export interface Split {
  readonly i1: number
  readonly i2: number
  /** Whether each half must be diffed minimally (no heuristics). */
  readonly minLo: boolean
  readonly minHi: boolean
}

/** Classical integer square root approximation using shifts (xdl_bogosqrt). */
export function bogosqrt(n: number): number {
  let i = 1
  for (; n > 0; n = Math.floor(n / 4)) i *= 2
  return i
}

export function splitBox(
  ha1: Int32Array, off1: number, lim1: number,
  ha2: Int32Array, off2: number, lim2: number,
  needMin: boolean, scratch: SplitScratch,
): Split {
  const { kvdf, kvdb, offset: o, mxcost } = scratch
  const dmin = off1 - lim2
  const dmax = lim1 - off2
  const fmid = off1 - off2
  const bmid = lim1 - lim2
  const odd = ((fmid - bmid) & 1) !== 0
  let fmin = fmid
  let fmax = fmid
  let bmin = bmid
  let bmax = bmid

  kvdf[o + fmid] = off1
  kvdb[o + bmid] = lim1

  for (let ec = 1; ; ec++) {
    let gotSnake = false

    // Extend the forward domain by one diagonal each side (or shrink it at the box edge), with
    // sentinels outside so the loop below needs no bounds checks.
    if (fmin > dmin) kvdf[o + --fmin - 1] = -1
    else ++fmin
    if (fmax < dmax) kvdf[o + ++fmax + 1] = -1
    else --fmax

    for (let d = fmax; d >= fmin; d -= 2) {
      let i1 = (kvdf[o + d - 1] as number) >= (kvdf[o + d + 1] as number) ? (kvdf[o + d - 1] as number) + 1 : (kvdf[o + d + 1] as number)
      const prev1 = i1
      let i2 = i1 - d
      for (; i1 < lim1 && i2 < lim2 && ha1[i1] === ha2[i2]; i1++, i2++);
      if (i1 - prev1 > SNAKE_CNT) gotSnake = true
      kvdf[o + d] = i1
      if (odd && bmin <= d && d <= bmax && (kvdb[o + d] as number) <= i1) {
        return { i1, i2, minLo: true, minHi: true }
      }
    }

    if (bmin > dmin) kvdb[o + --bmin - 1] = LINE_MAX
    else ++bmin
    if (bmax < dmax) kvdb[o + ++bmax + 1] = LINE_MAX
    else --bmax

    for (let d = bmax; d >= bmin; d -= 2) {
      let i1 = (kvdb[o + d - 1] as number) < (kvdb[o + d + 1] as number) ? (kvdb[o + d - 1] as number) : (kvdb[o + d + 1] as number) - 1
      const prev1 = i1
      let i2 = i1 - d
      for (; i1 > off1 && i2 > off2 && ha1[i1 - 1] === ha2[i2 - 1]; i1--, i2--);
      if (prev1 - i1 > SNAKE_CNT) gotSnake = true
      kvdb[o + d] = i1
      if (!odd && fmin <= d && d <= fmax && i1 <= (kvdf[o + d] as number)) {
        return { i1, i2, minLo: true, minHi: true }
      }
    }

    if (needMin) continue

    // Past the heuristic threshold with a long snake seen: take a diagonal that got far enough.
    if (gotSnake && ec > HEUR_MIN_COST) {
      const forward = bestForward(ha1, off1, lim1, ha2, off2, lim2, fmin, fmax, fmid, ec, kvdf, o)
      if (forward) return { ...forward, minLo: true, minHi: false }
      const backward = bestBackward(ha1, off1, lim1, ha2, off2, lim2, bmin, bmax, bmid, ec, kvdb, o)
      if (backward) return { ...backward, minLo: false, minHi: true }
    }

    // Enough is enough: take the furthest reaching path by the (i1 + i2) measure.
    if (ec >= mxcost) {
      let fbest = -1
      let fbest1 = -1
      for (let d = fmax; d >= fmin; d -= 2) {
        let i1 = Math.min(kvdf[o + d] as number, lim1)
        let i2 = i1 - d
        if (lim2 < i2) {
          i1 = lim2 + d
          i2 = lim2
        }
        if (fbest < i1 + i2) {
          fbest = i1 + i2
          fbest1 = i1
        }
      }
      let bbest = LINE_MAX
      let bbest1 = LINE_MAX
      for (let d = bmax; d >= bmin; d -= 2) {
        let i1 = Math.max(off1, kvdb[o + d] as number)
        let i2 = i1 - d
        if (i2 < off2) {
          i1 = off2 + d
          i2 = off2
        }
        if (i1 + i2 < bbest) {
          bbest = i1 + i2
          bbest1 = i1
        }
      }
      if (lim1 + lim2 - bbest < fbest - (off1 + off2)) return { i1: fbest1, i2: fbest - fbest1, minLo: true, minHi: false }
      return { i1: bbest1, i2: bbest - bbest1, minLo: false, minHi: true }
    }
  }
}

function bestForward(
  ha1: Int32Array, off1: number, lim1: number, ha2: Int32Array, off2: number, lim2: number,
  fmin: number, fmax: number, fmid: number, ec: number, kvdf: Int32Array, o: number,
): { i1: number; i2: number } | null {
  let best = 0
  let found: { i1: number; i2: number } | null = null
  for (let d = fmax; d >= fmin; d -= 2) {
    const dd = d > fmid ? d - fmid : fmid - d
    const i1 = kvdf[o + d] as number
    const i2 = i1 - d
    const v = i1 - off1 + (i2 - off2) - dd
    if (v > K_HEUR * ec && v > best && off1 + SNAKE_CNT <= i1 && i1 < lim1 && off2 + SNAKE_CNT <= i2 && i2 < lim2) {
      for (let k = 1; ha1[i1 - k] === ha2[i2 - k]; k++) {
        if (k === SNAKE_CNT) {
          best = v
          found = { i1, i2 }
          break
        }
      }
    }
  }
  return found
}

function bestBackward(
  ha1: Int32Array, off1: number, lim1: number, ha2: Int32Array, off2: number, lim2: number,
  bmin: number, bmax: number, bmid: number, ec: number, kvdb: Int32Array, o: number,
): { i1: number; i2: number } | null {
  let best = 0
  let found: { i1: number; i2: number } | null = null
  for (let d = bmax; d >= bmin; d -= 2) {
    const dd = d > bmid ? d - bmid : bmid - d
    const i1 = kvdb[o + d] as number
    const i2 = i1 - d
    const v = lim1 - i1 + (lim2 - i2) - dd
    if (v > K_HEUR * ec && v > best && off1 < i1 && i1 <= lim1 - SNAKE_CNT && off2 < i2 && i2 <= lim2 - SNAKE_CNT) {
      for (let k = 0; ha1[i1 + k] === ha2[i2 + k]; k++) {
        if (k === SNAKE_CNT - 1) {
          best = v
          found = { i1, i2 }
          break
        }
      }
    }
  }
  return found
}
