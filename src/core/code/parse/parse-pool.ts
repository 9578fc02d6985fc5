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
 * Parses source files on worker threads so that tree-sitter's work (and its wasm memory) stays off
 * the thread that serves the app. One job per worker at a time; the rest wait in order. A worker
 * that crashes fails only the job it was running, and a fresh one takes its place.
 */
export class ParsePool {
  readonly #size: number
  readonly #workerUrl: URL
  readonly #idle: Worker[] = []
  readonly #running = new Map<Worker, PendingJob>()
  readonly #workers = new Set<Worker>()
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
    for (const job of this.#running.values()) job.reject(closedError(job.language))
    this.#running.clear()
    const workers = [...this.#workers]
    this.#workers.clear()
    this.#idle.length = 0
    await Promise.all(workers.map((w) => w.terminate()))
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let worker = this.#idle.pop()
      if (worker === undefined) {
        if (this.#workers.size >= this.#size) return
        const missing = this.#missingScript()
        if (missing !== null) {
          // Without its script every worker would die at once; say what is missing instead.
          for (const job of this.#queue.splice(0)) job.reject(missing)
          return
        }
        worker = this.#spawn()
      }
      const job = this.#queue.shift() as PendingJob
      this.#running.set(worker, job)
      worker.ref()
      const message: ParseJob = { id: job.id, language: job.language, source: job.source }
      worker.postMessage(message)
    }
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
    this.#workers.add(worker)
    worker.on('message', (reply: ParseReply) => this.#answered(worker, reply))
    worker.on('error', (error: unknown) => this.#crashed(worker, `it threw ${describe(error)}`, error))
    worker.on('messageerror', (error: unknown) => this.#crashed(worker, `its answer could not be read: ${describe(error)}`, error))
    worker.on('exit', (code: number) => this.#crashed(worker, `it exited with code ${code}`))
    return worker
  }

  #answered(worker: Worker, reply: ParseReply): void {
    const job = this.#running.get(worker)
    if (job === undefined || job.id !== reply.id) return
    this.#running.delete(worker)
    if (reply.ok) job.resolve(reply.parsed)
    else job.reject(new CoopError('internal', `Could not parse a ${job.language} file: ${reply.error}`, contextOf(job)))
    // An idle worker must not keep the process alive (a CLI that forgot close() still exits).
    worker.unref()
    this.#idle.push(worker)
    this.#dispatch()
  }

  /** The first of error/messageerror/exit retires the worker and fails its job; the others find it gone. */
  #crashed(worker: Worker, cause: string, error?: unknown): void {
    if (!this.#workers.delete(worker)) return
    const idle = this.#idle.indexOf(worker)
    if (idle !== -1) this.#idle.splice(idle, 1)
    const job = this.#running.get(worker)
    this.#running.delete(worker)
    void worker.terminate()
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
