import { createContext, use, type ReactNode } from 'react'
import type { CoopApi } from '../../../shared/api'

const ApiContext = createContext<CoopApi | null>(null)

export function ApiProvider({ api, children }: { readonly api: CoopApi; readonly children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>
}

/** The bridge to core; components take it from context so tests and hosts can hand in their own. */
export function useApi(): CoopApi {
  const api = use(ApiContext)
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it')
  return api
}
