import { z } from 'zod'
import type { AttestationBody, AttestationSignature } from '../../shared/attestation-types'

/**
 * The report's shape, checked before the signature so a verifier can say which field is missing or wrong.
 * Objects are strict: a field added outside the signed part would otherwise ride along unnoticed.
 */

const count = z.number().int().nonnegative()
const iso = z.iso.datetime({ offset: true })
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '64 hex digits')
const mode = z.enum(['flag', 'contract', 'local', 'none'])
const byMode = z.strictObject({ flag: count, contract: count, local: count, none: count })

const requests = z.strictObject({
  total: count,
  byStatus: z.strictObject({ succeeded: count, failed: count, cancelled: count, blocked: count, unfinished: count }),
  sent: count,
  byRetentionMode: byMode,
  zeroRetention: z.strictObject({ requests: count, of: count, share: z.number().min(0).max(1).nullable(), note: z.string().nullable() }),
  tokens: z.strictObject({ input: count, output: count }),
  byProvider: z.array(z.strictObject({ provider: z.string(), sent: count, blocked: count, unfinished: count, byRetentionMode: byMode })),
})

const provider = z.strictObject({
  id: z.string(),
  kind: z.string(),
  name: z.string().nullable(),
  local: z.boolean(),
  enabled: z.boolean(),
  retentionMode: mode,
  noTraining: z.boolean().nullable(),
  verifiedOn: day.nullable(),
  agreementVerifiedOn: day.nullable(),
  approval: z.strictObject({ by: z.string(), at: z.string(), reason: z.string() }).nullable(),
  blockedReason: z.string().nullable(),
  policyLinks: z.array(z.strictObject({ title: z.string(), url: z.string() })),
})

const auditChain = z.strictObject({
  headSeq: count,
  headHash: hex64,
  checkpoint: z.strictObject({ seq: count, hash: hex64, at: iso, keyId: z.string(), signature: z.string() }).nullable(),
  firstSeq: count.nullable(),
  firstAt: iso.nullable(),
  recordsInWindow: count,
  retentionDays: count,
  attestationRecordSeq: count,
  verified: z.boolean(),
  problem: z.string().nullable(),
  prunes: z.array(z.strictObject({ seq: count, at: iso, removed: count, cutoff: z.string() })),
})

export const bodySchema: z.ZodType<AttestationBody> = z.strictObject({
  app: z.strictObject({ name: z.string(), version: z.string() }),
  window: z.strictObject({ days: z.number().int().positive(), since: iso, until: iso, coverage: z.enum(['full', 'partial']) }),
  requests,
  keys: z.strictObject({
    bySource: z.strictObject({ keychain: count, env: count, none: count }),
    byok: z.strictObject({ requests: count, distinctKeys: count }),
  }),
  sanitization: z.strictObject({
    ruleSetVersion: z.string(),
    ruleIds: z.array(z.string()),
    userSecretRules: z.array(z.string()),
    scrubbedRequests: count,
    requestsWithRedactions: count,
    redactions: z.strictObject({ total: count, byRule: z.record(z.string(), count) }),
  }),
  blocked: z.strictObject({ total: count, byProvider: z.record(z.string(), count), byReason: z.array(z.strictObject({ reason: z.string(), requests: count })) }),
  providers: z.array(provider),
  policy: z.strictObject({ tableVersion: z.string(), offline: z.boolean(), blockedEndpoints: z.array(z.string()) }),
  configurationChanges: z.strictObject({
    total: count,
    byKind: z.record(z.string(), count),
    changes: z.array(z.strictObject({ seq: count, at: iso, kind: z.string(), actor: z.string(), data: z.record(z.string(), z.unknown()) })),
  }),
  auditChain,
})

export const signatureSchema: z.ZodType<AttestationSignature> = z.strictObject({
  algorithm: z.literal('Ed25519'),
  keyId: z.string().regex(/^ed25519:[0-9a-f]{16}$/, 'ed25519: and 16 hex digits'),
  signedAt: iso,
  publicKey: z.string().min(1),
  value: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
})

/** The top level after `format` and `version` were checked on their own (they get their own messages). */
export const reportSchema = z.strictObject({ format: z.literal('coop-attestation'), version: z.literal(1), body: bodySchema, signature: signatureSchema })
