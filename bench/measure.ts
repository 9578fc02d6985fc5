import { spawn } from 'node:child_process'

/** Percentile of sorted-on-demand samples (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number
}

export interface RunResult {
  readonly ms: number
  readonly stdout: string
  /** Peak resident memory of the child in KiB, from GNU time (null when /usr/bin/time is missing). */
  readonly maxRssKiB: number | null
}

/** Runs a command with its output captured (or discarded) and measures wall time and peak memory. */
export function runMeasured(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; discardStdout?: boolean } = {}): Promise<RunResult> {
  const useTime = process.platform === 'linux'
  const file = useTime ? '/usr/bin/time' : command
  const argv = useTime ? ['-f', 'COOP_MAXRSS=%M', command, ...args] : [...args]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', options.discardStdout ? 'ignore' : 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      const ms = performance.now() - started
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.slice(-500)}`))
      const rss = /COOP_MAXRSS=(\d+)/.exec(stderr)
      resolve({ ms, stdout, maxRssKiB: rss ? Number(rss[1]) : null })
    })
  })
}
