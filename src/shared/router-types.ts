/**
 * What the model router shows: retention modes, policy findings, egress previews, answers and usage.
 * Field names are a contract (`coop ask --json`, `coop usage --json`, `coop providers check --json`).
 * None of these types ever holds a key or a prompt outside the preview the user asked to see.
 */
import type { ProviderKind } from './provider-kinds'

/** One model a provider offers. Prices are USD per million tokens; null when not configured. */
export interface ProviderModel {
  readonly model: string
  readonly contextWindow: number | null
  readonly inputPrice: number | null
  readonly outputPrice: number | null
}

/** A configured provider as Coop shows it. Keys are not part of it: see KeyStore (same id). */
export interface ProviderInfo {
  readonly id: string
  readonly kind: ProviderKind
  /** The configured base URL, else the kind's default. Null only for a kind without a default (never stored that way). */
  readonly baseUrl: string | null
  readonly baseUrlOverridden: boolean
  /** True for an OpenAI-compatible server on this machine or a private network. */
  readonly local: boolean
  readonly enabled: boolean
  readonly timeoutMs: number
  /** Sorted by name. */
  readonly models: readonly ProviderModel[]
}


/** What the Providers page shows for one provider: configuration, key fingerprint, policy standing. */
export interface ProviderView extends ProviderInfo {
  readonly key: { readonly fingerprint: string; readonly source: 'keychain' | 'env'; readonly lastUsedAt: string | null; readonly missing: boolean } | null
  readonly policy: ProviderPolicyView
}

/**
 * How a request's data is kept from being retained: `flag` (a provider-honoured per-request flag was
 * sent, e.g. OpenAI `store: false`), `contract` (a zero-retention agreement the user recorded, with its
 * verification date), `local` (the model runs on this machine or network), `none` (nothing applies).
 */
export type RetentionMode = 'flag' | 'contract' | 'local' | 'none'

export const RETENTION_MODES: readonly RetentionMode[] = ['local', 'contract', 'flag', 'none']

/** Endpoint families the router can refuse, whatever code asks for them. */
export const ENDPOINT_FAMILIES = ['files', 'batches', 'fine-tuning'] as const
export type EndpointFamily = (typeof ENDPOINT_FAMILIES)[number]

export type FindingSeverity = 'critical' | 'warning' | 'info'

/** One result of the compliance check. `critical` blocks the provider until it is resolved. */
export interface ComplianceFinding {
  readonly provider: string
  readonly severity: FindingSeverity
  /** Stable id, e.g. `no-training-unapproved`, `verification-stale`, `cleartext-remote`. */
  readonly code: string
  readonly message: string
}

/** The published data-use posture of a provider kind, from the policy table in resources/. */
export interface ProviderPosture {
  readonly kind: string
  readonly name: string
  /** Whether API inputs are excluded from training by default. */
  readonly noTraining: boolean
  /** What the provider keeps and for how long, in one sentence. */
  readonly retention: string
  /** The per-request controls Coop applies for this kind. */
  readonly controls: readonly string[]
  readonly policyLinks: readonly { readonly title: string; readonly url: string }[]
  /** When these facts were last checked against the provider's published terms (YYYY-MM-DD). */
  readonly verifiedOn: string
}

export interface ProviderApproval {
  readonly by: string
  readonly at: string
  readonly reason: string
}

/** One provider's standing under the current policy: what a request to it would be. */
export interface ProviderPolicyView {
  readonly posture: ProviderPosture | null
  readonly retentionMode: RetentionMode
  /** Date (YYYY-MM-DD) the zero-retention agreement was verified, for `contract`. */
  readonly agreementVerifiedOn: string | null
  /** Sends the body `retention_policy` annotation (only for endpoints configured to accept it). */
  readonly retentionAnnotation: boolean
  /** Empty: any model. */
  readonly allowedModels: readonly string[]
  readonly approval: ProviderApproval | null
  readonly findings: readonly ComplianceFinding[]
  /** Why a request to it would be refused now, or null when it may be called. */
  readonly blockedReason: string | null
}

export interface PolicySettings {
  /** Only local providers may be called; any other host is refused before a socket opens. */
  readonly offline: boolean
  readonly blockedEndpoints: readonly EndpointFamily[]
}

export interface ComplianceReport {
  readonly checkedAt: string
  readonly settings: PolicySettings
  readonly findings: readonly ComplianceFinding[]
  /** Providers with a critical finding: refused until it is resolved. */
  readonly blockedProviders: readonly string[]
}

/** `path` as typed (relative to the working directory, or absolute), with an optional 1-based line range. */
export interface AskFileRef {
  readonly path: string
  readonly startLine?: number
  readonly endLine?: number
}

export interface AskRequest {
  readonly question: string
  readonly provider: string
  readonly model?: string
  readonly files?: readonly AskFileRef[]
  /** Providers to try, in order, when this one fails with 429/5xx/timeout; only equal or stricter retention. */
  readonly fallback?: readonly string[]
  readonly maxTokens?: number
}

/** Exactly what would leave the machine for one request, key masked. */
export interface EgressPreview {
  readonly provider: string
  readonly kind: string
  readonly model: string
  readonly method: string
  readonly url: string
  /** Header names lower-case; the key is shown as `••••` plus its fingerprint. */
  readonly headers: Readonly<Record<string, string>>
  /** The JSON body after scrubbing, as it would be sent. */
  readonly body: unknown
  readonly redactions: { readonly total: number; readonly byRule: Readonly<Record<string, number>> }
  readonly retentionMode: RetentionMode
  readonly controls: readonly string[]
  readonly key: { readonly fingerprint: string; readonly source: string } | null
  /** Files included, with the lines sent. */
  readonly files: readonly { readonly path: string; readonly startLine: number; readonly endLine: number; readonly bytes: number }[]
  /** SHA-256 of the sanitized body: matches the audit record of the request when it is sent. */
  readonly payloadSha256: string
}

export type AskStatus = 'succeeded' | 'failed' | 'blocked' | 'cancelled'

export interface TokenUsage {
  readonly inputTokens: number
  readonly outputTokens: number
}

/** How one asked question ended. The answer text is not part of it: it was streamed. */
export interface AskOutcome {
  readonly requestId: string
  readonly status: AskStatus
  /** The provider and model that answered (after any fallback), or the first one tried. */
  readonly provider: string
  readonly model: string
  readonly retentionMode: RetentionMode
  readonly usage: TokenUsage | null
  /** USD, from the model's configured prices; null when a price is missing. */
  readonly costUsd: number | null
  readonly attempts: number
  readonly fallbackFrom: readonly string[]
  readonly redactions: number
  readonly error: { readonly code: string; readonly message: string; readonly status: number | null } | null
}

export interface UsageRow {
  readonly provider: string
  readonly model: string
  readonly requests: number
  readonly failed: number
  readonly inputTokens: number
  readonly outputTokens: number
  readonly costUsd: number | null
}

export interface UsageDay {
  readonly day: string
  readonly requests: number
  readonly inputTokens: number
  readonly outputTokens: number
  readonly costUsd: number
  readonly byRetention: Readonly<Record<RetentionMode, number>>
}

export interface UsageReport {
  readonly since: string
  readonly rows: readonly UsageRow[]
  readonly days: readonly UsageDay[]
  readonly totals: { readonly requests: number; readonly inputTokens: number; readonly outputTokens: number; readonly costUsd: number }
}

/** Streamed answer text for one request. */
export interface AskDelta {
  readonly requestId: string
  readonly text: string
}

/** Where an asked question stands, for a page that may have missed its `ask:finished` event. */
export type AskStatusView = { readonly state: 'running' } | { readonly state: 'finished'; readonly outcome: AskOutcome } | { readonly state: 'unknown' }
