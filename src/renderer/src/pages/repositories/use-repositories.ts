import { useCallback, useEffect, useRef, useState } from 'react'
import type { Result } from '../../../../shared/result'
import type { RepoSummary } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { formatCount } from '../../lib/format'
import type { ReposState } from './repos-state'
import { useReposList } from './use-repos-list'

export interface Repositories {
  readonly state: ReposState
  /** The last thing that happened, for the page's polite live region. */
  readonly announcement: string
  readonly refresh: () => Promise<void>
  readonly add: (path: string) => Promise<Result<RepoSummary>>
  readonly reindex: (repo: RepoSummary) => Promise<Result<RepoSummary>>
  readonly remove: (repo: RepoSummary) => Promise<Result<{ readonly removed: boolean }>>
}

/** The repository list, kept current by index events, and the actions on it. */
export function useRepositories(): Repositories {
  const api = useApi()
  const { state, dispatch, refresh } = useReposList()
  const [announcement, setAnnouncement] = useState('')
  const repos = useRef<readonly RepoSummary[] | null>(null)
  const refreshingForUnknown = useRef(false)

  useEffect(() => {
    repos.current = state.repos
  }, [state.repos])

  useEffect(() => {
    const nameOf = (repoId: number): string => repos.current?.find((repo) => repo.id === repoId)?.name ?? `Repository ${repoId}`
    const offProgress = api.on('index:progress', (progress) => {
      dispatch({ type: 'progress', progress })
      // A run this page has not seen the repository for (added in another window): fetch it once.
      if (repos.current && !repos.current.some((repo) => repo.id === progress.repoId) && !refreshingForUnknown.current) {
        refreshingForUnknown.current = true
        void refresh().finally(() => {
          refreshingForUnknown.current = false
        })
      }
    })
    const offFinished = api.on('index:finished', (finished) => {
      dispatch({ type: 'finished', finished })
      const { outcome } = finished
      const name = nameOf(finished.repoId)
      setAnnouncement(
        outcome.kind === 'succeeded'
          ? `Indexed ${name}: ${formatCount(outcome.result.commits)} commits`
          : `Indexing ${name} failed: ${outcome.error.message}`,
      )
      void refresh()
    })
    return () => {
      offProgress()
      offFinished()
    }
  }, [api, dispatch, refresh])

  const add = useCallback(
    async (path: string) => {
      const result = await api.repos.add({ path })
      if (result.ok) {
        const repo = result.value
        const known = repos.current?.some((existing) => existing.id === repo.id) ?? false
        dispatch({ type: 'saved', repo })
        setAnnouncement(known ? `${repo.name} is already in the list; checking it for new commits` : `Added ${repo.name}; indexing started`)
      }
      return result
    },
    [api, dispatch],
  )

  const reindex = useCallback(
    async (repo: RepoSummary) => {
      const result = await api.repos.reindex({ repoId: repo.id })
      if (result.ok) {
        dispatch({ type: 'saved', repo: result.value })
        setAnnouncement(`Re-indexing ${repo.name}`)
      }
      return result
    },
    [api, dispatch],
  )

  const remove = useCallback(
    async (repo: RepoSummary) => {
      const result = await api.repos.remove({ repoId: repo.id })
      if (result.ok) {
        // removed: false means it was gone already; either way it is not in core's list any more.
        dispatch({ type: 'removed', repoId: repo.id })
        setAnnouncement(`Removed ${repo.name} from Coop`)
      }
      return result
    },
    [api, dispatch],
  )

  return { state, announcement, refresh, add, reindex, remove }
}
