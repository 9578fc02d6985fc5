import { spawn } from 'node:child_process'
import { open } from 'node:fs/promises'
import { simpleGit, type SimpleGit } from 'simple-git'
import { GitError } from '../errors/coop-error'

/**
 * The single entry point to the git binary (through simple-git). Every failure becomes a GitError
 * carrying the arguments and stderr, so callers can tell a missing repository from a corrupt one.
 *
 * simple-git resolves (rather than rejects) when git exits non-zero with an empty stderr, so callers
 * that need a yes/no answer use commands whose empty output means "no" (`rev-parse --verify -q`).
 */
export async function runGit(repoPath: string, args: readonly string[], options: { stdin?: string } = {}): Promise<string> {
  try {
    return await gitFor(repoPath, options.stdin).raw([...args])
  } catch (error) {
    const stderr = error instanceof Error ? error.message.trim() : String(error)
    throw new GitError(describeGitFailure(repoPath, args, stderr), { args, exitCode: null, stderr, repoPath }, { cause: error })
  }
}

/**
 * Runs git with stdin read from `inputFile`, for the bulk reads that bypass simple-git: simple-git
 * feeds stdin through a pipe, which only drains while this process's event loop turns, so git sat
 * idle whenever indexing was busy in SQLite. A file needs nothing from this process. With
 * `onStdout`, what git prints is handed over as it comes (git waits while the handler does);
 * otherwise the caller has git write to a file (`--output`).
 */
export async function runGitWithFiles(
  repoPath: string,
  args: readonly string[],
  inputFile: string,
  signal?: AbortSignal,
  onStdout?: (stdout: NodeJS.ReadableStream) => Promise<void>,
): Promise<void> {
  const input = await open(inputFile, 'r')
  let handlerFailure: { error: unknown } | undefined
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('git', [...args], {
        cwd: repoPath,
        env: gitEnvironment(process.env),
        stdio: [input.fd, onStdout ? 'pipe' : 'ignore', 'pipe'],
        windowsHide: true,
        ...(signal ? { signal } : {}),
      })
      const chunks: Buffer[] = []
      child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk))
      child.on('error', reject)
      // A handler that fails stops git: its output is no longer wanted.
      const reading = onStdout && child.stdout
        ? onStdout(child.stdout).then(
            () => undefined,
            (error: unknown) => {
              handlerFailure = { error }
              child.kill()
            },
          )
        : Promise.resolve()
      child.on('close', (code) => {
        const stderr = Buffer.concat(chunks).toString('utf8')
        void reading.then(() => {
          if (handlerFailure) reject(handlerFailure.error)
          else if (code === 0) resolve()
          else reject(new Error(stderr.trim() === '' ? `git exited with code ${String(code)}` : stderr))
        })
      })
    })
  } catch (error) {
    if (handlerFailure) throw handlerFailure.error
    const stderr = error instanceof Error ? error.message.trim() : String(error)
    throw new GitError(describeGitFailure(repoPath, args, stderr), { args, exitCode: null, stderr, repoPath }, { cause: error })
  } finally {
    await input.close()
  }
}

function gitFor(repoPath: string, stdin: string | undefined): SimpleGit {
  return simpleGit({
    baseDir: repoPath,
    ...(stdin === undefined ? {} : { input: () => stdin }),
    maxConcurrentProcesses: 4,
    trimmed: false,
    // simple-git refuses GIT_* variables it is not told about; these three only make git quieter.
    allowEnvironment: ['GIT_TERMINAL_PROMPT', 'GIT_OPTIONAL_LOCKS', 'GIT_CONFIG_NOSYSTEM'],
  }).env(gitEnvironment(process.env))
}

/** What git needs from the environment to find itself, the user's config and a temp folder. */
const PASSED_THROUGH = ['PATH', 'HOME', 'USERPROFILE', 'HOMEDRIVE', 'HOMEPATH', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP', 'XDG_CONFIG_HOME', 'GIT_CONFIG_NOSYSTEM'] as const

/**
 * A clean environment: simple-git refuses to run when variables such as EDITOR or PAGER are set (they
 * can make git run programs), and GIT_DIR from a calling hook must not redirect us to another
 * repository. Messages are in English so they can be recognised; nothing may prompt.
 */
export function gitEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const clean: Record<string, string> = { LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' }
  for (const key of PASSED_THROUGH) {
    const value = env[key]
    if (value !== undefined) clean[key] = value
  }
  return clean
}

const CORRUPTION = /bad object|unable to read|is corrupt|corrupt (loose|pack)|invalid object|missing (blob|tree|commit)|packfile .* cannot be accessed|did not receive expected object/i

function describeGitFailure(repoPath: string, args: readonly string[], stderr: string): string {
  if (CORRUPTION.test(stderr)) {
    return `Git cannot read some objects in ${repoPath}: the repository may be damaged (git fsck there says which). What was indexed before is kept`
  }
  const firstLine = stderr.split('\n').find((line) => line.trim() !== '') ?? 'no output'
  // The command, not a `-c name=value` before it.
  const command = args.find((arg, i) => !arg.startsWith('-') && args[i - 1] !== '-c') ?? ''
  return `git ${command} failed: ${firstLine.replace(/^(fatal|error): /, '')}`
}
