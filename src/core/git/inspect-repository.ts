import { basename, resolve } from 'node:path'
import { CoopError, GitError } from '../errors/coop-error'
import { emptyRepository, notARepository, requireDirectory } from './repository-errors'
import { runGit } from './run-git'

export type RepositoryLayout = 'worktree' | 'bare'

export interface InspectedRepository {
  readonly layout: RepositoryLayout
  /** The work tree's top level, or the git directory of a bare repository. */
  readonly path: string
  readonly name: string
  readonly head: string
}

/**
 * Checks that `path` is a git repository with at least one commit and finds its top level.
 * Each way this can fail is a CoopError with a one-line message that says what to do.
 */
export async function inspectRepository(inputPath: string): Promise<InspectedRepository> {
  const path = resolve(inputPath)
  await requireDirectory(path)

  let gitDir: string
  let bare: boolean
  try {
    const [isBare = '', dir = ''] = (await runGit(path, ['rev-parse', '--is-bare-repository', '--absolute-git-dir'])).trim().split('\n')
    bare = isBare === 'true'
    gitDir = dir
  } catch (error) {
    throw explainNotARepository(path, error)
  }

  const top = bare ? gitDir : (await runGit(path, ['rev-parse', '--show-toplevel'])).trim()
  // Empty output means HEAD is unborn: `-q` makes git exit quietly instead of failing loudly.
  const head = (await runGit(path, ['rev-parse', '--verify', '-q', 'HEAD^{commit}'])).trim()
  if (head === '') {
    throw emptyRepository(top)
  }
  return { layout: bare ? 'bare' : 'worktree', path: top, name: nameOf(top, bare), head }
}

function explainNotARepository(path: string, error: unknown): CoopError {
  const stderr = error instanceof GitError ? error.stderr : ''
  if (/dubious ownership/.test(stderr)) {
    return new CoopError(
      'not_a_repository',
      `Git refuses ${path} because another user owns it: run git config --global --add safe.directory '${path}'`,
      { path },
      { cause: error },
    )
  }
  if (/not a git repository/i.test(stderr)) {
    return notARepository(path, error)
  }
  return error instanceof CoopError ? error : new CoopError('git_failed', `Could not read ${path} with git`, { path }, { cause: error })
}

function nameOf(top: string, bare: boolean): string {
  const name = basename(top)
  return bare ? name.replace(/\.git$/, '') || name : name
}
