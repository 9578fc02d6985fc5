import type { GitBackend } from './git-backend'
import { inspectRepository } from './inspect-repository'
import { readBlobs } from './read-blobs'
import { isAncestor, listCommits, readCommits } from './read-history'
import { diffTrees, isShallow, listTree, readBlob } from './read-tree'
import { streamCommits } from './stream-history'

/** The git binary through simple-git: the default whenever git is installed. */
export const cliBackend: GitBackend = {
  kind: 'git',
  inspect: inspectRepository,
  listCommits,
  isAncestor,
  readCommits,
  streamCommits,
  listTree,
  diffTrees,
  readBlob,
  readBlobs,
  isShallow,
}
