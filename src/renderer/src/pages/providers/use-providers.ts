import { useCallback, useState } from 'react'
import type { CoopApi } from '../../../../shared/api'
import { ok, type Result } from '../../../../shared/result'
import type { PolicySettings, ProviderView } from '../../../../shared/router-types'
import { useApi } from '../../api/api-context'
import { useResult, type ResultState } from '../../lib/use-result'

export interface ProvidersAndPolicy {
  readonly providers: readonly ProviderView[]
  readonly settings: PolicySettings
}

export interface ProvidersModel {
  readonly state: ResultState<ProvidersAndPolicy>
  /**
   * Asks core again, keeping the current list on screen until the answer lands. Called after every
   * change: one change (offline mode, a key, an approval) can move several providers' findings.
   */
  readonly refresh: () => void
}

/** The configured providers and the policy settings, loaded together so they never disagree on screen. */
export function useProviders(): ProvidersModel {
  const api = useApi()
  const [revision, setRevision] = useState(0)
  const [state] = useResult(() => loadProviders(api), 'providers', revision)
  const refresh = useCallback(() => setRevision((n) => n + 1), [])
  return { state, refresh }
}

async function loadProviders(api: CoopApi): Promise<Result<ProvidersAndPolicy>> {
  const [providers, settings] = await Promise.all([api.providers.list({}), api.policy.settings({})])
  if (!providers.ok) return providers
  if (!settings.ok) return settings
  return ok({ providers: providers.value, settings: settings.value })
}
