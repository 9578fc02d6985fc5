import { promises as fsp } from 'node:fs'
import { join } from 'node:path'

/*
 * What ObjectStore hands to isomorphic-git: a cache that outlives one call, and a file-system view
 * that lives for one call.
 */

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

export function notePackCacheGrowth(cache: object, bytes: number): void {
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

export function packCacheFor(commonDir: string): object {
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
 * The node:fs view handed to isomorphic-git. For every object it reads, isomorphic-git stats the git
 * directory, tries the loose file and lists objects/pack; remembering those answers for the length
 * of one call (and failing loose reads from a cached listing of the fan-out folder) made reading a
 * 5,000-commit history about twice as fast. Within a call, objects written meanwhile may be missed.
 */
export function sessionFs() {
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
