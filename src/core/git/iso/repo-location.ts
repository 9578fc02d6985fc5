import { lstat, readFile, realpath, stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { CoopError } from '../../errors/coop-error'
import { notARepository, requireDirectory } from '../repository-errors'
import type { RepositoryLayout } from '../inspect-repository'
import { readRepoConfigValue } from './config'

/** Where a repository's pieces live on disk, found the way git's own discovery finds them. */
export interface RepoLocation {
  readonly layout: RepositoryLayout
  /** The work tree's top level, or the git directory of a bare repository (real path, like git prints). */
  readonly top: string
  /** Per-worktree git directory: HEAD lives here. */
  readonly gitDir: string
  /** Shared git directory (differs from gitDir for linked worktrees): objects, refs, config, shallow. */
  readonly commonDir: string
}

/**
 * Finds the repository containing `inputPath` like `git rev-parse` does: from the real path upwards,
 * the first folder with a `.git` directory or `gitdir:` file, or that is itself a git directory.
 * Failures carry the same codes and messages as inspectRepository (git-binary side).
 */
export async function locateRepository(inputPath: string): Promise<RepoLocation> {
  const path = resolve(inputPath)
  await requireDirectory(path)
  // git works from getcwd(), which has symlinks resolved; so do its top-level and git-dir answers.
  let dir = await realpath(path)
  for (;;) {
    const dotGit = join(dir, '.git')
    const gitFile = await readGitFile(dotGit, path)
    if (gitFile) return worktreeAt(dir, gitFile)
    if ((await isDirectory(dotGit)) && (await isGitDirectory(dotGit))) return worktreeAt(dir, dotGit)
    if (await isGitDirectory(dir)) return bareAt(dir, path)
    const parent = dirname(dir)
    if (parent === dir) throw notARepository(path)
    dir = parent
  }
}

/** basename of the top level; a bare repository's name drops its `.git` suffix. */
export function repositoryName(location: RepoLocation): string {
  const name = basename(location.top)
  return location.layout === 'bare' ? name.replace(/\.git$/, '') || name : name
}

async function worktreeAt(top: string, gitDir: string): Promise<RepoLocation> {
  const real = await realpath(gitDir)
  return { layout: 'worktree', top, gitDir: real, commonDir: await commonDirOf(real) }
}

async function bareAt(dir: string, inputPath: string): Promise<RepoLocation> {
  const commonDir = await commonDirOf(dir)
  // A work tree's own .git folder found directly: git has no work tree there but is not bare either
  // (core.bare=false), so `rev-parse --show-toplevel` fails; report that failure the same way.
  if (/^(false|no|off|0)$/i.test((await readRepoConfigValue(commonDir, 'core', 'bare')) ?? '')) {
    throw new CoopError('git_failed', 'git rev-parse failed: this operation must be run in a work tree', { repoPath: inputPath })
  }
  return { layout: 'bare', top: dir, gitDir: dir, commonDir }
}

/** A `.git` file (`gitdir: <path>`, used by linked worktrees and submodules): the git directory it names. */
async function readGitFile(dotGit: string, inputPath: string): Promise<string | null> {
  let content: string
  try {
    if (!(await stat(dotGit)).isFile()) return null
    content = await readFile(dotGit, 'utf8')
  } catch {
    return null
  }
  const match = /^gitdir: (.*?)\s*$/.exec(content)
  if (!match?.[1]) {
    throw new CoopError('git_failed', `git rev-parse failed: invalid gitfile format: ${dotGit}`, { repoPath: inputPath })
  }
  const target = isAbsolute(match[1]) ? match[1] : join(dirname(dotGit), match[1])
  if (!(await isGitDirectory(target))) throw notARepository(inputPath)
  return target
}

/** git's is_git_directory: a valid HEAD, and objects/ and refs/ in the (common) directory. */
export async function isGitDirectory(dir: string): Promise<boolean> {
  if (!(await hasValidHead(dir))) return false
  const common = await commonDirOf(dir)
  return (await isDirectory(join(common, 'objects'))) && (await isDirectory(join(common, 'refs')))
}

async function hasValidHead(dir: string): Promise<boolean> {
  const head = join(dir, 'HEAD')
  try {
    const info = await lstat(head)
    if (info.isSymbolicLink()) return true
    if (!info.isFile()) return false
    const content = await readFile(head, 'utf8')
    return /^ref: refs\//.test(content) || /^[0-9a-f]{40}/.test(content)
  } catch {
    return false
  }
}

/** Linked worktrees keep a `commondir` file pointing at the main repository's git directory. */
async function commonDirOf(gitDir: string): Promise<string> {
  try {
    const target = (await readFile(join(gitDir, 'commondir'), 'utf8')).trim()
    if (target === '') return gitDir
    return isAbsolute(target) ? target : resolve(gitDir, target)
  } catch {
    return gitDir
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
