import type { InspectedRepository } from './inspect-repository'
import type { Blob } from './read-blobs'
import type { GitCommit } from './read-history'

/** One entry of a recursive tree listing: a file (blob) or a submodule (gitlink, type 'commit'). */
export interface TreeEntry {
  readonly path: string
  /** Octal mode as git prints it: 100644, 100755, 120000 (symlink), 160000 (submodule). */
  readonly mode: string
  readonly type: 'blob' | 'commit'
  readonly oid: string
  /** Bytes; null for submodules. */
  readonly size: number | null
}

export type TreeChange =
  | { readonly status: 'added' | 'modified'; readonly entry: TreeEntry }
  | { readonly status: 'deleted'; readonly path: string }

/**
 * How core reads a repository. Two implementations produce identical records: `git` (simple-git over
 * the git binary) and `isomorphic` (isomorphic-git, pure JavaScript, for machines without git).
 */
export interface GitBackend {
  readonly kind: 'git' | 'isomorphic'
  /** Top level, layout and HEAD; CoopError path_missing / not_a_repository / empty_repository. */
  inspect(path: string): Promise<InspectedRepository>
  /** Commits reachable from `head` and not from `exclude`, parents before children. */
  listCommits(repoPath: string, head: string, exclude: string | null): Promise<string[]>
  /** True when `ancestor` exists and is reachable from `head`. */
  isAncestor(repoPath: string, ancestor: string, head: string): Promise<boolean>
  /**
   * The given commits, in the given order, with people mapped through the `.mailmap` of HEAD and
   * the files each changed against its first parent (none for merges, everything for a root commit),
   * renames detected as git's default `--find-renames` does (50% similarity).
   */
  readCommits(repoPath: string, hashes: readonly string[]): Promise<GitCommit[]>
  /**
   * The same records as readCommits, in order, in batches of up to `batchSize`, for lists too long
   * to hold whole (a first index). Ending the iteration early stops the reading.
   */
  streamCommits(repoPath: string, hashes: readonly string[], batchSize: number): AsyncIterable<GitCommit[]>
  /** Every blob and submodule in the tree of `commit`, recursively, with sizes. */
  listTree(repoPath: string, commit: string): Promise<TreeEntry[]>
  /** What differs between the trees of two commits (no rename detection). */
  diffTrees(repoPath: string, from: string, to: string): Promise<TreeChange[]>
  /**
   * The contents of the given blobs, handed to `onBlob` one at a time in the order asked (null
   * content for an object the repository does not have).
   */
  readBlobs(repoPath: string, oids: readonly string[], onBlob: (blob: Blob) => Promise<void> | void): Promise<void>
  /** A file's content at `commit`, or null when the path does not exist there. */
  readBlob(repoPath: string, commit: string, path: string): Promise<Buffer | null>
  /** True for a shallow clone: history stops at the shallow boundary. */
  isShallow(repoPath: string): Promise<boolean>
}
