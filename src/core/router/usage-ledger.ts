import type { AskStatus, RetentionMode, UsageDay, UsageReport, UsageRow } from '../../shared/router-types'
import type { Db } from '../store/open-database'

/** The start of one model request: ids, counts and a hash, never its content. */
export interface RequestStart {
  readonly requestId: string
  readonly startedAt: string
  readonly provider: string
  readonly kind: string
  readonly model: string
  readonly retentionMode: RetentionMode
  readonly keyFingerprint: string | null
  readonly keySource: string | null
  readonly redactions: number
  readonly redactionsByRule: Readonly<Record<string, number>>
  readonly payloadSha256: string
  /** The providers tried before this one, when it is a fallback. */
  readonly fallbackFrom: readonly string[]
}

export interface RequestEnd {
  readonly status: AskStatus
  readonly finishedAt: string
  readonly statusCode: number | null
  readonly errorClass: string | null
  readonly inputTokens: number | null
  readonly outputTokens: number | null
  readonly costUsd: number | null
  readonly attempts: number
}

/**
 * One row per model request in coop.db: what `coop usage` and the app's chart read. Written before the
 * request is sent: if the row cannot be written, the request is not sent (fail closed).
 */
export class UsageLedger {
  private readonly insert
  private readonly update

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare(
      `INSERT INTO llm_requests (request_id, started_at, provider_id, provider_kind, model, status, retention_mode, key_fingerprint, key_source, redactions, redactions_by_rule, payload_sha256, fallback_from)
       VALUES (?, ?, ?, ?, ?, 'started', ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.update = db.prepare(
      `UPDATE llm_requests SET status = ?, finished_at = ?, status_code = ?, error_class = ?, input_tokens = ?, output_tokens = ?, cost_usd = ?, attempt = ? WHERE request_id = ?`,
    )
  }

  start(r: RequestStart): void {
    this.insert.run(
      r.requestId,
      r.startedAt,
      r.provider,
      r.kind,
      r.model,
      r.retentionMode,
      r.keyFingerprint,
      r.keySource,
      r.redactions,
      JSON.stringify(r.redactionsByRule),
      r.payloadSha256,
      r.fallbackFrom.length > 0 ? r.fallbackFrom.join(',') : null,
    )
  }

  finish(requestId: string, e: RequestEnd): void {
    this.update.run(e.status, e.finishedAt, e.statusCode, e.errorClass, e.inputTokens, e.outputTokens, e.costUsd, e.attempts, requestId)
  }

  /** Requests, tokens and cost since `days` ago: per provider and model, and per day for the chart. */
  report(days = 30): UsageReport {
    const since = new Date(this.now().getTime() - days * 86_400_000).toISOString()
    const rows = this.db
      .prepare(
        `SELECT provider_id AS provider, model, COUNT(*) AS requests,
                SUM(status IN ('failed', 'blocked', 'cancelled')) AS failed,
                COALESCE(SUM(input_tokens), 0) AS inputTokens, COALESCE(SUM(output_tokens), 0) AS outputTokens,
                SUM(cost_usd) AS costUsd, SUM(cost_usd IS NULL AND status = 'succeeded') AS unpriced
         FROM llm_requests WHERE started_at >= ? GROUP BY provider_id, model ORDER BY provider_id, model`,
      )
      .all(since) as (UsageRow & { unpriced: number })[]
    const dayRows = this.db
      .prepare(
        `SELECT substr(started_at, 1, 10) AS day, retention_mode AS mode, COUNT(*) AS requests,
                COALESCE(SUM(input_tokens), 0) AS inputTokens, COALESCE(SUM(output_tokens), 0) AS outputTokens, COALESCE(SUM(cost_usd), 0) AS costUsd
         FROM llm_requests WHERE started_at >= ? GROUP BY day, mode ORDER BY day`,
      )
      .all(since) as { day: string; mode: RetentionMode; requests: number; inputTokens: number; outputTokens: number; costUsd: number }[]
    const days_ = new Map<string, { -readonly [K in keyof UsageDay]: UsageDay[K] }>()
    for (const r of dayRows) {
      let day = days_.get(r.day)
      if (!day) days_.set(r.day, (day = { day: r.day, requests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, byRetention: { local: 0, contract: 0, flag: 0, none: 0 } }))
      day.requests += r.requests
      day.inputTokens += r.inputTokens
      day.outputTokens += r.outputTokens
      day.costUsd += r.costUsd
      day.byRetention = { ...day.byRetention, [r.mode]: (day.byRetention[r.mode] ?? 0) + r.requests }
    }
    const usageRows: UsageRow[] = rows.map(({ unpriced, ...row }) => ({ ...row, costUsd: unpriced > 0 && row.costUsd === null ? null : row.costUsd }))
    return {
      since,
      rows: usageRows,
      days: [...days_.values()],
      totals: {
        requests: usageRows.reduce((n, r) => n + r.requests, 0),
        inputTokens: usageRows.reduce((n, r) => n + r.inputTokens, 0),
        outputTokens: usageRows.reduce((n, r) => n + r.outputTokens, 0),
        costUsd: usageRows.reduce((n, r) => n + (r.costUsd ?? 0), 0),
      },
    }
  }
}

/** USD for the tokens at per-million prices; null when either price is unknown. */
export function costOf(inputTokens: number, outputTokens: number, prices: { inputPrice: number | null; outputPrice: number | null } | undefined): number | null {
  if (!prices || prices.inputPrice === null || prices.outputPrice === null) return null
  return (inputTokens * prices.inputPrice + outputTokens * prices.outputPrice) / 1_000_000
}
