import type { AttestationReport } from '../../../../shared/attestation-types'
import { RETENTION_MODES } from '../../../../shared/router-types'
import { formatShare } from '../../lib/bars'
import { formatCount, formatDate, formatDateTime } from '../../lib/format'

export interface ReportFact {
  /** Stable: `report-fact-<key>` in tests. */
  readonly key: string
  readonly label: string
  readonly value: string
  /** A hash or an id: shown in code type, on a line of its own. */
  readonly code?: boolean
}

/**
 * The few numbers a reviewer looks at first, in words: how many requests, how many under zero-retention
 * controls (or "no requests": never 100% of nothing), by which mode, what was blocked and scrubbed, whose
 * keys, what changed, and what vouches for it all. The full report is the rendered page below them.
 */
export function reportFacts(report: AttestationReport, locale?: string): ReportFact[] {
  const { body, signature } = report
  const count = (n: number) => formatCount(n, locale)
  const { requests, keys, sanitization, blocked, configurationChanges, auditChain, window } = body
  const zero = requests.zeroRetention
  return [
    { key: 'window', label: 'Window', value: `Last ${count(window.days)} ${window.days === 1 ? 'day' : 'days'}: ${formatDate(window.since, locale)} – ${formatDate(window.until, locale)}${window.coverage === 'partial' ? ' (partly pruned)' : ''}` },
    { key: 'requests', label: 'Requests', value: `${count(requests.total)} (${count(requests.sent)} sent)` },
    {
      key: 'zero-retention',
      label: 'Under zero-retention controls',
      value: zero.share === null ? (zero.note ?? 'no requests') : `${formatShare(zero.share)} (${count(zero.requests)} of ${count(zero.of)} sent)`,
    },
    { key: 'by-mode', label: 'Sent by retention mode', value: RETENTION_MODES.map((mode) => `${mode} ${count(requests.byRetentionMode[mode])}`).join(' · ') },
    { key: 'blocked', label: 'Blocked', value: count(blocked.total) },
    {
      key: 'redactions',
      label: 'Redactions',
      value: `${count(sanitization.redactions.total)} in ${count(sanitization.requestsWithRedactions)} ${sanitization.requestsWithRedactions === 1 ? 'request' : 'requests'}`,
    },
    { key: 'key-sources', label: 'Key sources', value: `keychain ${count(keys.bySource.keychain)} · env ${count(keys.bySource.env)} · none ${count(keys.bySource.none)}` },
    { key: 'changes', label: 'Configuration changes', value: count(configurationChanges.total) },
    { key: 'chain', label: 'Audit chain', value: auditChain.verified ? 'intact when signed' : `problem: ${auditChain.problem ?? 'unknown'}` },
    { key: 'head', label: `Head hash (record #${auditChain.headSeq})`, value: auditChain.headHash, code: true },
    { key: 'key-id', label: 'Key id', value: signature.keyId, code: true },
    { key: 'signed-at', label: 'Signed at', value: formatDateTime(signature.signedAt, locale) },
  ]
}
