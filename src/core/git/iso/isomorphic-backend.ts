import { CoopError } from '../../errors/coop-error'
import { emptyRepository } from '../repository-errors'
import type { GitBackend, TreeChange, TreeEntry } from '../git-backend'
import type { InspectedRepository } from '../inspect-repository'
import type { GitCommit, GitPerson } from '../read-history'
import { binaryRuleFor } from './attributes'
import { ChangeReader } from './commit-changes'
import { commitText, splitCommitText, splitIdent, subjectOf } from './commit-object'
import type { Mailmap } from './mailmap'
import { loadMailmap } from './mailmap-source'
import { ObjectStore } from './object-store'
import { hasShallowFile, resolveHead, resolveRevision } from './refs'
import { readConfigValue } from './config'
import { locateRepository, repositoryName } from './repo-location'
import { RevisionWalk } from './topo-order'
import { isGitlink, modeString } from './tree-object'
import { type DiffSide, diffTrees, entryAt, walkFiles } from './tree-walk'

export interface IsomorphicBackendOptions {
  /**
   * The git release whose output to reproduce where releases differ (rename similarity counts a
   * file's last partial line since 2.43.2). Defaults to current git; tests pass the installed one.
   */
  readonly gitVersion?: string
}

/**
 * The repository reader for machines without git: isomorphic-git and node:fs only, producing the
 * same records as the git binary (cli-backend) for the same repository.
 */
export function createIsomorphicBackend(options: IsomorphicBackendOptions = {}): GitBackend {
  const countFinalChunk = options.gitVersion === undefined || compareVersions(options.gitVersion, '2.43.2') >= 0
  const read = (repoPath: string, hashes: readonly string[]): Promise<GitCommit[]> => readCommits(repoPath, hashes, countFinalChunk)
  return {
    ...readers,
    readCommits: read,
    // Everything runs in this process: reading page by page is all a stream needs to be. Pages are
    // larger than batches because each read opens the object store and the mailmap again.
    streamCommits: async function* (repoPath, hashes, batchSize) {
      const pageSize = Math.max(batchSize, ISO_PAGE_SIZE)
      for (let i = 0; i < hashes.length; i += pageSize) {
        const page = await read(repoPath, hashes.slice(i, i + pageSize))
        for (let j = 0; j < page.length; j += batchSize) yield page.slice(j, j + batchSize)
      }
    },
  }
}

const ISO_PAGE_SIZE = 5000

const readers: Omit<GitBackend, 'readCommits' | 'streamCommits'> = {
  kind: 'isomorphic',

  async inspect(path: string): Promise<InspectedRepository> {
    const location = await locateRepository(path)
    const head = await headCommit(await ObjectStore.open(location))
    if (head === null) {
      const top = location.top
      throw emptyRepository(top)
    }
    return { layout: location.layout, path: location.top, name: repositoryName(location), head }
  },

  async listCommits(repoPath, head, exclude) {
    const store = await open(repoPath)
    const walk = new RevisionWalk(store)
    return walk.list(await commitOf(store, head), exclude === null ? null : await commitOf(store, exclude))
  },

  async isAncestor(repoPath, ancestor, head) {
    const store = await open(repoPath)
    const resolved = await resolveRevision(store.location, ancestor)
    const commit = resolved ? await store.peelToCommit(resolved) : null
    if (commit === null) return false
    // `rev-list -n 1 <ancestor> ^<head>` printing nothing, with git's own walk.
    return (await new RevisionWalk(store).list(commit, await commitOf(store, head))).length === 0
  },

  async listTree(repoPath, commit) {
    const store = await open(repoPath)
    const tree = (await store.commit(await commitOf(store, commit))).tree
    const entries: TreeEntry[] = []
    await walkFiles(store, tree, async (side) => {
      entries.push(await treeEntry(store, side))
    })
    return entries
  },

  async diffTrees(repoPath, from, to) {
    const store = await open(repoPath)
    const fromTree = (await store.commit(await commitOf(store, from))).tree
    const toTree = (await store.commit(await commitOf(store, to))).tree
    const changes: TreeChange[] = []
    for (const pair of await diffTrees(store, fromTree, toTree)) {
      if (pair.new === null) changes.push({ status: 'deleted', path: pair.old?.path ?? '' })
      else changes.push({ status: pair.old === null ? 'added' : 'modified', entry: await treeEntry(store, pair.new) })
    }
    return changes
  },

  async readBlob(repoPath, commit, path) {
    const store = await open(repoPath)
    const tree = (await store.commit(await commitOf(store, commit))).tree
    const entry = await entryAt(store, tree, path)
    // Folders and submodules have no content of their own to return.
    if (!entry || (entry.mode & 0o170000) === 0o040000 || isGitlink(entry.mode)) return null
    return Buffer.from(await store.blob(entry.oid, false))
  },

  async readBlobs(repoPath, oids, onBlob) {
    const store = await open(repoPath)
    for (const oid of oids) {
      // Not cached: a whole repository's sources pass through here once.
      const content = (await store.has(oid)) ? Buffer.from(await store.blob(oid, false)) : null
      await onBlob({ oid, content })
    }
  },

  async isShallow(repoPath) {
    return hasShallowFile((await locateRepository(repoPath)).commonDir)
  },
}

/** The reader for machines without git, reproducing current git's records. */
export const isomorphicBackend: GitBackend = createIsomorphicBackend()

async function readCommits(repoPath: string, hashes: readonly string[], countFinalChunk: boolean): Promise<GitCommit[]> {
  if (hashes.length === 0) return []
  const store = await open(repoPath)
  const mailmap = await loadMailmap(store)
  const changes = new ChangeReader(store, {
    renameLimit: configInt(await readConfigValue(store.location.commonDir, 'diff', 'renamelimit'), 1000),
    isBinary: await binaryRuleFor(store.location),
    countFinalChunk,
  })
  const seen = new Set<string>()
  const commits: GitCommit[] = []
  for (const hash of hashes) {
    const oid = await commitOf(store, hash)
    // git log --no-walk shows each commit once, however often it is named.
    if (seen.has(oid)) continue
    seen.add(oid)
    const commit = await store.commit(oid)
    const { author, committer, message } = splitCommitText(commitText(commit.raw))
    const a = person(author, 'a', mailmap)
    const c = person(committer, 'c', mailmap)
    commits.push({
      hash: oid,
      parents: commit.parents,
      author: a.person,
      committer: c.person,
      authoredAt: a.time,
      committedAt: c.time,
      subject: subjectOf(message),
      changes: await changes.changes(commit.tree, commit.parents),
    })
  }
  return commits
}

async function open(repoPath: string): Promise<ObjectStore> {
  return ObjectStore.open(await locateRepository(repoPath))
}

async function headCommit(store: ObjectStore): Promise<string | null> {
  const head = await resolveHead(store.location)
  return head === null ? null : store.peelToCommit(head)
}

/** A commit id for a revision (a full id in practice), peeled through tags like `<rev>^{commit}`. */
async function commitOf(store: ObjectStore, revision: string): Promise<string> {
  const resolved = await resolveRevision(store.location, revision)
  const commit = resolved ? await store.peelToCommit(resolved) : null
  if (commit === null) {
    throw new CoopError('git_failed', `Unknown commit ${revision} in ${store.location.top}`, { repoPath: store.location.top, revision })
  }
  return commit
}

async function treeEntry(store: ObjectStore, side: DiffSide): Promise<TreeEntry> {
  if (isGitlink(side.mode)) return { path: side.path, mode: modeString(side.mode), type: 'commit', oid: side.oid, size: null }
  const size = (await store.blob(side.oid, false)).length
  return { path: side.path, mode: modeString(side.mode), type: 'blob', oid: side.oid, size }
}

/**
 * %aN/%aE/%at (or %cN/%cE/%ct): mailmap applied to a splittable ident. Like git's pretty printer, an
 * ident it cannot split leaves %aN and %aE as they are, and a missing date prints nothing (read as 0).
 */
function person(line: string | null, letter: 'a' | 'c', mailmap: Mailmap): { person: GitPerson; time: number } {
  const ident = line === null ? null : splitIdent(line)
  if (ident === null) return { person: { name: `%${letter}N`, email: `%${letter}E` }, time: 0 }
  const mapped = mailmap.size > 0 ? mailmap.map(ident) : ident
  return { person: { name: mapped.name, email: mapped.email }, time: Number(ident.time) }
}

/** Compares dotted release numbers ("2.39.5" < "2.43.2"); anything after the numbers is ignored. */
function compareVersions(a: string, b: string): number {
  const parse = (version: string) => (/^\d+(?:\.\d+)*/.exec(version.trim())?.[0] ?? '0').split('.').map(Number)
  const x = parse(a)
  const y = parse(b)
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

/** git_config_int: a number with an optional k/m/g multiplier; the default when unset or unreadable. */
function configInt(value: string | null, fallback: number): number {
  const match = /^\s*(-?\d+)\s*([kmg]?)\s*$/i.exec(value ?? '')
  if (!match) return fallback
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? '').toLowerCase()] ?? 1
  return Number(match[1]) * unit
}
