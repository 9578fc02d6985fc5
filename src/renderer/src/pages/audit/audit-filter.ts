import type { RequestOf } from '../../../../shared/contract'
import type { AuditKind, AuditRecord } from '../../../../shared/audit-types'

/** What the table shows: one kind or all, one provider or all, and how far back. */
export interface AuditFilter {
  readonly kind: AuditKind | ''
  readonly provider: string
  readonly since: AuditSince
}

export const sinceOptions = [
  { value: '7.days', label: '7 days' },
  { value: '30.days', label: '30 days' },
  { value: '90.days', label: '90 days' },
  { value: 'all', label: 'All' },
] as const

export type AuditSince = (typeof sinceOptions)[number]['value']

export const allRecords: AuditFilter = { kind: '', provider: '', since: 'all' }

/** Records per request: a screenful many times over, well under the bridge's 1,000. */
export const PAGE_SIZE = 200

/** The bridge request for one page: the newest records of the filter, or those older than `beforeSeq`. */
export function auditRequest(filter: AuditFilter, beforeSeq: number | null): RequestOf<'audit:list'> {
  return {
    limit: PAGE_SIZE,
    ...(filter.kind !== '' ? { kind: filter.kind } : {}),
    ...(filter.provider !== '' ? { provider: filter.provider } : {}),
    ...(filter.since !== 'all' ? { since: filter.since } : {}),
    ...(beforeSeq !== null ? { beforeSeq } : {}),
  }
}

/** Names a filter: pages loaded for one filter are never mixed with another's. */
export function filterKey(filter: AuditFilter): string {
  return `${filter.kind}\0${filter.provider}\0${filter.since}`
}

/**
 * The providers to offer in the filter: the configured ones and any named by records already loaded (a
 * provider removed since still has its records), sorted, with the chosen one kept even if neither has it.
 */
export function providerChoices(configured: readonly string[], records: readonly Pick<AuditRecord, 'data'>[], chosen: string): string[] {
  const ids = new Set(configured)
  for (const record of records) {
    const provider = record.data.provider
    if (typeof provider === 'string' && provider !== '') ids.add(provider)
  }
  if (chosen !== '') ids.add(chosen)
  return [...ids].sort((a, b) => a.localeCompare(b))
}
