import { useCallback, useEffect, useRef, useState } from 'react'
import type { BridgeError } from '../../../../shared/result'
import type { PolicySettings, ProviderView } from '../../../../shared/router-types'
import { useApi } from '../../api/api-context'

export interface ProvidersModel {
  /** null until the first load answers. */
  readonly providers: readonly ProviderView[] | null
  readonly settings: PolicySettings | null
  readonly loadError: BridgeError | null
  /** Asks core again: after any change, since one provider's change (offline mode, a key) moves others' findings. */
  readonly refresh: () => Promise<void>
}

/** The configured providers and the policy settings, loaded together so they never disagree on screen. */
export function useProviders(): ProvidersModel {
  const api = useApi()
  const [providers, setProviders] = useState<readonly ProviderView[] | null>(null)
  const [settings, setSettings] = useState<PolicySettings | null>(null)
  const [loadError, setLoadError] = useState<BridgeError | null>(null)
  const loads = useRef(0)

  const refresh = useCallback(async () => {
    // Only the newest load may land: an older answer would undo a change made since.
    const load = ++loads.current
    const [list, policy] = await Promise.all([api.providers.list({}), api.policy.settings({})])
    if (load !== loads.current) return
    if (!list.ok) return setLoadError(list.error)
    if (!policy.ok) return setLoadError(policy.error)
    setLoadError(null)
    setProviders(list.value)
    setSettings(policy.value)
  }, [api])

  useEffect(() => {
    void refresh()
    return () => {
      // A load still in flight when the page goes must not set state.
      loads.current++
    }
  }, [refresh])

  return { providers, settings, loadError, refresh }
}
