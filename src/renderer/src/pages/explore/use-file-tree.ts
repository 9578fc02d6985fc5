import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useApi } from '../../api/api-context'
import { ancestorDirs, flattenTree, type DirState, type FlatTree, type TreeCache } from './tree-model'

export interface FileTree {
  readonly cache: TreeCache
  readonly expanded: ReadonlySet<string>
  readonly flat: FlatTree
  readonly expand: (dir: string) => void
  readonly collapse: (dir: string) => void
  /** Loads and opens every folder above `path`; resolves false when one of them is not there. */
  readonly reveal: (path: string) => Promise<boolean>
}

/**
 * The Explore tree of one repository at HEAD: folder listings loaded when first opened and kept,
 * which folders are open, and the flattened rows. A new `revision` (a finished re-index) reloads
 * every listing held, showing the old ones until the new ones arrive.
 */
export function useFileTree(repoId: number, revision: number): FileTree {
  const api = useApi()
  const [cache, setCache] = useState<TreeCache>(() => new Map())
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set())
  // The same maps for async code, which must not read a stale render's copy.
  const cacheRef = useRef<TreeCache>(cache)
  const requests = useRef(new Map<string, { readonly id: number; readonly promise: Promise<DirState> }>())
  const nextRequest = useRef(0)

  const put = useCallback((dir: string, state: DirState | null) => {
    const next = new Map(cacheRef.current)
    if (state) next.set(dir, state)
    else next.delete(dir)
    cacheRef.current = next
    setCache(next)
  }, [])

  const load = useCallback(
    (dir: string, force = false): Promise<DirState> => {
      const known = cacheRef.current.get(dir)
      const pending = requests.current.get(dir)
      if (!force && known?.kind === 'loaded') return Promise.resolve(known)
      if (!force && pending) return pending.promise
      // A reload keeps the listing on screen; a first load (or a retry after a failure) shows a placeholder.
      if (known?.kind !== 'loaded') put(dir, { kind: 'loading' })
      const id = ++nextRequest.current
      const promise = api.graph.tree({ repoId, dir }).then((result): DirState => {
        const state: DirState = result.ok ? { kind: 'loaded', entries: result.value.entries } : { kind: 'failed', error: result.error }
        if (requests.current.get(dir)?.id !== id) return cacheRef.current.get(dir) ?? state
        requests.current.delete(dir)
        // A folder gone after a re-index leaves the tree quietly rather than as an error row.
        if (force && !result.ok && result.error.code === 'not_found' && dir !== '') {
          put(dir, null)
          setExpanded((open) => without(open, dir))
        } else {
          put(dir, state)
        }
        return state
      })
      requests.current.set(dir, { id, promise })
      return promise
    },
    [api, repoId, put],
  )

  useEffect(() => {
    void load('')
  }, [load])

  const seenRevision = useRef(revision)
  useEffect(() => {
    if (seenRevision.current === revision) return
    seenRevision.current = revision
    for (const dir of cacheRef.current.keys()) void load(dir, true)
  }, [revision, load])

  const expand = useCallback(
    (dir: string) => {
      setExpanded((open) => (open.has(dir) ? open : new Set(open).add(dir)))
      const known = cacheRef.current.get(dir)
      void load(dir, known?.kind === 'failed')
    },
    [load],
  )

  const collapse = useCallback((dir: string) => setExpanded((open) => without(open, dir)), [])

  const reveal = useCallback(
    async (path: string) => {
      const dirs = ancestorDirs(path)
      for (const dir of ['', ...dirs]) {
        const state = await load(dir)
        if (state.kind !== 'loaded') return false
      }
      if (dirs.length > 0) setExpanded((open) => (dirs.every((dir) => open.has(dir)) ? open : new Set([...open, ...dirs])))
      return true
    },
    [load],
  )

  const flat = useMemo(() => flattenTree(cache, expanded), [cache, expanded])
  return { cache, expanded, flat, expand, collapse, reveal }
}

function without(set: ReadonlySet<string>, value: string): ReadonlySet<string> {
  if (!set.has(value)) return set
  const next = new Set(set)
  next.delete(value)
  return next
}
