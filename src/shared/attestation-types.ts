/**
 * A signed attestation report (`coop attest`). Field names are a contract: reviewers' scripts read them,
 * and `coop attest verify` checks them. The report holds counts, ids, dates and hashes from the audit log:
 * never prompts, answers, code or keys. See README "Attestation: `coop attest`".
 */
import type { RetentionMode } from './router-types'

export type ByRetentionMode = Readonly<Record<RetentionMode, number>>

export interface AttestationWindow {
  readonly days: number
  /** ISO times: records with `since <= at`, up to the head the report vouches for (built at `until`). */
  readonly since: string
  readonly until: string
  /** `partial` when records inside the window may have been pruned (the log's oldest record is newer than `since`). */
  readonly coverage: 'full' | 'partial'
}

export interface ProviderRequests {
  readonly provider: string
  readonly sent: number
  readonly blocked: number
  readonly unfinished: number
  readonly byRetentionMode: ByRetentionMode
}

export interface RequestTotals {
  /** Distinct request ids with a record in the window, each counted once by its final record. */
  readonly total: number
  readonly byStatus: { readonly succeeded: number; readonly failed: number; readonly cancelled: number; readonly blocked: number; readonly unfinished: number }
  /** Requests that reached a provider: succeeded, failed and cancelled (blocked ones never left the machine). */
  readonly sent: number
  /** Sent requests by the retention mode that applied to them. */
  readonly byRetentionMode: ByRetentionMode
  /**
   * Sent requests under a zero-retention control (`flag`, `contract` or `local`) out of all sent requests.
   * `share` is null and `note` is "no requests" when none were sent: never 100% of nothing.
   */
  readonly zeroRetention: { readonly requests: number; readonly of: number; readonly share: number | null; readonly note: string | null }
  /** As the providers reported them. */
  readonly tokens: { readonly input: number; readonly output: number }
  readonly byProvider: readonly ProviderRequests[]
}

export interface KeyTotals {
  /** Sent requests by where the key came from; `none` for keyless local servers. */
  readonly bySource: { readonly keychain: number; readonly env: number; readonly none: number }
  /** Bring-your-own-key: sent requests made with the user's own key, and how many distinct keys (by fingerprint). */
  readonly byok: { readonly requests: number; readonly distinctKeys: number }
}

export interface SanitizationTotals {
  /** First 12 hex digits of SHA-256 over the rule set (src/core/sanitize/rule-set.ts). */
  readonly ruleSetVersion: string
  readonly ruleIds: readonly string[]
  /** Rules named after the user's own secrets: `key:<provider>`, `env:<NAME>`. */
  readonly userSecretRules: readonly string[]
  /** Finished requests whose payload was built and scrubbed (requests blocked by policy had none). */
  readonly scrubbedRequests: number
  /** Of those, the ones with at least one redaction. */
  readonly requestsWithRedactions: number
  readonly redactions: { readonly total: number; readonly byRule: Readonly<Record<string, number>> }
}

export interface BlockedTotals {
  readonly total: number
  readonly byProvider: Readonly<Record<string, number>>
  /** Policy's own words (they name no secrets), most frequent first. */
  readonly byReason: readonly { readonly reason: string; readonly requests: number }[]
}

/** A configured provider when the report was built, with the policy facts a reviewer checks. */
export interface AttestedProvider {
  readonly id: string
  readonly kind: string
  /** The policy table's name for the kind, null for a kind the table does not know. */
  readonly name: string | null
  readonly local: boolean
  readonly enabled: boolean
  readonly retentionMode: RetentionMode
  readonly noTraining: boolean | null
  /** When the posture was last verified against the provider's terms (the table's date, or a newer review recorded by the user). */
  readonly verifiedOn: string | null
  /** A zero-retention agreement's verification date, for `contract`. */
  readonly agreementVerifiedOn: string | null
  readonly approval: { readonly by: string; readonly at: string; readonly reason: string } | null
  /** Why a request to it would be refused now, or null. */
  readonly blockedReason: string | null
  readonly policyLinks: readonly { readonly title: string; readonly url: string }[]
}

export interface ConfigurationChange {
  readonly seq: number
  readonly at: string
  readonly kind: string
  readonly actor: string
  /** The audit record's data as recorded (ids, fingerprints, settings; never key text). */
  readonly data: Readonly<Record<string, unknown>>
}

export interface AttestedChain {
  /** The newest record the report covers; a signed checkpoint vouches for it. */
  readonly headSeq: number
  readonly headHash: string
  readonly checkpoint: { readonly seq: number; readonly hash: string; readonly at: string; readonly keyId: string; readonly signature: string } | null
  /** The oldest record still in the log. */
  readonly firstSeq: number | null
  readonly firstAt: string | null
  readonly recordsInWindow: number
  readonly retentionDays: number
  /** The `export` record this report wrote before computing the head, so the head includes it. */
  readonly attestationRecordSeq: number
  /** Whether the whole chain verified when the report was built, and the first problem if not. */
  readonly verified: boolean
  readonly problem: string | null
  readonly prunes: readonly { readonly seq: number; readonly at: string; readonly removed: number; readonly cutoff: string }[]
}

/** What the signature covers, with the header fields (see `attestationStatement`). */
export interface AttestationBody {
  readonly app: { readonly name: string; readonly version: string }
  readonly window: AttestationWindow
  readonly requests: RequestTotals
  readonly keys: KeyTotals
  readonly sanitization: SanitizationTotals
  readonly blocked: BlockedTotals
  readonly providers: readonly AttestedProvider[]
  readonly policy: { readonly tableVersion: string; readonly offline: boolean; readonly blockedEndpoints: readonly string[] }
  readonly configurationChanges: { readonly total: number; readonly byKind: Readonly<Record<string, number>>; readonly changes: readonly ConfigurationChange[] }
  readonly auditChain: AttestedChain
}

export interface AttestationSignature {
  readonly algorithm: 'Ed25519'
  /** `ed25519:` and 16 hex digits of SHA-256 over the public key's DER (SPKI). */
  readonly keyId: string
  readonly signedAt: string
  /** The signing key's public half (SPKI PEM); compare with one obtained separately (`--public-key`). */
  readonly publicKey: string
  /** Base64 Ed25519 signature over the canonical JSON of { format, version, algorithm, keyId, signedAt, body }. */
  readonly value: string
}

export interface AttestationReport {
  readonly format: 'coop-attestation'
  readonly version: 1
  readonly body: AttestationBody
  readonly signature: AttestationSignature
}

/** Why a report does not verify, most basic first. */
export type AttestationProblemKind =
  | 'malformed_json'
  | 'not_an_attestation'
  | 'unsupported_version'
  | 'missing_field'
  | 'invalid_field'
  | 'bad_public_key'
  | 'key_id_mismatch'
  | 'different_key'
  | 'bad_signature'

export interface AttestationProblem {
  readonly kind: AttestationProblemKind
  readonly message: string
  /** The field at fault (`signature.keyId`, `body.requests.total`), when one is. */
  readonly field: string | null
}

/** Requests per day by retention mode, from the audit log; blocked requests (never sent) apart. */
export interface RetentionSeries {
  readonly since: string
  readonly days: readonly { readonly day: string; readonly local: number; readonly contract: number; readonly flag: number; readonly none: number; readonly blocked: number }[]
}

/** A report generated in the app: the report, its printable HTML, and a file name to save it under. */
export interface AttestationFile {
  readonly report: AttestationReport
  readonly html: string
  readonly fileName: string
}

/** How a report checked in the app fared; `html` is its rendering, when it could be read. */
export interface AttestationCheck {
  readonly status: 'verified' | 'failed' | 'unreadable'
  readonly message: string
  readonly problem: AttestationProblem | null
  readonly keyId: string | null
  readonly signedAt: string | null
  readonly trust: 'given' | 'embedded' | null
  readonly html: string | null
}
