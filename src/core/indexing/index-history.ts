import type { IndexProgress } from '../../shared/types'
import { CoopError } from '../errors/coop-error'
import type { GitBackend } from '../git/git-backend'
import type { GitCommit } from '../git/read-history'
import type { Db } from '../store/open-database'
import { HistoryWriter } from './history-writer'
import { updateDirStats } from './update-dir-stats'

/**
 * Commits per `git log` call: bounds memory (a page is held whole) while keeping git's per-process
 * start-up (loading pack indexes, cold delta caches) small next to its work.
 */
export const PAGE_SIZE = 10_000

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

  // Folder sums follow the commits page by page, so their work overlaps git reading the next page.
  if (commitsRemoved > 0) updateDirStats(db, repoId, { rebuild: true })
  const writer = new HistoryWriter(db, repoId)
  const pending = writer.missing(candidates)
  let commitsAdded = 0
  onProgress({ repoId, phase: 'reading', done: 0, total: pending.length })
  // git reads the next page while this process writes the current one.
  const readPage = (start: number): Promise<GitCommit[]> | null => {
    if (start >= pending.length) return null
    const page = backend.readCommits(repoPath, pending.slice(start, start + PAGE_SIZE))
    // If writing the current page fails, nobody awaits this one: its failure must not go unhandled.
    page.catch(() => undefined)
    return page
  }
  let next = readPage(0)
  for (let start = 0; next !== null; start += PAGE_SIZE) {
    const commits = await next
    throwIfAborted(signal)
    next = readPage(start + PAGE_SIZE)
    commitsAdded += await writeInSlices(writer, commits, (written) =>
      onProgress({ repoId, phase: 'reading', done: start + written, total: pending.length }),
    )
    updateDirStats(db, repoId, { rebuild: false })
  }
  writer.finish()
  return { commitsAdded, commitsRemoved }
}

/** Commits per transaction within a page: the most a crash can lose. */
export const COMMITS_PER_TRANSACTION = 250

/**
 * Writes a page in small transactions, yielding to the event loop between them: git keeps streaming
 * the next page into its pipe meanwhile (a blocked loop would stall it), and a host's other work
 * (IPC, HTTP) is never held up for long. A crash loses at most the slice in flight.
 */
async function writeInSlices(writer: HistoryWriter, commits: readonly GitCommit[], onWritten: (count: number) => void): Promise<number> {
  let added = 0
  for (let i = 0; i < commits.length; i += COMMITS_PER_TRANSACTION) {
    added += writer.writeBatch(commits.slice(i, i + COMMITS_PER_TRANSACTION))
    onWritten(Math.min(i + COMMITS_PER_TRANSACTION, commits.length))
    await new Promise((resolve) => setImmediate(resolve))
  }
  return added
}

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
