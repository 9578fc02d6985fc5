import type { RetentionSeries } from '../../shared/attestation-types'
import type { Audit } from '../audit/audit-service'

const MODES = ['local', 'contract', 'flag', 'none'] as const
const DAY_MS = 86_400_000

/**
 * Requests per day by retention mode, from the audit log (not the usage table): the Compliance page's
 * chart. A request counts on the day of its final record; blocked ones (never sent) have their own column.
 */
export function retentionSeries(audit: Audit, days: number, now = new Date()): RetentionSeries {
  const since = new Date(now.getTime() - days * DAY_MS).toISOString()
  const byDay = new Map<string, { local: number; contract: number; flag: number; none: number; blocked: number }>()
  const seen = new Set<string>()
  for (const record of audit.log.all(since)) {
    if (record.kind !== 'llm_request') continue
    const data = record.data as { requestId?: unknown; status?: unknown; retentionMode?: unknown }
    if (data.status === 'started' || typeof data.requestId !== 'string' || seen.has(data.requestId)) continue
    seen.add(data.requestId)
    const day = record.at.slice(0, 10)
    let counts = byDay.get(day)
    if (!counts) byDay.set(day, (counts = { local: 0, contract: 0, flag: 0, none: 0, blocked: 0 }))
    if (data.status === 'blocked') counts.blocked++
    else counts[MODES.find((m) => m === data.retentionMode) ?? 'none']++
  }
  return { since, days: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ day, ...counts })) }
}
