import type { AuditVerifyReport, TamperKind } from '../../../../shared/audit-types'
import { formatCount } from '../../lib/format'

/** The problem kinds `audit:verify` names, in words. */
export const tamperLabels: Readonly<Record<TamperKind, string>> = {
  edited: 'Edited',
  deleted: 'Deleted',
  inserted: 'Inserted',
  reordered: 'Reordered',
  truncated: 'Truncated',
  bad_signature: 'Bad signature',
  bad_prune: 'Bad prune record',
}

export interface VerifySummary {
  readonly ok: boolean
  /** "Intact: 312 records, #1 to #312" or "Edited at record #5". */
  readonly headline: string
  /** What the checkpoints vouch for, and whether a key could check them. */
  readonly checkpoints: string
}

/** A verification in a reader's words: whether the chain holds, and how much the signed checkpoints prove. */
export function verifySummary(report: AuditVerifyReport, locale?: string): VerifySummary {
  const count = (n: number) => formatCount(n, locale)
  const { checkpoints } = report
  const signed =
    report.keyId === null
      ? 'No signing key is available, so the checkpoints cannot be checked and truncation cannot be proven.'
      : checkpoints.total === 0
        ? 'No signed checkpoint yet.'
        : `${count(checkpoints.verified)} of ${count(checkpoints.total)} signed ${checkpoints.total === 1 ? 'checkpoint' : 'checkpoints'} verified${checkpoints.latestSeq !== null ? `, the latest at #${checkpoints.latestSeq}` : ''}${checkpoints.untrusted > 0 ? `; ${count(checkpoints.untrusted)} signed by a key not trusted here` : ''}.`
  if (report.problem) {
    return { ok: false, headline: `${tamperLabels[report.problem.kind]} at record #${report.problem.seq}`, checkpoints: signed }
  }
  const span = report.firstSeq !== null && report.lastSeq !== null ? `, #${report.firstSeq} to #${report.lastSeq}` : ''
  const headline = report.records === 0 ? 'Intact: the log is empty' : `Intact: ${count(report.records)} ${report.records === 1 ? 'record' : 'records'}${span}`
  return { ok: report.ok, headline, checkpoints: signed }
}
