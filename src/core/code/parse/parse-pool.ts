import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { CoopError } from '../../errors/coop-error'
import type { CodeLanguage, ParsedFile } from '../code-types'
import type { ParseJob, ParseReply } from './parse-messages'

export interface ParsePoolOptions {
  /**
   * Worker threads at most; they start on demand. Default: one per core, at most 4: while they parse,
   * this thread mostly waits on git and writes small transactions (measured: 15% faster than
   * leaving it a core of its own on a 2-core machine).
   */
  readonly size?: number
  /**
   * The built worker script. Default: parse-worker.mjs next to the bundle holding this module, which
   * is where the CLI and Electron main builds put it; tests pass the one their setup builds.
   */
  readonly workerUrl?: URL
}

interface PendingJob extends ParseJob {
  readonly resolve: (parsed: ParsedFile) => void
  readonly reject: (error: Error) => void
}

/**
 * Jobs posted to a worker ahead of its answers, so that it goes from one file to the next without
 * waiting for this thread, which may be busy writing results to the database.
 */
const JOBS_PER_WORKER = 8

/**
 * Parses source files on worker threads so that tree-sitter's work (and its wasm memory) stays off
 * the thread that serves the app. Each worker holds up to JOBS_PER_WORKER jobs and answers them in
 * order; the rest wait here in order. A worker that crashes fails only the job it was running (the
 * oldest it held: the others never started and go to a fresh worker).
 */
export class ParsePool {
  readonly #size: number
  readonly #workerUrl: URL
  /** Jobs posted to each worker, oldest first. */
  readonly #held = new Map<Worker, PendingJob[]>()
  readonly #queue: PendingJob[] = []
  #nextId = 1
  #closed = false

  constructor(options: ParsePoolOptions = {}) {
    this.#size = Math.max(1, Math.floor(options.size ?? Math.min(4, availableParallelism())))
    this.#workerUrl = options.workerUrl ?? new URL('./parse-worker.mjs', import.meta.url)
  }

  parse(language: CodeLanguage, source: string): Promise<ParsedFile> {
    if (this.#closed) return Promise.reject(closedError(language))
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, language, source, resolve, reject })
      this.#dispatch()
    })
  }

  /** Stops every worker. Jobs not finished yet fail; later calls to parse fail at once. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    for (const job of this.#queue.splice(0)) job.reject(closedError(job.language))
    for (const jobs of this.#held.values()) for (const job of jobs) job.reject(closedError(job.language))
    const workers = [...this.#held.keys()]
    this.#held.clear()
    await Promise.all(workers.map((w) => w.terminate()))
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#pickWorker()
      if (worker === null) return
      const job = this.#queue.shift() as PendingJob
      const held = this.#held.get(worker) as PendingJob[]
      held.push(job)
      if (held.length === 1) worker.ref()
      const message: ParseJob = { id: job.id, language: job.language, source: job.source }
      worker.postMessage(message)
    }
  }

  /**
   * Where the next job goes: an idle worker, else a new one while there is room for one, else the
   * worker holding the fewest jobs; null when every worker holds JOBS_PER_WORKER.
   */
  #pickWorker(): Worker | null {
    let best: Worker | null = null
    let fewest = JOBS_PER_WORKER
    for (const [worker, held] of this.#held) {
      if (held.length < fewest) {
        best = worker
        fewest = held.length
      }
    }
    if (fewest === 0 || this.#held.size >= this.#size) return best
    const missing = this.#missingScript()
    if (missing !== null) {
      // Without its script every worker would die at once; say what is missing instead.
      for (const job of this.#queue.splice(0)) job.reject(missing)
      return null
    }
    return this.#spawn()
  }

  /** Throws when no worker can start (the script is missing): the whole run should stop, not each file. */
  assertUsable(): void {
    const missing = this.#missingScript()
    if (missing) throw missing
  }

  #missingScript(): CoopError | null {
    const path = fileURLToPath(this.#workerUrl)
    if (existsSync(path)) return null
    return new CoopError('internal', `The parse worker script is missing: ${path} (run npm run build, or pass workerUrl)`, { workerUrl: this.#workerUrl.href })
  }

  #spawn(): Worker {
    const worker = new Worker(this.#workerUrl, { name: 'coop-parse' })
    this.#held.set(worker, [])
    worker.on('message', (reply: ParseReply) => this.#answered(worker, reply))
    worker.on('error', (error: unknown) => this.#crashed(worker, `it threw ${describe(error)}`, error))
    worker.on('messageerror', (error: unknown) => this.#crashed(worker, `its answer could not be read: ${describe(error)}`, error))
    worker.on('exit', (code: number) => this.#crashed(worker, `it exited with code ${code}`))
    return worker
  }

  #answered(worker: Worker, reply: ParseReply): void {
    const held = this.#held.get(worker)
    const job = held?.[0]
    if (held === undefined || job === undefined || job.id !== reply.id) return
    held.shift()
    if (reply.ok) job.resolve(reply.parsed)
    else job.reject(new CoopError('internal', `Could not parse a ${job.language} file: ${reply.error}`, contextOf(job)))
    // An idle worker must not keep the process alive (a CLI that forgot close() still exits).
    if (held.length === 0) worker.unref()
    this.#dispatch()
  }

  /** The first of error/messageerror/exit retires the worker and fails its job; the others find it gone. */
  #crashed(worker: Worker, cause: string, error?: unknown): void {
    const held = this.#held.get(worker)
    if (held === undefined) return
    this.#held.delete(worker)
    void worker.terminate()
    const job = held.shift()
    // The jobs behind it never started: first in line again.
    this.#queue.unshift(...held)
    if (job !== undefined) {
      job.reject(new CoopError('internal', `Parsing a ${job.language} file (${job.source.length} characters) failed: the parse worker died: ${cause}`, contextOf(job), { cause: error }))
    }
    this.#dispatch()
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

function contextOf(job: PendingJob): Record<string, unknown> {
  return { language: job.language, characters: job.source.length }
}

function closedError(language: CodeLanguage): CoopError {
  return new CoopError('cancelled', `The parse pool is closed: the ${language} file was not parsed`, { language })
}
