import type {
  BlameReport,
  CoupledFile,
  DriftEntry,
  FileEntry,
  HistoryEntry,
  Hotspot,
  OwnersReport,
  SearchResults,
  TreeListing,
} from '../../shared/graph-types'
import { CoopError } from '../errors/coop-error'
import type { GitBackend } from '../git/git-backend'
import type { Db } from '../store/open-database'
import { blameLines } from './blame-query'
import { STATS_HALF_LIFE_DAYS } from '../indexing/update-dir-stats'
import { ownersOf, ownersOfFolderFromStats } from './contributions'
import { coupling } from './coupling-query'
import { declaredOwnersFor, resolveDeclaredOwners } from './declared-owners'
import { codeownersDrift } from './drift-query'
import { fileLineage, loadRepoContext, prefixRange, resolvePathKind } from './graph-context'
import { fileHistory } from './history-query'
import { HotspotIndex, hotspotIndexKey } from './hotspot-index'
import { hotspots } from './hotspots-query'
import { busFactor, isOrphaned } from './ownership'
import { parseSince } from './parse-since'
import { search } from './search-query'
import { listFiles, listTree } from './tree-query'

export const DEFAULT_HALF_LIFE_DAYS = STATS_HALF_LIFE_DAYS
export const DEFAULT_INACTIVE_DAYS = 365

export interface OwnersOptions {
  readonly halfLifeDays?: number
  readonly inactiveDays?: number
  readonly includeBots?: boolean
}

/**
 * The questions a developer asks of an indexed repository: who owns this, what is its history, what
 * changes with it, where is the risk. Answers come from the database (and `git blame` for lines).
 */
export class Graph {
  readonly #db: Db
  readonly #backend: GitBackend
  readonly #now: () => number
  /** Per repository, built on first use and again whenever its key shows the stored data changed. */
  readonly #hotspotIndexes = new Map<number, { readonly key: string | undefined; readonly index: HotspotIndex }>()

  constructor(db: Db, backend: GitBackend, now: () => number = Date.now) {
    this.#db = db
    this.#backend = backend
    this.#now = now
  }

  tree(repoId: number, dir: string, halfLifeDays = DEFAULT_HALF_LIFE_DAYS): TreeListing {
    return listTree(this.#db, loadRepoContext(this.#db, repoId), dir, halfLifeDays)
  }

  files(repoId: number, options: { under?: string; limit?: number } = {}): FileEntry[] {
    return listFiles(this.#db, loadRepoContext(this.#db, repoId), options.under ?? '', options.limit)
  }

  owners(repoId: number, path: string, options: OwnersOptions = {}): OwnersReport {
    const ctx = loadRepoContext(this.#db, repoId)
    const halfLifeDays = options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS
    const inactiveDays = options.inactiveDays ?? DEFAULT_INACTIVE_DAYS
    const target = resolvePathKind(this.#db, ctx, path)
    const scope =
      target.kind === 'file' && target.fileId !== null
        ? { kind: 'lineage' as const, segments: fileLineage(this.#db, target.fileId) }
        : { kind: 'prefix' as const, repoId, ...prefixRange(path) }
    const includeBots = options.includeBots ?? false
    // Folders at the default half-life come from the sums kept at index time; anything else is
    // computed from the changes themselves.
    const owners =
      scope.kind === 'prefix' && halfLifeDays === STATS_HALF_LIFE_DAYS
        ? ownersOfFolderFromStats(this.#db, repoId, path, includeBots)
        : ownersOf(this.#db, scope, { repoId, newestCommitAt: ctx.newestCommitAt, halfLifeDays, includeBots })
    const declared = declaredOwnersFor(ctx, path, target.kind)
    return {
      path,
      type: target.kind,
      owners,
      declared: resolveDeclaredOwners(this.#db, ctx, declared.owners, owners),
      declaredBy: declared.source,
      busFactor: busFactor(owners),
      orphaned: isOrphaned(owners, inactiveDays, this.#now()),
      halfLifeDays,
      inactiveDays,
    }
  }

  history(repoId: number, path: string, options: { limit?: number } = {}): HistoryEntry[] {
    return fileHistory(this.#db, loadRepoContext(this.#db, repoId), path, options.limit ?? 100)
  }

  hotspots(repoId: number, options: { since?: string; under?: string; limit?: number } = {}): Hotspot[] {
    loadRepoContext(this.#db, repoId) // says so when the repository is unknown or not indexed yet
    const sinceSeconds = parseSince(options.since ?? '12.months', this.#now())
    return hotspots(this.#hotspotIndex(repoId), { sinceSeconds, under: options.under ?? '', limit: options.limit ?? 20 })
  }

  #hotspotIndex(repoId: number): HotspotIndex {
    const cached = this.#hotspotIndexes.get(repoId)
    if (cached && cached.key === hotspotIndexKey(this.#db, repoId)) return cached.index
    // Key and rows from one snapshot: an index run in another process cannot land between them.
    const fresh = this.#db.transaction(() => ({ key: hotspotIndexKey(this.#db, repoId), index: HotspotIndex.build(this.#db, repoId) }))()
    this.#hotspotIndexes.set(repoId, fresh)
    return fresh.index
  }

  coupling(repoId: number, path: string, options: { maxFilesPerCommit?: number; minSupport?: number; limit?: number } = {}): CoupledFile[] {
    return coupling(this.#db, loadRepoContext(this.#db, repoId), path, {
      maxFilesPerCommit: options.maxFilesPerCommit ?? 30,
      minSupport: options.minSupport ?? 2,
      limit: options.limit ?? 20,
    })
  }

  async blame(repoId: number, path: string, start: number, end: number): Promise<BlameReport> {
    if (this.#backend.kind !== 'git') throw new CoopError('unsupported', 'Line history needs the git binary: install git to use it')
    const ctx = loadRepoContext(this.#db, repoId)
    if (resolvePathKind(this.#db, ctx, path).kind !== 'file') throw new CoopError('invalid_input', `${path} is a folder: line history is per file`)
    return blameLines(ctx, path, start, end)
  }

  search(repoId: number, text: string, options: { limit?: number } = {}): SearchResults {
    return search(this.#db, loadRepoContext(this.#db, repoId), text, options.limit ?? 20)
  }

  drift(repoId: number, options: { under?: string; threshold?: number; halfLifeDays?: number; limit?: number } = {}): DriftEntry[] {
    return codeownersDrift(this.#db, loadRepoContext(this.#db, repoId), {
      under: options.under ?? '',
      threshold: options.threshold ?? 0.2,
      halfLifeDays: options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS,
      limit: options.limit ?? 100,
    })
  }
}
