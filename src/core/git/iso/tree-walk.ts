import type { ObjectStore } from './object-store'
import { compareEntries, isTree, type RawTreeEntry } from './tree-object'

/** One side of a file pair in a tree diff. */
export interface DiffSide {
  readonly path: string
  readonly mode: number
  readonly oid: string
}

/** A difference between two trees: old only (deleted), new only (added) or both (modified). */
export interface TreePair {
  readonly old: DiffSide | null
  readonly new: DiffSide | null
}

/** Every non-tree entry (blobs, symlinks, gitlinks) under `tree`, depth first in tree order, like `ls-tree -r`. */
export async function walkFiles(store: ObjectStore, tree: string, visit: (side: DiffSide) => void | Promise<void>): Promise<void> {
  const entries = await store.tree(tree)
  await walkEntries(store, entries, '', visit)
}

async function walkEntries(store: ObjectStore, entries: readonly RawTreeEntry[], prefix: string, visit: (side: DiffSide) => void | Promise<void>): Promise<void> {
  for (const entry of entries) {
    const path = prefix + entry.name.toString('utf8')
    if (isTree(entry.mode)) await walkEntries(store, await store.tree(entry.oid), `${path}/`, visit)
    else await visit({ path, mode: entry.mode, oid: entry.oid })
  }
}

/**
 * The recursive tree diff git's diff_tree makes (tree-diff.c): both trees walked together in
 * base_name_compare order, subtrees with equal ids skipped, a file and a folder of the same name
 * treated as two different names (a deletion and additions). The result is in git's queue order.
 */
export async function diffTrees(store: ObjectStore, oldTree: string | null, newTree: string | null): Promise<TreePair[]> {
  const pairs: TreePair[] = []
  if (oldTree !== newTree) await diffLevel(store, oldTree, newTree, '', pairs)
  return pairs
}

async function diffLevel(store: ObjectStore, oldTree: string | null, newTree: string | null, prefix: string, out: TreePair[]): Promise<void> {
  const olds = oldTree ? await store.tree(oldTree) : []
  const news = newTree ? await store.tree(newTree) : []
  let i = 0
  let j = 0
  while (i < olds.length || j < news.length) {
    const a = olds[i]
    const b = news[j]
    const order = !a ? 1 : !b ? -1 : compareEntries(a, b)
    if (order < 0 && a) {
      await removed(store, a, prefix, out)
      i++
    } else if (order > 0 && b) {
      await added(store, b, prefix, out)
      j++
    } else if (a && b) {
      const path = prefix + b.name.toString('utf8')
      if (isTree(a.mode)) {
        if (a.oid !== b.oid) await diffLevel(store, a.oid, b.oid, `${path}/`, out)
      } else if (a.oid !== b.oid || a.mode !== b.mode) {
        out.push({ old: { path, mode: a.mode, oid: a.oid }, new: { path, mode: b.mode, oid: b.oid } })
      }
      i++
      j++
    }
  }
}

async function removed(store: ObjectStore, entry: RawTreeEntry, prefix: string, out: TreePair[]): Promise<void> {
  const path = prefix + entry.name.toString('utf8')
  if (isTree(entry.mode)) await diffLevel(store, entry.oid, null, `${path}/`, out)
  else out.push({ old: { path, mode: entry.mode, oid: entry.oid }, new: null })
}

async function added(store: ObjectStore, entry: RawTreeEntry, prefix: string, out: TreePair[]): Promise<void> {
  const path = prefix + entry.name.toString('utf8')
  if (isTree(entry.mode)) await diffLevel(store, null, entry.oid, `${path}/`, out)
  else out.push({ old: null, new: { path, mode: entry.mode, oid: entry.oid } })
}

/** The entry at `path` in `tree` (a file, symlink, gitlink or folder), or null. */
export async function entryAt(store: ObjectStore, tree: string, path: string): Promise<RawTreeEntry | null> {
  const parts = path.split('/').filter((part) => part !== '')
  if (parts.length === 0) return null
  let entries = await store.tree(tree)
  for (let k = 0; k < parts.length; k++) {
    const name = Buffer.from(parts[k] ?? '', 'utf8')
    const entry = entries.find((candidate) => candidate.name.equals(name))
    if (!entry) return null
    if (k === parts.length - 1) return entry
    if (!isTree(entry.mode)) return null
    entries = await store.tree(entry.oid)
  }
  return null
}
