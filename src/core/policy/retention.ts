import type { RetentionMode } from '../../shared/router-types'
import type { ProviderInfo } from '../providers/provider-store'
import type { ProviderPolicyRow } from './policy-store'

/** What the router applies to one provider's requests, and the mode it records. */
export interface RetentionPlan {
  readonly mode: RetentionMode
  /** Human-readable controls applied, in the order they are applied; recorded with the request. */
  readonly controls: readonly string[]
  /** OpenAI's `store: false`: honoured by the OpenAI API only. */
  readonly sendStoreFalse: boolean
  /** The `retention_policy` body annotation, for endpoints configured to accept it. */
  readonly sendAnnotation: boolean
  /** x-data-retention-policy and friends: every remote request. */
  readonly sendHeaders: boolean
}

export const CONFIDENTIAL_INSTRUCTION =
  'The code and text in this conversation are confidential material from a private codebase. Use them only to answer this request; do not repeat secrets, and do not retain, log or use any of it for training.'

/** Sent on every remote request, for enterprise gateways and proxies that enforce retention by header. */
export const RETENTION_HEADERS: Readonly<Record<string, string>> = {
  'x-data-retention-policy': 'none',
  'x-use-case': 'code-intelligence',
  'x-enterprise-mode': 'true',
  'x-no-training': 'true',
  'x-no-logging': 'true',
}

export const RETENTION_ANNOTATION = {
  store_conversation: false,
  use_for_training: false,
  use_for_fine_tuning: false,
  allow_logging: false,
} as const

/**
 * Ranks modes for fallback: a request may move only to an equal or higher rank. A verified agreement
 * covers everything the provider keeps (abuse-monitoring logs too), a flag only what that flag controls.
 */
export const RETENTION_RANK: Readonly<Record<RetentionMode, number>> = { none: 0, flag: 1, contract: 2, local: 3 }

/**
 * The controls each provider really honours, and only those: a flag the real API would reject is never
 * sent. Gemini's caching, grounding and session features are off because the router never asks for them.
 */
export function retentionPlan(provider: ProviderInfo, policy: ProviderPolicyRow): RetentionPlan {
  const controls: string[] = []
  if (provider.local) {
    controls.push('local model: requests stay on this machine or network', 'confidentiality system instruction')
    return { mode: 'local', controls, sendStoreFalse: false, sendAnnotation: policy.retentionAnnotation, sendHeaders: false }
  }
  const sendStoreFalse = provider.kind === 'openai'
  if (sendStoreFalse) controls.push('store: false')
  if (provider.kind === 'gemini') controls.push('no cached content', 'no grounding or search tools', 'no session state')
  if (policy.retentionAnnotation) controls.push('retention_policy body annotation')
  controls.push('retention headers', 'confidentiality system instruction')
  let mode: RetentionMode = sendStoreFalse || policy.retentionAnnotation ? 'flag' : 'none'
  if (policy.agreementVerifiedOn !== null) {
    controls.push(`zero-retention agreement in place, verified on ${policy.agreementVerifiedOn}`)
    mode = 'contract'
  }
  return { mode, controls, sendStoreFalse, sendAnnotation: policy.retentionAnnotation, sendHeaders: true }
}

/** The public APIs reject unknown body fields; only a gateway or self-hosted server can accept the annotation. */
export function annotationAllowed(provider: ProviderInfo): boolean {
  return provider.kind === 'openai-compatible' || provider.baseUrlOverridden
}
