import type { ComplianceFinding, FindingSeverity, RetentionMode } from '../../../../shared/router-types'

/** How each retention mode is named on screen, and what it means in one sentence. */
export const retentionLabels: Readonly<Record<RetentionMode, { readonly label: string; readonly description: string }>> = {
  local: { label: 'Runs locally', description: 'The model runs on this machine or network: requests do not leave it.' },
  contract: { label: 'Zero-retention agreement', description: 'A zero-retention agreement you recorded covers what the provider keeps.' },
  flag: { label: 'No-store flag', description: 'A per-request flag the provider honours keeps the request out of its stored data.' },
  none: { label: 'No retention control', description: 'Nothing keeps the provider from retaining requests under its default terms.' },
}

export const severityLabels: Readonly<Record<FindingSeverity, string>> = { critical: 'Critical', warning: 'Warning', info: 'Info' }

const severityRank: Readonly<Record<FindingSeverity, number>> = { critical: 0, warning: 1, info: 2 }

/** Critical first (they block the provider), then warnings, then notes; otherwise in core's order. */
export function sortFindings(findings: readonly ComplianceFinding[]): ComplianceFinding[] {
  return findings.map((finding, index) => ({ finding, index })).sort((a, b) => severityRank[a.finding.severity] - severityRank[b.finding.severity] || a.index - b.index).map(({ finding }) => finding)
}
