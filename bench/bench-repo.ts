// Repositories for the benchmarks: temporary folders, git, `--shared` clones we may commit to, seeded
// samples. Shared by index-bench.ts and code-bench.ts.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Temporary folders made during a run, deleted together (also on Ctrl-C) unless the run keeps them. */
export class TempDirs {
  readonly #dirs = new Set<string>()
  readonly #keep: boolean

  constructor(options: { keep: boolean }) {
    this.#keep = options.keep
    process.on('SIGINT', () => {
      this.cleanUp()
      process.exit(130)
    })
  }

  make(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    this.#dirs.add(dir)
    return dir
  }

  cleanUp(): void {
    if (this.#keep) return
    for (const dir of this.#dirs) rmSync(dir, { recursive: true, force: true })
    this.#dirs.clear()
  }
}

export function git(cwd: string, gitArgs: readonly string[]): string {
  try {
    return execFileSync('git', [...gitArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim()
    throw new Error(`git ${gitArgs.join(' ')} failed in ${cwd}: ${stderr || (error as Error).message}`, { cause: error })
  }
}

/** The top folder of the git repository at `source`, or an error saying why it cannot be benchmarked. */
export function repositoryTop(source: string): string {
  if (!existsSync(source)) throw new Error(`${source} does not exist`)
  let top: string
  try {
    top = git(source, ['rev-parse', '--show-toplevel'])
  } catch (error) {
    throw new Error(`${source} is not a git repository (or git cannot read it)`, { cause: error })
  }
  try {
    git(top, ['rev-parse', '--verify', '-q', 'HEAD^{commit}'])
  } catch (error) {
    throw new Error(`${top} has no commits to index`, { cause: error })
  }
  return top
}

/**
 * A copy we may commit to: `git clone --shared` (objects are borrowed from the original through
 * alternates, so it is quick and the original is never written to). `head`, when given, is the
 * commit to benchmark (the generated repository is benchmarked exactly as generated).
 */
export function workingCopy(temp: TempDirs, source: string, head: string | null = null): string {
  const dir = join(temp.make('coop-bench-clone-'), 'repo')
  git(tmpdir(), ['clone', '-q', '--shared', source, dir])
  if (head !== null && git(dir, ['rev-parse', 'HEAD']) !== head) git(dir, ['reset', '-q', '--hard', head])
  return realpathSync(dir)
}

const COMMIT_CONFIG = ['-c', 'user.name=Coop Bench', '-c', 'user.email=bench@coop.invalid', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null']

/** Appends a line to `file` in the clone and commits it: one new commit, one changed file. */
export function commitOne(repo: string, file: string, n: number): void {
  writeFileSync(join(repo, file), `// coop bench change ${n}\n`, { flag: 'a' })
  git(repo, ['add', '--', file])
  git(repo, [...COMMIT_CONFIG, 'commit', '-q', '--no-verify', '-m', `bench: change ${n}`])
}

/** Up to `count` distinct items drawn with `random` (a seeded prng, so the same on every run). */
export function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const copy = [...items]
  const out: T[] = []
  while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0] as T)
  return out
}

export interface Failure {
  readonly repository: string
  readonly error: string
}

/**
 * Benchmarks each repository in turn: a repository that fails is reported and the others still run;
 * temporary folders go after each. Returns the reports and the failures, already announced.
 */
export async function benchEach<T, R>(
  temp: TempDirs,
  targets: readonly T[],
  nameOf: (target: T) => string,
  bench: (target: T) => Promise<R>,
  say: (line?: string) => void,
): Promise<{ reports: R[]; failures: Failure[] }> {
  const reports: R[] = []
  const failures: Failure[] = []
  for (const target of targets) {
    try {
      reports.push(await bench(target))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      failures.push({ repository: nameOf(target), error: message })
      say(`  FAILED: ${message}`)
    } finally {
      temp.cleanUp()
    }
  }
  return { reports, failures }
}

/** Runs a benchmark's main and sets the exit status; an unexpected error is one line on stderr. */
export async function runMain(name: string, temp: TempDirs, main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main()
  } catch (error) {
    temp.cleanUp()
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}
