/**
 * Content similarity for inexact rename detection, ported from git's diffcore-delta.c and
 * estimate_similarity() in diffcore-rename.c. Scores run from 0 to MAX_SCORE; `--find-renames`
 * without a number pairs files scoring at least DEFAULT_RENAME_SCORE (50%).
 */

export const MAX_SCORE = 60000
export const DEFAULT_RENAME_SCORE = 30000

/** git's hash bucket count: chunk hashes are taken modulo this prime, collisions included. */
const HASHBASE = 107927

/** Bytes per chunk hash: the input cut into chunks ending at '\n' or after 64 bytes. */
export type SpanCounts = Map<number, number>

/**
 * hash_chars: each chunk's rolling hash → total bytes of chunks with that hash. A CR directly before
 * LF is skipped in text files. A last chunk without '\n' shorter than 64 bytes counts only since
 * git 2.43.2 ("diffcore-delta: avoid ignoring final 'line' of file"); older git drops it.
 */
export function hashChunks(data: Uint8Array, isText: boolean, countFinalChunk = true): SpanCounts {
  const counts: SpanCounts = new Map()
  let n = 0
  let accum1 = 0
  let accum2 = 0
  const size = data.length
  for (let i = 0; i < size; i++) {
    const c = data[i] as number
    if (isText && c === 0x0d && i + 1 < size && data[i + 1] === 0x0a) continue
    const old1 = accum1
    accum1 = ((accum1 << 7) ^ (accum2 >>> 25)) >>> 0
    accum2 = ((accum2 << 7) ^ (old1 >>> 25)) >>> 0
    accum1 = (accum1 + c) >>> 0
    if (++n < 64 && c !== 0x0a) continue
    const hash = ((accum1 + Math.imul(accum2, 0x61)) >>> 0) % HASHBASE
    counts.set(hash, (counts.get(hash) ?? 0) + n)
    n = 0
    accum1 = 0
    accum2 = 0
  }
  if (countFinalChunk && n > 0) {
    const hash = ((accum1 + Math.imul(accum2, 0x61)) >>> 0) % HASHBASE
    counts.set(hash, (counts.get(hash) ?? 0) + n)
  }
  return counts
}

/** diffcore_count_changes: bytes of the destination that were copied from the source. */
export function copiedBytes(src: SpanCounts, dst: SpanCounts): number {
  let copied = 0
  for (const [hash, srcCount] of src) {
    const dstCount = dst.get(hash)
    if (dstCount !== undefined) copied += Math.min(srcCount, dstCount)
  }
  return copied
}

/** What estimate_similarity needs to know about one side. */
export interface SimilaritySide {
  /** Octal mode; only regular files (100644, 100755) are compared by content. */
  readonly mode: number
  readonly size: number
  /** Computed on demand and cached by the caller (git keeps cnt_data per file). */
  spans(): SpanCounts
}

const S_IFMT = 0o170000
const S_IFREG = 0o100000

export function isRegularFile(mode: number): boolean {
  return (mode & S_IFMT) === S_IFREG
}

/**
 * estimate_similarity: 0 for non-regular files and for size changes too large to reach
 * `minimumScore`, else copied bytes × MAX_SCORE / the larger size, rounded down.
 */
export function estimateSimilarity(src: SimilaritySide, dst: SimilaritySide, minimumScore: number): number {
  if (!isRegularFile(src.mode) || !isRegularFile(dst.mode)) return 0
  const maxSize = Math.max(src.size, dst.size)
  const baseSize = Math.min(src.size, dst.size)
  const deltaSize = maxSize - baseSize
  if (maxSize * (MAX_SCORE - minimumScore) < deltaSize * MAX_SCORE) return 0
  if (dst.size === 0) return 0
  return Math.floor((copiedBytes(src.spans(), dst.spans()) * MAX_SCORE) / maxSize)
}

/** The share of the larger file copied from the other, 0..1 (for tests and explanations). */
export function similarityRatio(src: Uint8Array, dst: Uint8Array, isText = true, countFinalChunk = true): number {
  const maxSize = Math.max(src.length, dst.length)
  if (maxSize === 0) return 0
  return copiedBytes(hashChunks(src, isText, countFinalChunk), hashChunks(dst, isText, countFinalChunk)) / maxSize
}
