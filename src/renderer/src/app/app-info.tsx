import { createContext, use, useEffect, useState, type ReactNode } from 'react'
import type { BridgeError } from '../../../shared/result'
import type { AppInfo } from '../../../shared/types'
import { useApi } from '../api/api-context'

export type AppInfoState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly info: AppInfo }
  | { readonly kind: 'failed'; readonly error: BridgeError }

const AppInfoContext = createContext<AppInfoState>({ kind: 'loading' })

/** Asks core once who it is (name, version, host, data directory, capabilities) and shares the answer. */
export function AppInfoProvider({ children }: { readonly children: ReactNode }) {
  const api = useApi()
  const [state, setState] = useState<AppInfoState>({ kind: 'loading' })
  useEffect(() => {
    let live = true
    void api.app.info({}).then((result) => {
      if (live) setState(result.ok ? { kind: 'ready', info: result.value } : { kind: 'failed', error: result.error })
    })
    return () => {
      live = false
    }
  }, [api])
  return <AppInfoContext value={state}>{children}</AppInfoContext>
}

export function useAppInfo(): AppInfoState {
  return use(AppInfoContext)
}

/** The capabilities of this host, all off until app:info has answered. */
export function useCapabilities(): AppInfo['capabilities'] {
  const state = useAppInfo()
  return state.kind === 'ready' ? state.info.capabilities : { pickFolder: false, printToPdf: false }
}
