import type { ProviderView } from '../../../../shared/router-types'
import type { RepoSummary } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { useResult, type ResultState } from '../../lib/use-result'

export interface AskOptions {
  readonly providers: ResultState<readonly ProviderView[]>
  readonly repos: ResultState<readonly RepoSummary[]>
  readonly retryProviders: () => void
}

/** What the Ask form offers: the configured providers and the indexed repositories. */
export function useAskOptions(): AskOptions {
  const api = useApi()
  const [providers, retryProviders] = useResult(() => api.providers.list({}), 'providers')
  const [repos] = useResult(() => api.repos.list({}), 'repos')
  return { providers, repos, retryProviders }
}
