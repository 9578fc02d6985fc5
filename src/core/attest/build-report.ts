import { basename } from 'node:path'
import type { AttestationBody, AttestedProvider } from '../../shared/attestation-types'
import type { AuditRecord } from '../../shared/audit-types'
import type { Core } from '../core'
import { CoopError } from '../errors/coop-error'
import { POLICY_TABLE } from '../policy/policy-table'
import { SANITIZE_RULE_IDS, SANITIZE_RULESET_VERSION, USER_SECRET_RULE_FORMS } from '../sanitize/rule-set'
import { tallyRecords } from './tally-records'

/** What a report reads: the audit log, the configured providers and their policy, the app's name and version. */
export type AttestSources = Pick<Core, 'name' | 'version' | 'audit' | 'providers' | 'policy'>

export interface AttestOptions {
  /** The window: this many days back from now. */
  readonly days: number
  /** Where the report is written; only the file name goes into the audit record. */
  readonly out?: string | null
  readonly now?: () => Date
}

export const DEFAULT_ATTEST_DAYS = 90
const MAX_DAYS = 36_500
const DAY_MS = 86_400_000

/**
 * Computes a report's body from the audit log. First the attestation is recorded (an `export` record) and a
 * checkpoint of the new head is signed, so the head the report names includes the report's own record and a
 * signed checkpoint vouches for it; then the window is counted up to that head, and the whole chain verified.
 */
export async function buildReportBody(sources: AttestSources, options: AttestOptions): Promise<AttestationBody> {
  const { days } = options
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw new CoopError('invalid_input', `The window is a whole number of days from 1 to ${MAX_DAYS}, not ${days}`, { days })
  const { audit } = sources
  const now = options.now ?? (() => new Date())
  // The key must be loaded for the checkpoint below to be signed.
  await audit.ready()
  const own = audit.append('export', { what: 'attestation', days, out: options.out ? basename(options.out) : null })
  const checkpoint = audit.log.checkpoint()
  const until = now()
  const since = new Date(until.getTime() - days * DAY_MS).toISOString()
  const head = checkpoint ? { seq: checkpoint.seq, hash: checkpoint.hash } : audit.log.head()
  const tally = tallyRecords(audit.log.all(since), head.seq)
  const first = oldestRecord(audit.log.all())
  const chain = await audit.verify()
  const settings = sources.policy.settings()

  return {
    app: { name: sources.name, version: sources.version },
    window: {
      days,
      since,
      until: until.toISOString(),
      // Records before the oldest one left were pruned; if that one is inside the window, some of the window may be gone.
      coverage: first && first.seq > 1 && first.at > since ? 'partial' : 'full',
    },
    requests: tally.requests,
    keys: tally.keys,
    sanitization: {
      ruleSetVersion: SANITIZE_RULESET_VERSION,
      ruleIds: [...SANITIZE_RULE_IDS],
      userSecretRules: [...USER_SECRET_RULE_FORMS],
      scrubbedRequests: tally.redactions.scrubbedRequests,
      requestsWithRedactions: tally.redactions.requestsWithRedactions,
      redactions: { total: tally.redactions.total, byRule: tally.redactions.byRule },
    },
    blocked: tally.blocked,
    providers: await attestedProviders(sources),
    policy: { tableVersion: POLICY_TABLE.version, offline: settings.offline, blockedEndpoints: [...settings.blockedEndpoints] },
    configurationChanges: tally.configurationChanges,
    auditChain: {
      headSeq: head.seq,
      headHash: head.hash,
      checkpoint: checkpoint ? { seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at, keyId: checkpoint.keyId, signature: checkpoint.signature } : null,
      firstSeq: first?.seq ?? null,
      firstAt: first?.at ?? null,
      recordsInWindow: tally.recordsInWindow,
      retentionDays: audit.log.retentionDays(),
      attestationRecordSeq: own.seq,
      verified: chain.ok,
      problem: chain.problem?.message ?? null,
      prunes: tally.prunes,
    },
  }
}

async function attestedProviders(sources: AttestSources): Promise<AttestedProvider[]> {
  const views = await sources.policy.views()
  return sources.providers.list().map((p): AttestedProvider => {
    const view = views.get(p.id)
    const posture = view?.posture ?? null
    return {
      id: p.id,
      kind: p.kind,
      name: posture?.name ?? null,
      local: p.local,
      enabled: p.enabled,
      retentionMode: view?.retentionMode ?? 'none',
      noTraining: posture?.noTraining ?? null,
      verifiedOn: posture?.verifiedOn ?? null,
      agreementVerifiedOn: view?.agreementVerifiedOn ?? null,
      approval: view?.approval ? { by: view.approval.by, at: view.approval.at, reason: view.approval.reason } : null,
      blockedReason: view?.blockedReason ?? null,
      policyLinks: (posture?.policyLinks ?? []).map((l) => ({ title: l.title, url: l.url })),
    }
  })
}

/** The first record the iterator yields; returning from the loop closes it, releasing the statement behind it. */
function oldestRecord(records: Iterable<AuditRecord>): AuditRecord | null {
  for (const record of records) return record
  return null
}
