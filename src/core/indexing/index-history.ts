import type { IndexProgress } from '../../shared/types'
import { CoopError } from '../errors/coop-error'
import type { GitBackend } from '../git/git-backend'
import type { Db } from '../store/open-database'
import { HistoryWriter } from './history-writer'
import { type FolderCache, updateDirStats } from './update-dir-stats'

export interface HistoryRunInput {
  readonly db: Db
  readonly backend: GitBackend
  readonly repoId: number
  readonly repoPath: string
  readonly head: string
  /** The head of the last completed run, or null for a first run. */
  readonly indexedHead: string | null
  readonly onProgress: (progress: IndexProgress) => void
  readonly signal?: AbortSignal
}

export interface HistoryRunOutcome {
  readonly commitsAdded: number
  readonly commitsRemoved: number
}

/**
 * Brings the stored history of one repository up to `head`: only commits added since the last run
 * are read; if history was rewritten (the old head is no longer an ancestor), commits that are no
 * longer reachable are removed and the missing ones read.
 */
export async function indexHistory(input: HistoryRunInput): Promise<HistoryRunOutcome> {
  const { db, backend, repoId, repoPath, head, indexedHead, onProgress, signal } = input
  if (indexedHead === head) return { commitsAdded: 0, commitsRemoved: 0 }

  onProgress({ repoId, phase: 'scanning', done: 0, total: 0 })
  const appendOnly = indexedHead !== null && (await backend.isAncestor(repoPath, indexedHead, head))
  const candidates = await backend.listCommits(repoPath, head, appendOnly ? indexedHead : null)
  const commitsRemoved = appendOnly || indexedHead === null ? 0 : removeUnreachable(db, repoId, candidates)

  if (commitsRemoved > 0) updateDirStats(db, repoId, { rebuild: true })
  const writer = new HistoryWriter(db, repoId)
  const pending = writer.missing(candidates)
  let commitsAdded = 0
  let done = 0
  let statsDue = STATS_EVERY
  const folderCache: FolderCache = new Map()
  onProgress({ repoId, phase: 'reading', done: 0, total: pending.length })
  // git reads the whole list in one process, side by side with this one writing what it has read.
  for await (const commits of backend.streamCommits(repoPath, pending, COMMITS_PER_TRANSACTION)) {
    throwIfAborted(signal)
    commitsAdded += writer.writeBatch(commits)
    done += commits.length
    onProgress({ repoId, phase: 'reading', done, total: pending.length })
    // Folder sums follow the commits as they go, so a stopped run leaves little to sum up next time.
    if (done >= statsDue) {
      updateDirStats(db, repoId, { rebuild: false, folderCache })
      statsDue = done + STATS_EVERY
    }
    // Between transactions the host's other work (IPC, HTTP) gets its turn.
    await new Promise((resolve) => setImmediate(resolve))
  }
  updateDirStats(db, repoId, { rebuild: false, folderCache })
  writer.finish()
  return { commitsAdded, commitsRemoved }
}

/** Commits per transaction: the most a crash can lose, and the longest the event loop is held. */
export const COMMITS_PER_TRANSACTION = 500

/** Commits between updates of the folder sums. */
const STATS_EVERY = 25_000

/** Deletes stored commits that `reachable` no longer contains (after a rebase, reset or branch switch). */
function removeUnreachable(db: Db, repoId: number, reachable: readonly string[]): number {
  const keep = new Set(reachable)
  const stored = db.prepare('SELECT id, hash FROM commits WHERE repo_id = ?').all(repoId) as { id: number; hash: string }[]
  const gone = stored.filter((row) => !keep.has(row.hash))
  const remove = db.prepare('DELETE FROM commits WHERE id = ?')
  db.transaction(() => {
    for (const row of gone) remove.run(row.id)
  })()
  return gone.length
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CoopError('cancelled', 'Indexing was cancelled; the next run continues where it stopped')
}
