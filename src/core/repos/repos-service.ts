import type { BridgeError } from '../../shared/result'
import type { IndexProgress, IndexResult, RepoState, RepoSummary } from '../../shared/types'
import { toBridgeError } from '../bridge/dispatch'
import type { IndexOptions, ReposService } from '../core'
import { CoopError } from '../errors/coop-error'
import type { EventBus } from '../events/event-bus'
import type { GitBackend } from '../git/git-backend'
import type { InspectedRepository } from '../git/inspect-repository'
import { refreshCodeowners } from '../indexing/refresh-codeowners'
import { indexHeadTree, markBinaryFiles } from '../indexing/index-head-tree'
import { resetHistoryIfMailmapChanged } from '../indexing/mailmap-change'
import { updateDirStats } from '../indexing/update-dir-stats'
import { indexHistory } from '../indexing/index-history'
import type { CodeIndexer } from '../code/code-service'
import type { Logger } from '../log/logger'
import type { Db } from '../store/open-database'
import { RepositoryStore, type RepositoryRow } from './repository-store'

interface Job {
  readonly promise: Promise<IndexResult>
  readonly controller: AbortController
  progress: IndexProgress
}

/**
 * Adds and indexes repositories. One index run per repository at a time in this process; the
 * database's own constraints keep a second process (the CLI beside the app) from duplicating rows.
 */
export class Repos implements ReposService {
  readonly #store: RepositoryStore
  readonly #db: Db
  readonly #code: CodeIndexer | undefined
  readonly #events: EventBus
  readonly #log: Logger
  readonly #jobs = new Map<number, Job>()
  readonly #failures = new Map<number, BridgeError>()
  readonly #backend: GitBackend

  constructor(db: Db, events: EventBus, log: Logger, backend: GitBackend, code?: CodeIndexer) {
    this.#db = db
    this.#backend = backend
    this.#code = code
    this.#store = new RepositoryStore(db)
    this.#events = events
    this.#log = log
  }

  list(): readonly RepoSummary[] {
    return this.#store.list().map((row) => this.#summarise(row))
  }

  get(repoId: number): RepoSummary {
    return this.#summarise(this.#require(repoId))
  }

  async index(path: string, options: IndexOptions = {}): Promise<IndexResult> {
    const inspected = await this.#backend.inspect(path)
    const row = this.#store.ensure(inspected)
    return this.#run(row.id, () => Promise.resolve(inspected), options)
  }

  async add(path: string): Promise<RepoSummary> {
    const inspected = await this.#backend.inspect(path)
    const row = this.#store.ensure(inspected)
    this.#startInBackground(row.id, inspected)
    return this.get(row.id)
  }

  reindex(repoId: number): RepoSummary {
    this.#require(repoId)
    this.#startInBackground(repoId, null)
    return this.get(repoId)
  }

  remove(repoId: number): boolean {
    this.#jobs.get(repoId)?.controller.abort()
    this.#failures.delete(repoId)
    return this.#store.remove(repoId)
  }

  /** Cancels running jobs and waits for them to settle (before the database closes). */
  async stop(): Promise<void> {
    const jobs = [...this.#jobs.values()]
    for (const job of jobs) job.controller.abort()
    await Promise.allSettled(jobs.map((job) => job.promise))
  }

  #startInBackground(repoId: number, inspected: InspectedRepository | null): void {
    if (this.#jobs.has(repoId)) return
    const target = (): Promise<InspectedRepository> =>
      inspected ? Promise.resolve(inspected) : this.#backend.inspect(this.#require(repoId).path)
    // The caller has its answer already; the outcome reaches the UI as an index:finished event.
    this.#run(repoId, target, {}).catch(() => undefined)
  }

  /**
   * Runs (or joins) the index run of one repository. Progress, state and the finished event are
   * reported the same way whether the CLI waits for the run or the app started it in the background.
   */
  #run(repoId: number, target: () => Promise<InspectedRepository>, options: IndexOptions): Promise<IndexResult> {
    const running = this.#jobs.get(repoId)
    if (running) return running.promise
    const controller = new AbortController()
    const job: Job = {
      controller,
      progress: { repoId, phase: 'scanning', done: 0, total: 0 },
      promise: Promise.resolve().then(async () => {
        try {
          const result = await this.#indexOnce(repoId, await target(), job, anySignal(controller.signal, options.signal), options)
          this.#failures.delete(repoId)
          this.#events.emit('index:finished', { repoId, outcome: { kind: 'succeeded', result } })
          return result
        } catch (error) {
          const bridgeError = toBridgeError(error)
          if (bridgeError.code === 'internal') this.#log.log('error', 'index run failed', { repoId, error })
          if (this.#store.get(repoId)) this.#failures.set(repoId, bridgeError)
          this.#events.emit('index:finished', { repoId, outcome: { kind: 'failed', error: bridgeError } })
          throw error
        } finally {
          this.#jobs.delete(repoId)
        }
      }),
    }
    this.#jobs.set(repoId, job)
    return job.promise
  }

  async #indexOnce(repoId: number, inspected: InspectedRepository, job: Job, signal: AbortSignal, options: IndexOptions): Promise<IndexResult> {
    const started = performance.now()
    const stored = this.#require(repoId)
    // Every graph command refreshes first: when HEAD has not moved, nothing below can have changed
    // (the .mailmap, the tree and shallowness are all read at HEAD), so answer straight away.
    const codeCurrent = options.code === false || this.#code === undefined || stored.codeHead === inspected.head
    if (stored.indexedHead === inspected.head && stored.treeHead === inspected.head && codeCurrent) {
      this.#store.touch(repoId)
      return resultOf(stored, { commitsAdded: 0, commitsRemoved: 0 }, started)
    }
    await resetHistoryIfMailmapChanged({ db: this.#db, backend: this.#backend, repoId, repoPath: inspected.path, head: inspected.head })
    const before = this.#require(repoId)
    const report = (progress: IndexProgress): void => {
      job.progress = progress
      options.onProgress?.(progress)
      this.#events.emit('index:progress', progress)
    }
    // The tree at HEAD does not depend on history: it is listed and stored while git reads history
    // (this process would otherwise sit idle while git starts up on a large repository).
    const [outcome, tree] = await settleBoth(
      indexHistory({
        db: this.#db,
        backend: this.#backend,
        repoId,
        repoPath: inspected.path,
        head: inspected.head,
        indexedHead: before.indexedHead,
        onProgress: report,
        signal,
      }),
      indexHeadTree({
        db: this.#db,
        backend: this.#backend,
        repoId,
        repoPath: inspected.path,
        head: inspected.head,
        treeHead: before.treeHead,
      }),
    )
    // Sums for commits an interrupted run stored before it stopped.
    updateDirStats(this.#db, repoId, { rebuild: false })
    // A run stopped between the tree and this step left the tree at a newer head than history:
    // look at every file then.
    markBinaryFiles(this.#db, repoId, before.treeHead !== before.indexedHead ? null : tree.changedPaths)
    await refreshCodeowners({ db: this.#db, backend: this.#backend, repoId, repoPath: inspected.path, head: inspected.head, changedPaths: tree.changedPaths })
    if (options.code !== false && this.#code) await this.#indexCode(repoId, inspected, signal, report)
    const shallow = await this.#backend.isShallow(inspected.path)
    const after = this.#store.completeRun(repoId, inspected.head, { pruneFiles: outcome.commitsRemoved > 0, shallow })
    return resultOf(after, outcome, started)
  }

  /**
   * The code structure is a layer on top: when it cannot be built (no parse workers), history and
   * ownership still count as indexed, the failure is logged, and the next run tries again.
   */
  async #indexCode(repoId: number, inspected: InspectedRepository, signal: AbortSignal, report: (progress: IndexProgress) => void): Promise<void> {
    try {
      await this.#code?.index({ repoId, repoPath: inspected.path, signal, onProgress: (done, total) => report({ repoId, phase: 'parsing', done, total }) })
      this.#store.setCodeHead(repoId, inspected.head)
    } catch (error) {
      if (signal.aborted || (error instanceof CoopError && error.code === 'cancelled')) throw error
      this.#log.log('warn', 'code structure not indexed', { repoId, error: toBridgeError(error).message })
    }
  }

  #require(repoId: number): RepositoryRow {
    const row = this.#store.get(repoId)
    if (!row) throw new CoopError('not_found', `No repository with id ${repoId}: list them with coop repos`, { repoId })
    return row
  }

  #summarise(row: RepositoryRow): RepoSummary {
    return {
      id: row.id,
      path: row.path,
      name: row.name,
      head: row.indexedHead,
      commits: row.commits,
      files: row.files,
      people: row.people,
      filesAtHead: row.filesAtHead,
      shallow: row.shallow,
      addedAt: row.addedAt,
      lastIndexedAt: row.lastIndexedAt,
      state: this.#stateOf(row.id),
    }
  }

  #stateOf(repoId: number): RepoState {
    const job = this.#jobs.get(repoId)
    if (job) return { kind: 'indexing', done: job.progress.done, total: job.progress.total }
    const failure = this.#failures.get(repoId)
    return failure ? { kind: 'failed', error: failure } : { kind: 'idle' }
  }
}

/** Waits for both, then fails with the first failure: neither is left running unobserved. */
async function settleBoth<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b])
  if (first.status === 'rejected') throw first.reason
  if (second.status === 'rejected') throw second.reason
  return [first.value, second.value]
}

function anySignal(own: AbortSignal, other: AbortSignal | undefined): AbortSignal {
  return other ? AbortSignal.any([own, other]) : own
}

function resultOf(row: RepositoryRow, outcome: { commitsAdded: number; commitsRemoved: number }, started: number): IndexResult {
  return {
    repoId: row.id,
    path: row.path,
    head: row.indexedHead ?? '',
    commits: row.commits,
    commitsAdded: outcome.commitsAdded,
    commitsRemoved: outcome.commitsRemoved,
    files: row.files,
    people: row.people,
    filesAtHead: row.filesAtHead,
    shallow: row.shallow,
    durationMs: Math.round(performance.now() - started),
  }
}
