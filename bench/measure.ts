// Small helpers shared by the benchmarks: percentiles, a seeded PRNG, timed child processes and queries.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Percentile by nearest rank (p50 of [1,2,3,4] is 2, p95 of 50 samples is the 48th smallest). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number
}

/** Mulberry32: a small, fast, seeded PRNG in [0, 1), so samples are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface RunResult {
  readonly ms: number
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: number
}

export interface RunOptions {
  readonly cwd?: string
  readonly env?: NodeJS.ProcessEnv
  /** Send stdout to /dev/null instead of collecting it. */
  readonly discardStdout?: boolean
}

/** Runs a command and measures its wall time (spawn to exit). Never throws for a non-zero exit. */
export function runTimed(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', options.discardStdout ? 'ignore' : 'pipe', 'pipe'],
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', (error) => reject(new Error(`cannot run ${command}: ${error.message}`)))
    child.on('close', (code, signal) => {
      resolve({
        ms: performance.now() - started,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode: code ?? (signal ? 128 : 1),
      })
    })
  })
}

export interface NodeRunResult extends RunResult {
  /** Peak resident memory of the Node process in KiB; null if it died before reporting. */
  readonly maxRssKiB: number | null
}

/**
 * Runs a Node program (an .mjs file) in a child process through run-with-maxrss.mjs, which reports
 * the child's own `process.resourceUsage().maxRSS` as it exits. Works wherever Node runs (no
 * /usr/bin/time needed); the memory of git processes the program spawns is not included.
 */
export async function runNodeMeasured(program: string, args: readonly string[], options: RunOptions = {}): Promise<NodeRunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'coop-bench-rss-'))
  const report = join(dir, 'rss.json')
  try {
    const wrapper = join(import.meta.dirname, 'run-with-maxrss.mjs')
    const result = await runTimed(process.execPath, [wrapper, report, program, ...args], options)
    let maxRssKiB: number | null = null
    try {
      maxRssKiB = (JSON.parse(readFileSync(report, 'utf8')) as { maxRssKiB: number }).maxRssKiB
    } catch {
      maxRssKiB = null
    }
    return { ...result, maxRssKiB }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Formats milliseconds for a table: 0.42, 4.2, 42, 4,200. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—'
  if (ms < 10) return ms.toFixed(2)
  if (ms < 100) return ms.toFixed(1)
  return Math.round(ms).toLocaleString('en-US')
}

export interface QueryFigure {
  readonly query: string
  readonly runs: number
  readonly p50Ms: number
  readonly p95Ms: number
  readonly maxMs: number
  /** The first, uncounted call: what a fresh process pays once (statements, page cache, in-memory indexes). */
  readonly firstMs: number
  /** The sample (path, folder, text…) of the slowest run. */
  readonly slowest: string
  readonly error?: string
}

/**
 * Times a query: one warm-up call (reported as firstMs, not counted), then up to `runs` calls with
 * i = 1, 2, … (the caller cycles through its samples), stopping after `budgetMs` whatever the count.
 * A query that throws is reported with its error and the sample it failed on.
 */
export async function timeQuery(name: string, runs: number, label: (i: number) => string, fn: (i: number) => unknown, budgetMs = 20_000): Promise<QueryFigure> {
  let i = 0
  try {
    const warm = performance.now()
    await fn(i)
    const firstMs = performance.now() - warm
    const samples: number[] = []
    let slowest = ''
    const began = performance.now()
    for (i = 1; i <= runs && (i === 1 || performance.now() - began < budgetMs); i++) {
      const started = performance.now()
      await fn(i)
      const ms = performance.now() - started
      if (ms > Math.max(-1, ...samples)) slowest = label(i)
      samples.push(ms)
    }
    return { query: name, runs: samples.length, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), maxMs: Math.max(...samples), firstMs, slowest }
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? String(error)
    return { query: name, runs: 0, p50Ms: Number.NaN, p95Ms: Number.NaN, maxMs: Number.NaN, firstMs: Number.NaN, slowest: label(i), error: `${message} (for ${label(i)})` }
  }
}

/** JSON.stringify replacer: fractional numbers (milliseconds, ratios) to 0.01. */
export function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 100) / 100 : value
}

/** A benchmark's arguments, or its usage on stderr and exit status 2 when they don't parse. */
export function parseOrExit<T>(name: string, usage: string, parse: (argv: readonly string[]) => T): T {
  try {
    return parse(process.argv.slice(2))
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}`)
    console.error(`usage: ${usage}`)
    process.exit(2)
  }
}

/** Progress and tables: stdout normally, stderr with --json so stdout is only the JSON. */
export function progressWriter(json: boolean): (line?: string) => void {
  return (line = '') => {
    if (json) process.stderr.write(`${line}\n`)
    else console.log(line)
  }
}
