import { useEffect, useState } from 'react'
import { useApi } from '../../api/api-context'
import type { ReposState } from '../repositories/repos-state'
import { useReposList } from '../repositories/use-repos-list'

export interface ExploreRepos {
  readonly state: ReposState
  /** Per repository, how many index runs have finished since the page opened: a change means "reload". */
  readonly revisions: ReadonlyMap<number, number>
  readonly refresh: () => Promise<void>
}

/** The repositories to explore, their indexing progress, and a revision that moves when one is re-indexed. */
export function useExploreRepos(): ExploreRepos {
  const api = useApi()
  const { state, dispatch, refresh } = useReposList()
  const [revisions, setRevisions] = useState<ReadonlyMap<number, number>>(() => new Map())

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
  }, [api, dispatch, refresh])

  return { state, revisions, refresh }
}
