import { promises as fsp } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { readObject } from 'isomorphic-git'
import { CoopError } from '../../errors/coop-error'
import { type CommitObject, parseCommit } from './commit-object'
import { loadGrafts, loadReplaceRefs, type Grafts } from './refs'
import { notePackCacheGrowth, packCacheFor, sessionFs } from './isogit-session'
import type { RepoLocation } from './repo-location'
import { parseTree, type RawTreeEntry } from './tree-object'

export interface GitObject {
  readonly type: 'commit' | 'tree' | 'blob' | 'tag'
  readonly content: Buffer
}

/**
 * Reads objects through isomorphic-git for one backend call. It adds what isomorphic-git leaves to
 * its caller: replace refs, grafts and shallow boundaries (as git applies them), alternates, small
 * caches for the commits, trees and blobs that consecutive commits share, and (isogit-session.ts)
 * a file-system view that remembers directory listings for the length of the call.
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
  /** Where objects are looked up: the repository, then its alternates (`git clone --shared`). */
  #objectRoots: readonly string[] = []

  private constructor(location: RepoLocation) {
    this.location = location
    this.#fs = sessionFs()
    this.#cache = packCacheFor(location.commonDir)
  }

  static async open(location: RepoLocation): Promise<ObjectStore> {
    const store = new ObjectStore(location)
    store.#grafts = await loadGrafts(location.commonDir)
    store.#replace = await loadReplaceRefs(location.commonDir)
    store.#objectRoots = [location.commonDir, ...(await alternateRoots(join(location.commonDir, 'objects'), 0))]
    return store
  }

  /** The object, or the object that replaces it (refs/replace), as git reads it by default. */
  async read(oid: string): Promise<GitObject> {
    const target = this.#replace?.get(oid) ?? oid
    let failure: unknown
    for (const gitdir of this.#objectRoots) {
      try {
        const result = await readObject({ fs: this.#fs, gitdir, oid: target, format: 'content', cache: this.#cache })
        const type = result.type as GitObject['type']
        const bytes = result.object as Uint8Array
        notePackCacheGrowth(this.#cache, bytes.byteLength)
        return { type, content: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
      } catch (error) {
        failure = error
      }
    }
    throw new CoopError('git_failed', `Could not read object ${oid} in ${this.location.top}`, { repoPath: this.location.top, oid }, { cause: failure })
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

/**
 * objects/info/alternates: one objects folder per line (relative to this objects folder), each
 * possibly with alternates of its own; git follows five levels. isomorphic-git wants the folder
 * above `objects`, so that is what is returned.
 */
async function alternateRoots(objectsDir: string, depth: number): Promise<string[]> {
  if (depth >= 5) return []
  let text: string
  try {
    text = await fsp.readFile(join(objectsDir, 'info', 'alternates'), 'utf8')
  } catch {
    return []
  }
  const roots: string[] = []
  for (const line of text.split('\n')) {
    const entry = line.trim()
    if (entry === '' || entry.startsWith('#')) continue
    const objects = isAbsolute(entry) ? entry : resolve(objectsDir, entry)
    roots.push(dirname(objects), ...(await alternateRoots(objects, depth + 1)))
  }
  return roots
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
