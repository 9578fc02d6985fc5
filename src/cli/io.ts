/** Where a command writes: the real process streams, or buffers in tests. */
export interface CliIo {
  readonly stdout: Pick<NodeJS.WriteStream, 'write'> & { readonly isTTY?: boolean }
  readonly stderr: Pick<NodeJS.WriteStream, 'write'> & { readonly isTTY?: boolean; readonly columns?: number }
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }
}
