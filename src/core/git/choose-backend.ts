import { spawnSync } from 'node:child_process'
import { CoopError } from '../errors/coop-error'
import { cliBackend } from './cli-backend'
import type { GitBackend } from './git-backend'

export type GitBackendSetting = 'auto' | 'git' | 'isomorphic'

export function isGitBackendSetting(value: unknown): value is GitBackendSetting {
  return value === 'auto' || value === 'git' || value === 'isomorphic'
}

/** The git binary when it is installed (`auto`), or the pure-JavaScript reader when told or when git is missing. */
export function chooseBackend(setting: GitBackendSetting): GitBackend {
  switch (setting) {
    case 'isomorphic':
      return isomorphicBackend
    case 'git':
      if (!hasGitBinary()) throw new CoopError('unsupported', 'The git binary is not installed: install git, or use --git-backend isomorphic')
      return cliBackend
    case 'auto':
      return hasGitBinary() ? cliBackend : isomorphicBackend
  }
}

/**
 * isomorphic-git is loaded only when it is used: most machines have git, and the CLI should start
 * without parsing a library it will not call.
 */
const isomorphicBackend: GitBackend = (() => {
  let loaded: Promise<GitBackend> | undefined
  const load = (): Promise<GitBackend> => (loaded ??= import('./iso/isomorphic-backend').then((m) => m.isomorphicBackend))
  return {
    kind: 'isomorphic',
    inspect: async (...args) => (await load()).inspect(...args),
    listCommits: async (...args) => (await load()).listCommits(...args),
    isAncestor: async (...args) => (await load()).isAncestor(...args),
    readCommits: async (...args) => (await load()).readCommits(...args),
    streamCommits: async function* (...args) {
      yield* (await load()).streamCommits(...args)
    },
    listTree: async (...args) => (await load()).listTree(...args),
    diffTrees: async (...args) => (await load()).diffTrees(...args),
    readBlob: async (...args) => (await load()).readBlob(...args),
    readBlobs: async (...args) => (await load()).readBlobs(...args),
    isShallow: async (...args) => (await load()).isShallow(...args),
  }
})()

let gitFound: boolean | undefined
function hasGitBinary(): boolean {
  gitFound ??= spawnSync('git', ['--version'], { stdio: 'ignore' }).status === 0
  return gitFound
}
