import { CoopError } from '../../errors/coop-error'
import type { GitBackend, TreeChange, TreeEntry } from '../git-backend'
import type { InspectedRepository } from '../inspect-repository'
import type { GitCommit, GitPerson } from '../read-history'
import { ChangeReader } from './commit-changes'
import { commitText, splitCommitText, splitIdent, subjectOf } from './commit-object'
import type { Mailmap } from './mailmap'
import { loadMailmap } from './mailmap-source'
import { ObjectStore } from './object-store'
import { hasShallowFile, resolveHead, resolveRevision } from './refs'
import { locateRepository, readConfigValue, repositoryName } from './repo-location'
import { RevisionWalk } from './topo-order'
import { isGitlink, modeString } from './tree-object'
import { type DiffSide, diffTrees, entryAt, walkFiles } from './tree-walk'

/**
 * The repository reader for machines without git: isomorphic-git and node:fs only, producing the
 * same records as the git binary (cli-backend) for the same repository.
 */
export const isomorphicBackend: GitBackend = {
  kind: 'isomorphic',

  async inspect(path: string): Promise<InspectedRepository> {
    const location = await locateRepository(path)
    const head = await headCommit(await ObjectStore.open(location))
    if (head === null) {
      const top = location.top
      throw new CoopError('empty_repository', `Repository has no commits yet: ${top} (commit something, then index it again)`, { path: top })
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

  async readCommits(repoPath, hashes) {
    if (hashes.length === 0) return []
    const store = await open(repoPath)
    const mailmap = await loadMailmap(store)
    const limit = Number((await readConfigValue(store.location.commonDir, 'diff', 'renamelimit')) ?? 1000)
    const changes = new ChangeReader(store, { renameLimit: Number.isFinite(limit) ? limit : 1000 })
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

  async isShallow(repoPath) {
    return hasShallowFile((await locateRepository(repoPath)).commonDir)
  },
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
