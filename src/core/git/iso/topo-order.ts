import type { ObjectStore } from './object-store'

/**
 * `git rev-list <head> ^<exclude>` as git computes it (revision.c limit_list): a walk in committer
 * date order that marks everything reachable from `exclude` uninteresting and stops once only
 * uninteresting commits are left, allowing SLOP extra steps for clocks that went backwards. Using
 * git's own stopping rule (instead of walking all of `exclude`'s history) keeps incremental runs
 * cheap on long histories and gives the same set as git even where skewed dates fool it.
 *
 * Iterative throughout: histories of 100k+ commits must not hit the call stack limit.
 */

const SEEN = 1
const UNINTERESTING = 2
const ADDED = 4
const SLOP = 5

interface Node {
  readonly oid: string
  flags: number
  date: number
  /** null until the commit is parsed. */
  parents: Node[] | null
}

export class RevisionWalk {
  readonly #store: ObjectStore
  readonly #nodes = new Map<string, Node>()

  constructor(store: ObjectStore) {
    this.#store = store
  }

  /** Commits reachable from `head` and not from `exclude`, parents before children. */
  async list(head: string, exclude: string | null): Promise<string[]> {
    const selected = await this.#limit(head, exclude)
    return parentsFirst(selected)
  }

  async #limit(head: string, exclude: string | null): Promise<Node[]> {
    const tips = [this.#node(head)]
    if (exclude !== null) {
      const bottom = this.#node(exclude)
      bottom.flags |= UNINTERESTING
      tips.push(bottom)
    }
    let list: Node[] = []
    for (const tip of tips) {
      await this.#parse(tip)
      if (tip.flags & UNINTERESTING) markParentsUninteresting(tip)
      if (!(tip.flags & SEEN)) {
        tip.flags |= SEEN
        list.push(tip)
      }
    }
    list = list.sort((a, b) => b.date - a.date)

    const kept: Node[] = []
    let slop = SLOP
    let date = Infinity
    let interestingCache: Node | null = null
    while (list.length > 0) {
      const commit = list.shift() as Node
      if (commit === interestingCache) interestingCache = null
      await this.#processParents(commit, list)
      if (commit.flags & UNINTERESTING) {
        markParentsUninteresting(commit)
        // still_interesting: keep going while something interesting may still turn up.
        if (list.length === 0) slop = 0
        else if (date <= (list[0] as Node).date) slop = SLOP
        else {
          const pending = findInteresting(list, interestingCache)
          interestingCache = pending
          slop = pending ? SLOP : slop - 1
        }
        if (slop) continue
        break
      }
      date = commit.date
      kept.push(commit)
    }
    // Commits kept early may have been reached from `exclude` later on.
    return kept.filter((commit) => !(commit.flags & UNINTERESTING))
  }

  /** process_parents: queue unseen parents by date; an uninteresting commit passes that on. */
  async #processParents(commit: Node, list: Node[]): Promise<void> {
    if (commit.flags & ADDED) return
    commit.flags |= ADDED
    const parents = commit.parents ?? []
    if (commit.flags & UNINTERESTING) {
      for (const parent of parents) {
        parent.flags |= UNINTERESTING
        // A missing parent of an uninteresting commit is tolerated, as in git (parse "gently").
        if (!(await this.#parse(parent, true))) continue
        if (parent.parents && parent.parents.length > 0) markParentsUninteresting(parent)
        if (parent.flags & SEEN) continue
        parent.flags |= SEEN
        insertByDate(list, parent)
      }
      return
    }
    for (const parent of parents) {
      await this.#parse(parent)
      if (!(parent.flags & SEEN)) {
        parent.flags |= SEEN
        insertByDate(list, parent)
      }
    }
  }

  #node(oid: string): Node {
    let node = this.#nodes.get(oid)
    if (!node) {
      node = { oid, flags: 0, date: 0, parents: null }
      this.#nodes.set(oid, node)
    }
    return node
  }

  async #parse(node: Node, gently = false): Promise<boolean> {
    if (node.parents) return true
    try {
      const commit = await this.#store.commit(node.oid)
      node.date = commit.date
      node.parents = commit.parents.map((oid) => this.#node(oid))
      return true
    } catch (error) {
      if (gently) return false
      throw error
    }
  }
}

/** mark_parents_uninteresting: through every already-parsed ancestor, without recursion. */
function markParentsUninteresting(commit: Node): void {
  const pending: Node[] = [...(commit.parents ?? [])]
  while (pending.length > 0) {
    const node = pending.pop() as Node
    if (node.flags & UNINTERESTING) continue
    node.flags |= UNINTERESTING
    if (node.parents) pending.push(...node.parents)
  }
}

/** commit_list_insert_by_date: after every entry at least as recent, so equal dates keep FIFO order. */
function insertByDate(list: Node[], node: Node): void {
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((list[mid] as Node).date < node.date) high = mid
    else low = mid + 1
  }
  list.splice(low, 0, node)
}

function findInteresting(list: readonly Node[], cached: Node | null): Node | null {
  if (cached && !(cached.flags & UNINTERESTING)) return cached
  return list.find((node) => !(node.flags & UNINTERESTING)) ?? null
}

/**
 * A topological order of the selected commits with every parent (inside the selection) before its
 * children: depth first from the newest, first parents first, emitting a commit once its parents are
 * out (git's own --topo-order is not reproduced: callers only rely on parents coming first).
 */
function parentsFirst(selected: readonly Node[]): string[] {
  const inSet = new Set(selected)
  const done = new Set<Node>()
  const out: string[] = []
  for (const start of selected) {
    if (done.has(start)) continue
    const stack: { node: Node; next: number }[] = [{ node: start, next: 0 }]
    const onStack = new Set<Node>([start])
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { node: Node; next: number }
      const parents = frame.node.parents ?? []
      let pushed = false
      while (frame.next < parents.length) {
        const parent = parents[frame.next++] as Node
        if (inSet.has(parent) && !done.has(parent) && !onStack.has(parent)) {
          stack.push({ node: parent, next: 0 })
          onStack.add(parent)
          pushed = true
          break
        }
      }
      if (pushed) continue
      stack.pop()
      onStack.delete(frame.node)
      done.add(frame.node)
      out.push(frame.node.oid)
    }
  }
  return out
}
