import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import { useApi } from '../../api/api-context'
import { initialReposState, reposReducer, type ReposState } from '../repositories/repos-state'

export interface ExploreRepos {
  readonly state: ReposState
  /** Per repository, how many index runs have finished since the page opened: a change means "reload". */
  readonly revisions: ReadonlyMap<number, number>
  readonly refresh: () => Promise<void>
}

/** The repositories to explore, their indexing progress, and a revision that moves when one is re-indexed. */
export function useExploreRepos(): ExploreRepos {
  const api = useApi()
  const [state, dispatch] = useReducer(reposReducer, initialReposState)
  const [revisions, setRevisions] = useState<ReadonlyMap<number, number>>(() => new Map())
  const loads = useRef(0)

  const refresh = useCallback(async () => {
    const load = ++loads.current
    const result = await api.repos.list({})
    if (load !== loads.current) return
    dispatch(result.ok ? { type: 'loaded', repos: result.value } : { type: 'loadFailed', error: result.error })
  }, [api])

  useEffect(() => {
    void refresh()
  }, [refresh])

  useEffect(() => {
    const offProgress = api.on('index:progress', (progress) => dispatch({ type: 'progress', progress }))
    const offFinished = api.on('index:finished', (finished) => {
      dispatch({ type: 'finished', finished })
      if (finished.outcome.kind === 'succeeded') {
        setRevisions((current) => new Map(current).set(finished.repoId, (current.get(finished.repoId) ?? 0) + 1))
      }
      void refresh()
    })
    return () => {
      offProgress()
      offFinished()
    }
  }, [api, refresh])

  return { state, revisions, refresh }
}
