import type { CoopApi } from '../../../../shared/api'
import type { TopOwner } from './graph-colours'

export interface OwnerLookup {
  readonly get: (path: string) => TopOwner | undefined
}

/**
 * Leading owners of files, asked for lazily and kept: a few requests at a time (a graph of 200 files
 * must not fire 200 at once), each path asked once. One loader serves one repository at one index
 * revision; a re-index makes a new one.
 */
export class TopOwnerLoader {
  readonly #fetch: (path: string) => Promise<TopOwner>
  readonly #concurrency: number
  readonly #known = new Map<string, TopOwner>()
  readonly #inFlight = new Set<string>()
  readonly #listeners = new Set<() => void>()
  #queue: string[] = []
  #snapshot: OwnerLookup = this.#lookup()

  constructor(fetchOwner: (path: string) => Promise<TopOwner>, concurrency = 4) {
    this.#fetch = fetchOwner
    this.#concurrency = Math.max(1, concurrency)
  }

  /** The owner if known; undefined while not asked or on its way. */
  get(path: string): TopOwner | undefined {
    return this.#known.get(path)
  }

  /**
   * Asks for these paths, in this order. What an earlier call left waiting is dropped: only the
   * graph on screen needs answers, and requests already sent still land in the cache.
   */
  want(paths: Iterable<string>): void {
    const queue = new Set<string>()
    for (const path of paths) if (!this.#known.has(path) && !this.#inFlight.has(path)) queue.add(path)
    this.#queue = [...queue]
    this.#pump()
  }

  /**
   * For useSyncExternalStore: the answers so far, a new object after every answer. Answers never
   * change once given, so the lookups share one map rather than copying it each time.
   */
  readonly snapshot = (): OwnerLookup => this.#snapshot

  #lookup(): OwnerLookup {
    return { get: (path) => this.#known.get(path) }
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  #pump(): void {
    while (this.#inFlight.size < this.#concurrency) {
      const path = this.#queue.shift()
      if (path === undefined) return
      this.#inFlight.add(path)
      void this.#fetch(path)
        .catch((error: unknown): TopOwner => ({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }))
        .then((owner) => {
          this.#inFlight.delete(path)
          this.#known.set(path, owner)
          this.#snapshot = this.#lookup()
          for (const listener of this.#listeners) listener()
          this.#pump()
        })
    }
  }
}

/** A file's leading owner by the app's ownership scores (`graph:owners`): the largest share. */
export async function fetchTopOwner(api: CoopApi, repoId: number, path: string): Promise<TopOwner> {
  const result = await api.graph.owners({ repoId, path })
  if (!result.ok) return { kind: 'failed', message: result.error.message }
  let top: { readonly name: string; readonly email: string; readonly share: number } | undefined
  for (const owner of result.value.owners) if (!top || owner.share > top.share) top = owner
  return top ? { kind: 'owner', name: top.name, email: top.email } : { kind: 'none' }
}
