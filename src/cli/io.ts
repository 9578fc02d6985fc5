/** Where a command writes: the real process streams, or buffers in tests. */
export interface CliIo {
  readonly stdout: Pick<NodeJS.WriteStream, 'write'> & { readonly isTTY?: boolean }
  readonly stderr: Pick<NodeJS.WriteStream, 'write'> & { readonly isTTY?: boolean; readonly columns?: number }
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
  /** Input for commands that read it (`coop sanitize -`); tests pass a stream of their own. */
  readonly stdin?: NodeJS.ReadableStream
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    // A getter: Node opens stdin on first access, and only `coop sanitize` needs it.
    get stdin() {
      return process.stdin
    },
  }
}
