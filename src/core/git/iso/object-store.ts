import { promises as fsp } from 'node:fs'
import { join } from 'node:path'
import { readObject } from 'isomorphic-git'
import { CoopError } from '../../errors/coop-error'
import { type CommitObject, parseCommit } from './commit-object'
import { loadGrafts, loadReplaceRefs, type Grafts } from './refs'
import type { RepoLocation } from './repo-location'
import { parseTree, type RawTreeEntry } from './tree-object'

export interface GitObject {
  readonly type: 'commit' | 'tree' | 'blob' | 'tag'
  readonly content: Buffer
}

/**
 * Reads objects through isomorphic-git for one backend call. It adds what isomorphic-git leaves to
 * its caller: replace refs, grafts and shallow boundaries (as git applies them), small caches for
 * trees and blobs that consecutive commits share, and a file-system view that remembers directory
 * listings for the length of the call, since isomorphic-git stats and lists `objects/pack` for every
 * object it reads (that, not inflating, is most of its cost).
 */
export class ObjectStore {
  readonly location: RepoLocation
  readonly #fs: ReturnType<typeof sessionFs>
  readonly #cache: object
  readonly #commits = new LruCache<CommitObject>(1024, () => 1)
  readonly #trees = new LruCache<readonly RawTreeEntry[]>(4096, () => 1)
  readonly #blobs = new LruCache<Buffer>(64 * 1024 * 1024, (blob) => blob.length + 64)
  #grafts: Grafts | undefined
  #replace: ReadonlyMap<string, string> | undefined

  private constructor(location: RepoLocation) {
    this.location = location
    this.#fs = sessionFs()
    this.#cache = packCacheFor(location.commonDir)
  }

  static async open(location: RepoLocation): Promise<ObjectStore> {
    const store = new ObjectStore(location)
    store.#grafts = await loadGrafts(location.commonDir)
    store.#replace = await loadReplaceRefs(location.commonDir)
    return store
  }

  /** The object, or the object that replaces it (refs/replace), as git reads it by default. */
  async read(oid: string): Promise<GitObject> {
    const target = this.#replace?.get(oid) ?? oid
    try {
      const result = await readObject({ fs: this.#fs, gitdir: this.location.commonDir, oid: target, format: 'content', cache: this.#cache })
      const type = result.type as GitObject['type']
      const bytes = result.object as Uint8Array
      notePackCacheGrowth(this.#cache, bytes.byteLength)
      return { type, content: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
    } catch (error) {
      throw new CoopError('git_failed', `Could not read object ${oid} in ${this.location.top}`, { repoPath: this.location.top, oid }, { cause: error })
    }
  }

  async has(oid: string): Promise<boolean> {
    try {
      await this.read(oid)
      return true
    } catch {
      return false
    }
  }

  /** A commit with the parents git sees: graft and shallow entries override the written ones. */
  async commit(oid: string): Promise<CommitObject> {
    const cached = this.#commits.get(oid)
    if (cached) return cached
    const object = await this.read(oid)
    if (object.type !== 'commit') throw new CoopError('git_failed', `Object ${oid} is a ${object.type}, not a commit`, { oid })
    const parsed = parseCommit(oid, object.content)
    const graft = this.#grafts?.get(oid)
    const commit = graft === undefined ? parsed : { ...parsed, parents: graft }
    this.#commits.set(oid, commit)
    return commit
  }

  /** The commit `oid` points at, through annotated tags (`<oid>^{commit}`); null if there is none. */
  async peelToCommit(oid: string): Promise<string | null> {
    let current = oid
    for (let depth = 0; depth < 64; depth++) {
      let object: GitObject
      try {
        object = await this.read(current)
      } catch {
        return null
      }
      if (object.type === 'commit') return current
      if (object.type !== 'tag') return null
      const target = /^object ([0-9a-f]{40})$/m.exec(object.content.toString('latin1'))
      if (!target?.[1]) return null
      current = target[1]
    }
    return null
  }

  async tree(oid: string): Promise<readonly RawTreeEntry[]> {
    const cached = this.#trees.get(oid)
    if (cached) return cached
    const object = await this.read(oid)
    if (object.type !== 'tree') throw new CoopError('git_failed', `Object ${oid} is a ${object.type}, not a tree`, { oid })
    const entries = parseTree(object.content)
    this.#trees.set(oid, entries)
    return entries
  }

  /** A blob's bytes; `keep` caches it for the next commit's diff (sizes-only reads skip that). */
  async blob(oid: string, keep = true): Promise<Buffer> {
    const cached = this.#blobs.get(oid)
    if (cached) return cached
    const object = await this.read(oid)
    if (object.type !== 'blob') throw new CoopError('git_failed', `Object ${oid} is a ${object.type}, not a blob`, { oid })
    if (keep) this.#blobs.set(oid, object.content)
    return object.content
  }
}

/** Least-recently-used map bounded by a total weight. */
class LruCache<V> {
  readonly #entries = new Map<string, V>()
  #weight = 0

  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const value = this.#entries.get(key)
    if (value !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, value)
    }
    return value
  }

  set(key: string, value: V): void {
    const weight = this.weigh(value)
    if (weight > this.capacity || this.#entries.has(key)) return
    this.#entries.set(key, value)
    this.#weight += weight
    for (const [oldKey, oldValue] of this.#entries) {
      if (this.#weight <= this.capacity) break
      this.#entries.delete(oldKey)
      this.#weight -= this.weigh(oldValue)
    }
  }
}

/**
 * isomorphic-git's cache holds parsed pack indexes and whole packfiles; reloading (and re-hashing)
 * them per call would dominate paged reads, so each repository keeps its cache while in use and
 * drops it after a quiet minute. Packs are named by content, so a cached pack never goes stale.
 */
const packCaches = new Map<string, { cache: object; timer: NodeJS.Timeout | null }>()
const PACK_CACHE_IDLE_MS = 60_000
const PACK_CACHE_REPOSITORIES = 2
/** isomorphic-git keeps every object it inflates from a pack (offsetCache); past this, start over. */
const PACK_OBJECT_CACHE_BYTES = 256 * 1024 * 1024
const bytesSinceTrim = new WeakMap<object, number>()

function notePackCacheGrowth(cache: object, bytes: number): void {
  const total = (bytesSinceTrim.get(cache) ?? 0) + bytes
  if (total < PACK_OBJECT_CACHE_BYTES) {
    bytesSinceTrim.set(cache, total)
    return
  }
  bytesSinceTrim.set(cache, 0)
  // The pack indexes sit in a Map under a private symbol; empty their object caches, keep the packs.
  for (const symbol of Object.getOwnPropertySymbols(cache)) {
    const packs: unknown = (cache as Record<symbol, unknown>)[symbol]
    if (!(packs instanceof Map)) continue
    for (const pending of packs.values()) {
      void Promise.resolve(pending).then(
        (index: unknown) => {
          if (index && typeof index === 'object' && 'offsetCache' in index) (index as { offsetCache: object }).offsetCache = {}
        },
        () => undefined,
      )
    }
  }
}

function packCacheFor(commonDir: string): object {
  let entry = packCaches.get(commonDir)
  if (entry) packCaches.delete(commonDir)
  else entry = { cache: {}, timer: null }
  if (entry.timer) clearTimeout(entry.timer)
  entry.timer = setTimeout(() => packCaches.delete(commonDir), PACK_CACHE_IDLE_MS)
  entry.timer.unref()
  packCaches.set(commonDir, entry)
  for (const key of packCaches.keys()) {
    if (packCaches.size <= PACK_CACHE_REPOSITORIES) break
    packCaches.delete(key)
  }
  return entry.cache
}

const PROBE_ERROR = Object.assign(new Error('ENOENT: no path'), { code: 'ENOENT' })
const MISSING_ERROR = Object.assign(new Error('ENOENT: no such loose object'), { code: 'ENOENT' })

/**
 * The node:fs view handed to isomorphic-git: stat and readdir answers are remembered for this call,
 * and a loose object known to be absent from its fan-out folder fails without touching the disk.
 */
function sessionFs() {
  const stats = new Map<string, Promise<unknown>>()
  const listings = new Map<string, Promise<string[]>>()
  const looseNames = new Map<string, Promise<Set<string>>>()
  const list = (path: string): Promise<string[]> => {
    let listing = listings.get(path)
    if (!listing) {
      listing = fsp.readdir(path)
      listings.set(path, listing)
      listing.catch(() => listings.delete(path))
    }
    return listing.then((names) => [...names])
  }
  const promises = {
    ...fsp,
    stat: (path: string) => {
      let result = stats.get(path)
      if (!result) {
        result = fsp.stat(path)
        stats.set(path, result)
        result.catch(() => stats.delete(path))
      }
      return result
    },
    readdir: (path: string) => list(path),
    readFile: async (path: string | undefined, options?: unknown) => {
      // isomorphic-git probes every fs it wraps with a bare readFile(); answer without a syscall.
      if (path === undefined) throw PROBE_ERROR
      const loose = /[\\/]objects[\\/]([0-9a-f]{2})[\\/]([0-9a-f]{38})$/.exec(path)
      if (loose) {
        const folder = join(path, '..')
        let names = looseNames.get(folder)
        if (!names) {
          names = fsp.readdir(folder).then((found) => new Set(found), () => new Set<string>())
          looseNames.set(folder, names)
        }
        // A shared error without a fresh stack: isomorphic-git only looks at its code.
        if (!(await names).has(loose[2] ?? '')) throw MISSING_ERROR
      }
      return fsp.readFile(path, options as Parameters<typeof fsp.readFile>[1])
    },
  }
  return { promises }
}
