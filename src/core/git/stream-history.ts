import { mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import { setTimeout as sleep } from 'node:timers/promises'
import { LOG_ARGUMENTS, parseLog, readCommits, type GitCommit } from './read-history'
import { runGitWithFiles } from './run-git'

/** Below this many commits one `git log` through pipes is simplest, and fast enough. */
const SMALL_READ = 500
/** Bytes read from git's output per step: bounds what is held in memory besides one batch. */
const READ_CHUNK = 1 << 20
/** How long to wait before looking again when this process has caught up with git. */
const POLL_MS = 5

/**
 * The given commits, in order, in batches of up to `batchSize`, from one `git log` process for the
 * whole list (two for a long one). git writes to a temp file and this process follows the file as
 * it grows, so git never waits for this process (a pipe fills up whenever indexing is busy in
 * SQLite), and does not pay its start-up again per page (loading pack indexes and warming delta
 * caches cost about 20% of the read on a 100k-commit history). Memory stays bounded by a batch and
 * a read chunk, however long the history. Stopping the iteration early kills git and removes the
 * files.
 */
export async function* streamCommits(repoPath: string, hashes: readonly string[], batchSize: number): AsyncGenerator<GitCommit[]> {
  if (hashes.length <= SMALL_READ) {
    if (hashes.length > 0) yield* inBatches(await readCommits(repoPath, hashes), batchSize)
    return
  }
  const dir = await mkdtemp(join(tmpdir(), 'coop-log-'))
  const stop = new AbortController()
  try {
    // Before its first commit git looks up every commit it was given (most of a second for 100k),
    // so a short first segment gets indexing going while the long one starts up beside it.
    const segments = hashes.length > 2 * FIRST_SEGMENT ? [hashes.slice(0, FIRST_SEGMENT), hashes.slice(FIRST_SEGMENT)] : [hashes]
    const started = await Promise.all(segments.map((segment, i) => startLog(repoPath, segment, join(dir, String(i)), stop.signal)))
    for (const log of started) yield* followLog(log, batchSize)
  } finally {
    stop.abort()
    await rm(dir, { recursive: true, force: true })
  }
}

/** Commits in the first of two git processes. */
const FIRST_SEGMENT = 5_000

interface StartedLog {
  readonly hashes: readonly string[]
  readonly outputPath: string
  readonly git: Promise<void>
  readonly finished: () => boolean
}

async function startLog(repoPath: string, hashes: readonly string[], base: string, signal: AbortSignal): Promise<StartedLog> {
  const input = `${base}.hashes`
  const outputPath = `${base}.log`
  await writeFile(input, `${hashes.join('\n')}\n`)
  await writeFile(outputPath, '')
  let finished = false
  const git = runGitWithFiles(repoPath, [...LOG_ARGUMENTS, `--output=${outputPath}`], input, signal).finally(() => {
    finished = true
  })
  // Awaited when its output has been read; until then a failure must not count as unhandled.
  git.catch(() => undefined)
  return { hashes, outputPath, git, finished: () => finished }
}

/** Follows one git process's output file as it grows, handing over whole commits in batches. */
async function* followLog(log: StartedLog, batchSize: number): AsyncGenerator<GitCommit[]> {
  const output = await open(log.outputPath, 'r')
  try {
    const records = new RecordSplitter(log.hashes)
    const buffer = Buffer.alloc(READ_CHUNK)
    let position = 0
    for (;;) {
      // `finished` is read before the file, so nothing written before git exited is missed.
      const done = log.finished()
      const { bytesRead } = await output.read(buffer, 0, READ_CHUNK, position)
      position += bytesRead
      if (bytesRead > 0) records.push(buffer.subarray(0, bytesRead))
      else if (done) break
      else await sleep(POLL_MS)
      for (let text = records.take(batchSize); text !== null; text = records.take(batchSize)) yield parseLog(text)
    }
    // A failed git throws here, after every commit it completed was handed over.
    await log.git
    const rest = records.end()
    if (rest !== '') yield* inBatches(parseLog(rest), batchSize)
  } finally {
    await output.close()
  }
}

function* inBatches(commits: readonly GitCommit[], batchSize: number): Generator<GitCommit[]> {
  for (let i = 0; i < commits.length; i += batchSize) yield commits.slice(i, i + batchSize)
}

/**
 * Cuts `git log` output into whole commits. A commit is known to be complete when the next one has
 * started, and the next one is found by its hash (`--no-walk=unsorted` prints commits in the order
 * given): a subject or path containing the record separator cannot fake a boundary.
 */
class RecordSplitter {
  readonly #hashes: readonly string[]
  readonly #decoder = new StringDecoder('utf8')
  #text = ''
  /** Index in #hashes of the first commit in #text. */
  #first = 0
  /** Where the search for the next boundary continues, and the commits found complete so far. */
  #searchFrom = 0
  #complete = 0
  #completeEnd = 0

  constructor(hashes: readonly string[]) {
    this.#hashes = hashes
  }

  push(bytes: Buffer): void {
    this.#text += this.#decoder.write(bytes)
  }

  /** The text of the next `count` whole commits, or null while fewer are complete. */
  take(count: number): string | null {
    while (this.#complete < count) {
      const next = this.#hashes[this.#first + this.#complete + 1]
      if (next === undefined) return null
      const at = this.#text.indexOf(`\x1e${next}\x1f`, this.#searchFrom)
      if (at === -1) {
        // The marker may be cut off at the end: look again from just before it.
        this.#searchFrom = Math.max(this.#completeEnd, this.#text.length - next.length - 2)
        return null
      }
      this.#complete++
      this.#completeEnd = at
      this.#searchFrom = at + 1
    }
    const text = this.#text.slice(0, this.#completeEnd)
    this.#text = this.#text.slice(this.#completeEnd)
    this.#first += this.#complete
    this.#searchFrom = Math.max(0, this.#searchFrom - this.#completeEnd)
    this.#complete = 0
    this.#completeEnd = 0
    return text
  }

  /** Everything left once git has exited: the last commits. */
  end(): string {
    const rest = this.#text + this.#decoder.end()
    this.#text = ''
    return rest
  }
}
