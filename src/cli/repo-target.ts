import { isAbsolute, relative, resolve, sep } from 'node:path'
import { CoopError } from '../core/errors/coop-error'
import type { CommandContext } from './run-cli'
import { ProgressBar } from './progress-bar'

export interface RepoTargetOptions {
  readonly repo?: string
  /** Commander turns `--no-refresh` into `refresh: false`. */
  readonly refresh?: boolean
}

export interface RepoTarget {
  readonly repoId: number
  readonly top: string
  /** Turns a path argument into a repository-relative one ('/'-separated, '' for the root). */
  toRepoPath(arg: string): string
}

/**
 * The repository a query is about: `--repo PATH`, else the one around the working directory. It is
 * indexed first (only new commits, usually nothing), so answers always reflect the current HEAD;
 * `--no-refresh` answers from what is stored.
 */
export async function resolveRepoTarget(context: CommandContext, options: RepoTargetOptions): Promise<RepoTarget> {
  const { io } = context
  const core = context.openCore()
  const from = resolve(io.cwd, options.repo ?? '.')
  let repoId: number
  let top: string
  if (options.refresh === false) {
    const known = core.repos.list().find((r) => from === r.path || from.startsWith(r.path + sep))
    if (!known) throw new CoopError('not_found', `${from} is not indexed yet: run coop index ${from}`)
    repoId = known.id
    top = known.path
  } else {
    const bar = io.stderr.isTTY ? new ProgressBar(io.stderr, 'Updating index') : null
    const result = await core.repos.index(from, { onProgress: (p) => bar?.update(p) }).finally(() => bar?.clear())
    repoId = result.repoId
    top = result.path
  }
  const base = options.repo === undefined ? io.cwd : top
  return {
    repoId,
    top,
    toRepoPath(arg) {
      const absolute = isAbsolute(arg) ? arg : resolve(base, arg)
      const rel = relative(top, absolute)
      if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
        throw new CoopError('invalid_input', `${arg} is outside the repository ${top}`)
      }
      return rel.split(sep).join('/')
    },
  }
}
