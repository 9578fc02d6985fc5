import { AUDIT_KINDS, type AuditKind, type AuditRecord } from '../../shared/audit-types'
import type { BlockedTotals, ByRetentionMode, ConfigurationChange, KeyTotals, ProviderRequests, RequestTotals } from '../../shared/attestation-types'
import type { RetentionMode } from '../../shared/router-types'

/** Audit kinds that change what Coop may do: listed in a report. Exports and prunes are the log's own events. */
export const CONFIGURATION_KINDS: ReadonlySet<AuditKind> = new Set<AuditKind>(AUDIT_KINDS.filter((kind) => kind !== 'llm_request' && kind !== 'export' && kind !== 'prune'))

export const NO_REQUESTS = 'no requests'

/** What a `blocked` record without a policy reason means: the request guard refused it while sending. */
const GUARD_REFUSAL = 'refused while sending (offline mode, a blocked endpoint, or another origin)'

type FinalStatus = 'succeeded' | 'failed' | 'cancelled' | 'blocked'
const FINAL_STATUSES: ReadonlySet<string> = new Set<FinalStatus>(['succeeded', 'failed', 'cancelled', 'blocked'])
const MODES: ReadonlySet<string> = new Set<RetentionMode>(['flag', 'contract', 'local', 'none'])

export interface Tally {
  readonly requests: RequestTotals
  readonly keys: KeyTotals
  readonly redactions: { readonly scrubbedRequests: number; readonly requestsWithRedactions: number; readonly total: number; readonly byRule: Readonly<Record<string, number>> }
  readonly blocked: BlockedTotals
  readonly configurationChanges: { readonly total: number; readonly byKind: Readonly<Record<string, number>>; readonly changes: readonly ConfigurationChange[] }
  readonly prunes: readonly { readonly seq: number; readonly at: string; readonly removed: number; readonly cutoff: string }[]
  readonly recordsInWindow: number
  /** The last record counted, or null when the window held none. */
  readonly last: { readonly seq: number; readonly hash: string } | null
}

interface ProviderCounts {
  sent: number
  blocked: number
  unfinished: number
  byRetentionMode: Record<RetentionMode, number>
}

const zeroModes = (): Record<RetentionMode, number> => ({ flag: 0, contract: 0, local: 0, none: 0 })

/**
 * Counts a window of the audit log in one pass, in chain order, up to `throughSeq`. Each request is counted
 * once, by its final `llm_request` record (a repeated final record is ignored); one with only a `started`
 * record is `unfinished`. Holds only the ids of requests still open, so a long log streams through.
 */
export function tallyRecords(records: Iterable<AuditRecord>, throughSeq: number): Tally {
  const open = new Map<string, string>() // requestId → provider
  const finished = new Set<string>()
  const byStatus = { succeeded: 0, failed: 0, cancelled: 0, blocked: 0 }
  const byMode = zeroModes()
  const providers = new Map<string, ProviderCounts>()
  const keySources = { keychain: 0, env: 0, none: 0 }
  const fingerprints = new Set<string>()
  let byok = 0
  const tokens = { input: 0, output: 0 }
  const redactions = { scrubbedRequests: 0, requestsWithRedactions: 0, total: 0 }
  const byRule = new Map<string, number>()
  const blockedByProvider = new Map<string, number>()
  const blockedByReason = new Map<string, number>()
  const changes: ConfigurationChange[] = []
  const changesByKind = new Map<string, number>()
  const prunes: Tally['prunes'][number][] = []
  let recordsInWindow = 0
  let last: Tally['last'] = null

  const providerCounts = (id: string): ProviderCounts => {
    let counts = providers.get(id)
    if (!counts) providers.set(id, (counts = { sent: 0, blocked: 0, unfinished: 0, byRetentionMode: zeroModes() }))
    return counts
  }

  for (const record of records) {
    if (record.seq > throughSeq) break
    recordsInWindow++
    last = { seq: record.seq, hash: record.hash }
    const data = record.data
    if (record.kind === 'llm_request') {
      const requestId = typeof data.requestId === 'string' ? data.requestId : null
      const status = typeof data.status === 'string' ? data.status : null
      const provider = typeof data.provider === 'string' ? data.provider : 'unknown'
      if (requestId === null || finished.has(requestId)) continue
      if (status === 'started') {
        open.set(requestId, provider)
        continue
      }
      if (status === null || !FINAL_STATUSES.has(status)) continue
      finished.add(requestId)
      open.delete(requestId)
      byStatus[status as FinalStatus]++
      countRedactions(data.redactions, redactions, byRule)
      const counts = providerCounts(provider)
      if (status === 'blocked') {
        counts.blocked++
        blockedByProvider.set(provider, (blockedByProvider.get(provider) ?? 0) + 1)
        const reason = typeof data.reason === 'string' ? data.reason : GUARD_REFUSAL
        blockedByReason.set(reason, (blockedByReason.get(reason) ?? 0) + 1)
        continue
      }
      // An unknown mode counts as `none`: the report never claims a control it cannot see.
      const retention = (typeof data.retentionMode === 'string' && MODES.has(data.retentionMode) ? data.retentionMode : 'none') as RetentionMode
      counts.sent++
      counts.byRetentionMode[retention]++
      byMode[retention]++
      if (data.keySource === 'keychain' || data.keySource === 'env') {
        keySources[data.keySource]++
        byok++
        if (typeof data.keyFingerprint === 'string') fingerprints.add(data.keyFingerprint)
      } else {
        keySources.none++
      }
      tokens.input += nonNegative(data.inputTokens)
      tokens.output += nonNegative(data.outputTokens)
    } else if (CONFIGURATION_KINDS.has(record.kind)) {
      changes.push({ seq: record.seq, at: record.at, kind: record.kind, actor: record.actor, data })
      changesByKind.set(record.kind, (changesByKind.get(record.kind) ?? 0) + 1)
    } else if (record.kind === 'prune') {
      prunes.push({ seq: record.seq, at: record.at, removed: nonNegative(data.removed), cutoff: typeof data.cutoff === 'string' ? data.cutoff : '' })
    }
  }
  for (const provider of open.values()) providerCounts(provider).unfinished++

  const sent = byStatus.succeeded + byStatus.failed + byStatus.cancelled
  const zero = byMode.flag + byMode.contract + byMode.local
  return {
    requests: {
      total: finished.size + open.size,
      byStatus: { ...byStatus, unfinished: open.size },
      sent,
      byRetentionMode: byMode as ByRetentionMode,
      zeroRetention: sent === 0 ? { requests: 0, of: 0, share: null, note: NO_REQUESTS } : { requests: zero, of: sent, share: zero / sent, note: null },
      tokens,
      byProvider: [...providers].sort(([a], [b]) => compare(a, b)).map(([provider, c]): ProviderRequests => ({ provider, ...c })),
    },
    keys: { bySource: keySources, byok: { requests: byok, distinctKeys: fingerprints.size } },
    redactions: { ...redactions, byRule: sortedRecord(byRule) },
    blocked: {
      total: byStatus.blocked,
      byProvider: sortedRecord(blockedByProvider),
      byReason: [...blockedByReason].sort(([a, x], [b, y]) => y - x || compare(a, b)).map(([reason, requests]) => ({ reason, requests })),
    },
    configurationChanges: { total: changes.length, byKind: sortedRecord(changesByKind), changes },
    prunes,
    recordsInWindow,
    last,
  }
}

/** Adds one request's `redactions: { total, byRule }` (absent when nothing was built). */
function countRedactions(value: unknown, totals: { scrubbedRequests: number; requestsWithRedactions: number; total: number }, byRule: Map<string, number>): void {
  if (typeof value !== 'object' || value === null) return
  const { total, byRule: rules } = value as { total?: unknown; byRule?: unknown }
  totals.scrubbedRequests++
  const n = nonNegative(total)
  if (n > 0) totals.requestsWithRedactions++
  totals.total += n
  if (typeof rules !== 'object' || rules === null) return
  for (const [rule, count] of Object.entries(rules)) byRule.set(rule, (byRule.get(rule) ?? 0) + nonNegative(count))
}

function nonNegative(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function sortedRecord(map: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort(([a], [b]) => compare(a, b)))
}
