import type { ProviderView } from '../../shared/router-types'
import type { KeyInfo, KeyStore } from '../keys/key-store'
import type { Policy } from '../policy/policy-service'
import type { ProviderStore } from './provider-store'

/**
 * Providers as the Providers page and `coop providers list` show them: configuration, the key's
 * fingerprint and source (never the key), and where each stands under policy.
 */
export async function providerViews(providers: ProviderStore, keys: KeyStore, policy: Policy, only?: string): Promise<ProviderView[]> {
  const list = providers.list().filter((p) => only === undefined || p.id === only)
  const keyInfos = await listKeys(keys)
  const views = await policy.views(keyInfos)
  return list.flatMap((provider) => {
    const view = views.get(provider.id)
    if (!view) return []
    // The env key wins when both exist, as in KeyStore.resolve.
    const candidates = keyInfos.filter((k) => k.provider === provider.id)
    const key = candidates.find((k) => k.source === 'env') ?? candidates[0] ?? describedKey(keys, provider.id)
    return [{ ...provider, key: key ? { fingerprint: key.fingerprint, source: key.source, lastUsedAt: key.lastUsedAt, missing: key.missing } : null, policy: view }]
  })
}

export async function providerView(providers: ProviderStore, keys: KeyStore, policy: Policy, id: string): Promise<ProviderView> {
  const [view] = await providerViews(providers, keys, policy, id)
  if (!view) throw new Error(`provider ${id} vanished while it was being shown`)
  return view
}

/** Without a keychain the page still lists providers; keys then show what the database knows. */
async function listKeys(keys: KeyStore): Promise<readonly KeyInfo[]> {
  try {
    return await keys.list()
  } catch {
    return []
  }
}

function describedKey(keys: KeyStore, provider: string): KeyInfo | null {
  const described = keys.describe(provider)
  return described ? { provider, ...described, lastUsedAt: null, missing: false } : null
}
