import type { RequestOf } from '../../../../shared/contract'
import type { AskFileRef, ProviderView } from '../../../../shared/router-types'

/** The Ask form as the user filled it in. */
export interface AskForm {
  readonly question: string
  readonly provider: string
  /** '' leaves the choice to core: the first allowed model, else the provider's first. */
  readonly model: string
  /** Relative file paths start at this repository's folder; null: paths must be absolute. */
  readonly repoId: number | null
  readonly files: readonly AskFileRef[]
}

export type AskBridgeRequest = RequestOf<'ask:start'>

/** The bridge request for the form; preview and send take the same one, so the preview is what is sent. */
export function askRequestOf(form: AskForm): AskBridgeRequest {
  return {
    question: form.question,
    provider: form.provider,
    ...(form.model !== '' ? { model: form.model } : {}),
    ...(form.repoId !== null ? { repoId: form.repoId } : {}),
    ...(form.files.length > 0 ? { files: form.files.map((f) => ({ ...f })) } : {}),
  }
}

/** Names the request, so a preview can tell when the form has moved on since it was made. */
export function askRequestKey(request: AskBridgeRequest): string {
  return JSON.stringify(request)
}

export interface ModelChoices {
  readonly models: readonly string[]
  /** What core picks when no model is named, or null when it has nothing to pick from. */
  readonly defaultModel: string | null
}

/** The models worth offering for a provider: its allow-list when it has one, else the models it lists. */
export function modelChoices(provider: ProviderView | undefined): ModelChoices {
  if (!provider) return { models: [], defaultModel: null }
  const allowed = provider.policy.allowedModels
  const models = allowed.length > 0 ? allowed : provider.models.map((m) => m.model)
  return { models, defaultModel: allowed[0] ?? provider.models[0]?.model ?? null }
}

/** The provider the form starts with: the first that may be called now, else the first there is. */
export function defaultProviderId(providers: readonly ProviderView[]): string {
  return (providers.find((p) => p.policy.blockedReason === null) ?? providers[0])?.id ?? ''
}
