import { CoopError } from '../errors/coop-error'
import { assertProviderId } from '../keys/key-store'
import type { Statement } from 'better-sqlite3'
import { statementCache, type Db } from '../store/open-database'
import { ENDPOINT_FAMILIES, type EndpointFamily, type PolicySettings, type ProviderApproval } from '../../shared/router-types'

/** Per-provider policy as stored; see ProviderPolicyView for what is shown. */
export interface ProviderPolicyRow {
  readonly agreementVerifiedOn: string | null
  readonly policyReviewedOn: string | null
  readonly retentionAnnotation: boolean
  readonly allowedModels: readonly string[]
  readonly approval: ProviderApproval | null
}

export interface ProviderPolicyChange {
  /** YYYY-MM-DD, or null to clear: "zero-retention agreement in place, verified on <date>". */
  readonly agreementVerifiedOn?: string | null
  /** YYYY-MM-DD the user last checked the provider's published policy, or null to clear. */
  readonly policyReviewedOn?: string | null
  readonly retentionAnnotation?: boolean
  /** Replaces the allow-list; empty allows any model. */
  readonly allowedModels?: readonly string[]
}

const DEFAULT_SETTINGS: PolicySettings = { offline: false, blockedEndpoints: [...ENDPOINT_FAMILIES] }
const MAX_REASON = 500

/** Reads and writes router policy: settings, approvals, agreements and allow-lists. No request logic. */
export class PolicyStore {
  private readonly query: (sql: string) => Statement

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.query = statementCache(db)
  }

  settings(): PolicySettings {
    const rows = this.query(`SELECT key, value FROM settings WHERE key IN ('offline', 'blocked_endpoints')`).all() as { key: string; value: string }[]
    const byKey = new Map(rows.map((r) => [r.key, r.value]))
    const offline = byKey.get('offline')
    const blocked = byKey.get('blocked_endpoints')
    return {
      offline: offline === undefined ? DEFAULT_SETTINGS.offline : offline === 'true',
      blockedEndpoints: blocked === undefined ? DEFAULT_SETTINGS.blockedEndpoints : parseFamilies(blocked),
    }
  }

  setOffline(offline: boolean): PolicySettings {
    this.put('offline', String(offline))
    return this.settings()
  }

  setBlockedEndpoints(families: readonly EndpointFamily[]): PolicySettings {
    const known = families.filter((f) => (ENDPOINT_FAMILIES as readonly string[]).includes(f))
    this.put('blocked_endpoints', [...new Set(known)].sort().join(','))
    return this.settings()
  }

  provider(id: string): ProviderPolicyRow {
    const row = this.query('SELECT agreement_verified_on, policy_reviewed_on, retention_annotation FROM providers WHERE id = ?').get(id) as
      | { agreement_verified_on: string | null; policy_reviewed_on: string | null; retention_annotation: number }
      | undefined
    if (!row) throw new CoopError('not_found', `No provider ${id}`, { id })
    const models = this.query('SELECT model FROM provider_allowed_models WHERE provider_id = ? ORDER BY model').pluck().all(id) as string[]
    const approval = this.query('SELECT approved_by AS "by", approved_at AS "at", reason FROM provider_approvals WHERE provider_id = ?').get(id) as
      | ProviderApproval
      | undefined
    return {
      agreementVerifiedOn: row.agreement_verified_on,
      policyReviewedOn: row.policy_reviewed_on,
      retentionAnnotation: row.retention_annotation !== 0,
      allowedModels: models,
      approval: approval ?? null,
    }
  }

  update(id: string, change: ProviderPolicyChange): ProviderPolicyRow {
    assertProviderId(id)
    for (const date of [change.agreementVerifiedOn, change.policyReviewedOn]) if (date) checkDay(date, this.now())
    this.db.transaction(() => {
      this.provider(id)
      const at = this.now().toISOString()
      if (change.agreementVerifiedOn !== undefined) this.db.prepare('UPDATE providers SET agreement_verified_on = ?, updated_at = ? WHERE id = ?').run(change.agreementVerifiedOn, at, id)
      if (change.policyReviewedOn !== undefined) this.db.prepare('UPDATE providers SET policy_reviewed_on = ?, updated_at = ? WHERE id = ?').run(change.policyReviewedOn, at, id)
      if (change.retentionAnnotation !== undefined) this.db.prepare('UPDATE providers SET retention_annotation = ?, updated_at = ? WHERE id = ?').run(change.retentionAnnotation ? 1 : 0, at, id)
      if (change.allowedModels !== undefined) {
        this.db.prepare('DELETE FROM provider_allowed_models WHERE provider_id = ?').run(id)
        const insert = this.db.prepare('INSERT OR IGNORE INTO provider_allowed_models (provider_id, model) VALUES (?, ?)')
        for (const model of change.allowedModels) {
          const name = model.trim()
          if (name.length === 0 || name.length > 200 || /\p{Cc}/u.test(name)) throw new CoopError('invalid_input', 'An allowed model name is 1–200 characters without control characters')
          insert.run(id, name)
        }
      }
    })()
    return this.provider(id)
  }

  /** Records who approved calling a provider without a no-training posture, when and why. */
  approve(id: string, by: string, reason: string): ProviderApproval {
    assertProviderId(id)
    const who = by.trim()
    const why = reason.trim()
    if (who.length === 0 || who.length > 200) throw new CoopError('invalid_input', 'Say who approves (1–200 characters)')
    if (why.length === 0 || why.length > MAX_REASON) throw new CoopError('invalid_input', `Say why, in 1–${MAX_REASON} characters`)
    const approval: ProviderApproval = { by: who, at: this.now().toISOString(), reason: why }
    this.db.transaction(() => {
      this.provider(id)
      this.db
        .prepare(
          `INSERT INTO provider_approvals (provider_id, approved_by, approved_at, reason) VALUES (?, ?, ?, ?)
           ON CONFLICT (provider_id) DO UPDATE SET approved_by = excluded.approved_by, approved_at = excluded.approved_at, reason = excluded.reason`,
        )
        .run(id, approval.by, approval.at, approval.reason)
    })()
    return approval
  }

  /** Withdraws an approval; false when there was none. */
  revokeApproval(id: string): boolean {
    assertProviderId(id)
    return this.db.prepare('DELETE FROM provider_approvals WHERE provider_id = ?').run(id).changes > 0
  }

  private put(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
  }
}

function parseFamilies(value: string): EndpointFamily[] {
  return value.split(',').filter((f): f is EndpointFamily => (ENDPOINT_FAMILIES as readonly string[]).includes(f))
}

/** A calendar date (YYYY-MM-DD) that exists and is not in the future: a verification cannot be tomorrow. */
export function checkDay(text: string, now: Date): void {
  const date = new Date(`${text}T00:00:00Z`)
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
  if (!valid) throw new CoopError('invalid_input', 'A date is written YYYY-MM-DD, like 2026-03-31')
  if (text > now.toISOString().slice(0, 10)) throw new CoopError('invalid_input', `${text} is in the future: give the date it was verified`)
}
