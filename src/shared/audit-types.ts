/**
 * The audit log as the CLI and the app show it. Field names are a contract (`coop audit … --json`,
 * exports, attestation reports). Records hold ids, counts and hashes: never prompts, answers, code or keys.
 */

export const AUDIT_KINDS = [
  'llm_request',
  'key_set',
  'key_removed',
  'provider_added',
  'provider_removed',
  'provider_enabled',
  'provider_disabled',
  'approval',
  'approval_revoked',
  'policy_override',
  'setting_changed',
  'export',
  'prune',
] as const
export type AuditKind = (typeof AUDIT_KINDS)[number]

export type LlmRequestStatus = 'started' | 'succeeded' | 'failed' | 'blocked' | 'cancelled'

/** One record of the hash chain. `data` is kind-specific; see README "The audit log". */
export interface AuditRecord {
  readonly seq: number
  readonly at: string
  readonly kind: AuditKind
  /** The local user the app or CLI ran as. */
  readonly actor: string
  readonly data: Readonly<Record<string, unknown>>
  /** The previous record's hash (64 zeros before the first record). */
  readonly prevHash: string
  /** SHA-256 over the canonical JSON of seq, at, kind, actor, data and prevHash. */
  readonly hash: string
}

/** A signed statement that the chain had this record as its head: truncation below it shows. */
export interface AuditCheckpoint {
  readonly seq: number
  readonly hash: string
  readonly at: string
  readonly keyId: string
  /** Base64 Ed25519 signature over the canonical JSON of { type, seq, hash, at, keyId }. */
  readonly signature: string
}

export type TamperKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'truncated' | 'bad_signature' | 'bad_prune'

export interface AuditVerifyReport {
  readonly ok: boolean
  readonly records: number
  readonly firstSeq: number | null
  readonly lastSeq: number | null
  readonly headHash: string | null
  readonly checkpoints: { readonly total: number; readonly verified: number; readonly untrusted: number; readonly latestSeq: number | null }
  /** The key checkpoints are checked against, or null when none is available (then truncation cannot be proven). */
  readonly keyId: string | null
  /** The first problem found, or null when the chain is intact. */
  readonly problem: { readonly kind: TamperKind; readonly seq: number; readonly message: string } | null
}

export interface AuditFilter {
  readonly since?: string
  readonly kind?: AuditKind
  readonly provider?: string
  readonly limit?: number
  /** Records with seq below this (paging backwards through the newest first). */
  readonly beforeSeq?: number
}

export interface AuditPage {
  readonly records: readonly AuditRecord[]
  /** Pass as beforeSeq for the next (older) page; null when there is none. */
  readonly nextBeforeSeq: number | null
  readonly total: number
}

/** An export for the app to save: the file's name and content, and the CSV's manifest beside it. */
export interface AuditExportFile {
  readonly fileName: string
  readonly content: string
  readonly manifest: { readonly fileName: string; readonly content: string } | null
  readonly records: number
}

export interface AuditSettings {
  readonly retentionDays: number
  /** The profile's signing key, or null when the keychain cannot give it (checkpoints unsigned). */
  readonly keyId: string | null
  readonly publicKey: string | null
}
