import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { fetchTopOwner, TopOwnerLoader } from './top-owner-loader'

/**
 * One loader of leading owners per repository and index revision: kept across selections, so the
 * graph of the next file reuses the owners already known; a re-index starts afresh.
 */
export function useTopOwnerLoader(repoId: number, revision: number): TopOwnerLoader {
  const api = useApi()
  const make = () => ({ api, repoId, revision, loader: new TopOwnerLoader((path) => fetchTopOwner(api, repoId, path)) })
  const [held, setHeld] = useState(make)
  if (held.api !== api || held.repoId !== repoId || held.revision !== revision) {
    const next = make()
    setHeld(next)
    return next.loader
  }
  return held.loader
}
