import { Readable } from 'node:stream'
import type { CliIo } from '../../src/cli/io'
import { runCli } from '../../src/cli/run-cli'

export interface CoopRunOptions {
  readonly cwd?: string
  readonly env?: NodeJS.ProcessEnv
  /** Standard input; absent means the command has none. */
  readonly stdin?: string | Buffer
  /** Standard input is a terminal (the key prompt). */
  readonly stdinTty?: boolean
  /** stderr is a terminal, 100 columns wide (progress bars). */
  readonly stderrTty?: boolean
}

export interface CoopRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `coop` in-process with captured output, as the CLI tests need it. */
export async function runCoop(args: readonly string[], options: CoopRunOptions = {}): Promise<CoopRun> {
  let stdout = ''
  let stderr = ''
  let stdin: (Readable & { isTTY?: boolean }) | undefined
  if (options.stdin !== undefined) {
    stdin = Readable.from([Buffer.from(options.stdin)])
    if (options.stdinTty) stdin.isTTY = true
  }
  const io: CliIo = {
    stdout: { write: (text: string | Uint8Array) => ((stdout += String(text)), true) },
    stderr: { write: (text: string | Uint8Array) => ((stderr += String(text)), true), isTTY: options.stderrTty ?? false, columns: 100 },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    ...(stdin ? { stdin } : {}),
  }
  const code = await runCli([...args], io)
  return { code, stdout, stderr }
}
