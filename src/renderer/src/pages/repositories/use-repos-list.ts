import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react'
import { useApi } from '../../api/api-context'
import { initialReposState, reposReducer, type ReposAction, type ReposState } from './repos-state'

export interface ReposList {
  readonly state: ReposState
  readonly dispatch: Dispatch<ReposAction>
  readonly refresh: () => Promise<void>
}

/** The repository list from `repos:list`, loaded on mount; the pages add their own event handling. */
export function useReposList(): ReposList {
  const api = useApi()
  const [state, dispatch] = useReducer(reposReducer, initialReposState)
  const loads = useRef(0)

  const refresh = useCallback(async () => {
    // Only the newest load may land: an older answer would bring back a run that has finished since.
    const load = ++loads.current
    const result = await api.repos.list({})
    if (load !== loads.current) return
    dispatch(result.ok ? { type: 'loaded', repos: result.value } : { type: 'loadFailed', error: result.error })
  }, [api])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return { state, dispatch, refresh }
}
