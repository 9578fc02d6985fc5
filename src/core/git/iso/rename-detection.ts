import { DEFAULT_RENAME_SCORE, estimateSimilarity, isRegularFile, MAX_SCORE, type SimilaritySide } from './similarity'
import type { DiffSide, TreePair } from './tree-walk'

/**
 * Rename detection as `git log --find-renames` does it (diffcore-rename.c, rename only, no copies,
 * no break): exact renames first (same blob), then pairs whose file names are unique among the
 * leftovers and at least 75% similar, then the similarity matrix (50%), best pairs first.
 * Deleted files are the sources and added files the destinations; modified files never take part.
 */

/** Sizes and chunk hashes of one file, loaded on demand. */
export type LoadSide = (side: DiffSide) => Promise<SimilaritySide>

export interface RenameOptions {
  /** diff.renameLimit: above limit² source × destination pairs git skips the similarity matrix. */
  readonly renameLimit: number
}

/** A pair after rename detection: `renamed` pairs have old and new on different paths. */
export interface ResultPair extends TreePair {
  readonly renamed: boolean
}

const CANDIDATES_PER_DESTINATION = 4
const BASENAME_SCORE = DEFAULT_RENAME_SCORE + Math.trunc(0.5 * (MAX_SCORE - DEFAULT_RENAME_SCORE))

interface Destination {
  readonly side: DiffSide
  source: Source | null
}

interface Source {
  readonly side: DiffSide
  used: boolean
}

interface Score {
  src: number
  dst: number
  score: number
  nameScore: number
}

export async function detectRenames(pairs: readonly TreePair[], load: LoadSide, options: RenameOptions): Promise<ResultPair[]> {
  const destinations: Destination[] = []
  const allSources: Source[] = []
  for (const pair of pairs) {
    if (pair.old === null && pair.new) destinations.push({ side: pair.new, source: null })
    else if (pair.new === null && pair.old) allSources.push({ side: pair.old, used: false })
  }
  if (destinations.length > 0 && allSources.length > 0) {
    findExactRenames(allSources, destinations)
    let sources = allSources.filter((source) => !source.used)
    await findBasenameRenames(sources, destinations, load)
    sources = sources.filter((source) => !source.used)
    const open = destinations.filter((destination) => destination.source === null)
    const limit = options.renameLimit
    if (open.length > 0 && sources.length > 0 && (limit <= 0 || open.length * sources.length <= limit * limit)) {
      await findInexactRenames(sources, destinations, load)
    }
  }
  return writeBack(pairs, destinations, allSources)
}

/** find_identical_files: per destination, the first unused source with the same blob, preferring the same file name. */
function findExactRenames(sources: Source[], destinations: Destination[]): void {
  const byOid = new Map<string, Source[]>()
  for (const source of sources) {
    const list = byOid.get(source.side.oid)
    if (list) list.push(source)
    else byOid.set(source.side.oid, [source])
  }
  for (const destination of destinations) {
    const target = destination.side
    let best: Source | null = null
    let bestScore = -1
    let tries = 100
    for (const source of byOid.get(target.oid) ?? []) {
      // Symlinks and submodules only pair with their own kind.
      if ((!isRegularFile(source.side.mode) || !isRegularFile(target.mode)) && source.side.mode !== target.mode) continue
      if (source.used) continue
      const score = 1 + (basenameSame(source.side.path, target.path) ? 1 : 0)
      if (score > bestScore) {
        best = source
        bestScore = score
        if (score === 2) break
      }
      if (--tries === 0) break
    }
    if (best) record(destination, best)
  }
}

/** find_basename_matches: a file name unique among the remaining sources and among the open destinations. */
async function findBasenameRenames(sources: Source[], destinations: Destination[], load: LoadSide): Promise<void> {
  const sourceByName = uniqueByBasename(sources.map((source) => source.side.path))
  const openDestinations = destinations.filter((destination) => destination.source === null)
  const destinationByName = uniqueByBasename(openDestinations.map((destination) => destination.side.path))
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i] as Source
    const name = basename(source.side.path)
    const d = destinationByName.get(name)
    if (d === undefined || d < 0 || sourceByName.get(name) !== i) continue
    const destination = openDestinations[d] as Destination
    if (destination.source) continue
    const score = estimateSimilarity(await load(source.side), await load(destination.side), BASENAME_SCORE)
    if (score >= BASENAME_SCORE) record(destination, source)
  }
}

/** The similarity matrix: each destination keeps its best four sources; then best scores pair first. */
async function findInexactRenames(sources: Source[], destinations: Destination[], load: LoadSide): Promise<void> {
  const matrix: Score[] = []
  for (let d = 0; d < destinations.length; d++) {
    const destination = destinations[d] as Destination
    if (destination.source) continue
    const best: Score[] = Array.from({ length: CANDIDATES_PER_DESTINATION }, () => ({ src: 0, dst: -1, score: 0, nameScore: 0 }))
    const dst = await load(destination.side)
    for (let s = 0; s < sources.length; s++) {
      const source = sources[s] as Source
      const score = estimateSimilarity(await load(source.side), dst, DEFAULT_RENAME_SCORE)
      recordIfBetter(best, { src: s, dst: d, score, nameScore: basenameSame(source.side.path, destination.side.path) ? 1 : 0 })
    }
    matrix.push(...best)
  }
  // Array.prototype.sort is stable, like git's STABLE_QSORT.
  matrix.sort(scoreCompare)
  for (const entry of matrix) {
    if (entry.dst < 0 || entry.score < DEFAULT_RENAME_SCORE) break
    const destination = destinations[entry.dst] as Destination
    const source = sources[entry.src] as Source
    if (destination.source || source.used) continue
    record(destination, source)
  }
}

/** record_if_better: replace the worst of the four kept candidates when the new one beats it. */
function recordIfBetter(best: Score[], candidate: Score): void {
  let worst = 0
  for (let i = 1; i < best.length; i++) {
    if (scoreCompare(best[i] as Score, best[worst] as Score) > 0) worst = i
  }
  if (scoreCompare(best[worst] as Score, candidate) > 0) best[worst] = candidate
}

/** score_compare: unused slots last, then higher score, then same file name first. */
function scoreCompare(a: Score, b: Score): number {
  if (a.dst < 0) return b.dst >= 0 ? 1 : 0
  if (b.dst < 0) return -1
  if (a.score === b.score) return b.nameScore - a.nameScore
  return b.score - a.score
}

function record(destination: Destination, source: Source): void {
  destination.source = source
  source.used = true
}

/** Back into queue order: a rename takes its destination's place; its source's deletion goes away. */
function writeBack(pairs: readonly TreePair[], destinations: Destination[], sources: Source[]): ResultPair[] {
  const renamedTo = new Map<DiffSide, DiffSide>()
  for (const destination of destinations) if (destination.source) renamedTo.set(destination.side, destination.source.side)
  const usedSources = new Set(sources.filter((source) => source.used).map((source) => source.side))
  const out: ResultPair[] = []
  for (const pair of pairs) {
    if (pair.old === null && pair.new) {
      const from = renamedTo.get(pair.new)
      out.push(from ? { old: from, new: pair.new, renamed: true } : { ...pair, renamed: false })
    } else if (pair.new === null && pair.old) {
      if (!usedSources.has(pair.old)) out.push({ ...pair, renamed: false })
    } else {
      out.push({ ...pair, renamed: false })
    }
  }
  return out
}

function uniqueByBasename(paths: readonly string[]): Map<string, number> {
  const byName = new Map<string, number>()
  paths.forEach((path, index) => {
    const name = basename(path)
    byName.set(name, byName.has(name) ? -1 : index)
  })
  return byName
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** basename_same: the parts after the last '/' are equal. */
function basenameSame(a: string, b: string): boolean {
  return basename(a) === basename(b)
}
