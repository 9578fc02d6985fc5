import { CoopError } from '../errors/coop-error'
import { assertProviderId } from '../keys/key-store'
import { NO_AUDIT, type AuditSink } from '../audit/audit-sink'
import type { Statement } from 'better-sqlite3'
import { statementCache, type Db } from '../store/open-database'
import { checkBaseUrl, isLocalProvider } from './base-url'
import { defaultBaseUrl, isProviderKind, PROVIDER_KIND_RULE } from '../../shared/provider-kinds'
import type { ProviderInfo } from '../../shared/router-types'

export type { ProviderInfo, ProviderModel } from '../../shared/router-types'

export interface NewProvider {
  readonly id: string
  /** Checked here, so a string from the command line or the bridge can be passed as is. */
  readonly kind: string
  readonly baseUrl?: string
  readonly models?: readonly (string | NewModel)[]
  readonly timeoutMs?: number
}

export interface NewModel {
  readonly model: string
  readonly contextWindow?: number
  readonly inputPrice?: number
  readonly outputPrice?: number
}

export const DEFAULT_TIMEOUT_MS = 60_000
const MAX_TIMEOUT_MS = 3_600_000
const MAX_MODEL_NAME = 200

interface ProviderRow {
  readonly id: string
  readonly kind: string
  readonly base_url: string | null
  readonly enabled: number
  readonly timeout_ms: number
}

interface ModelRow {
  readonly provider_id: string
  readonly model: string
  readonly context_window: number | null
  readonly input_price: number | null
  readonly output_price: number | null
}

/**
 * The model providers Coop may call: kind, base URL, timeout, on/off, and the models each offers. Only
 * configuration: nothing here makes a request. A provider's id is also its key's name in KeyStore.
 */
export class ProviderStore {
  private readonly query: (sql: string) => Statement

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    private readonly audit: AuditSink = NO_AUDIT,
  ) {
    this.query = statementCache(db)
  }

  /** Adds a provider (enabled) with its models. Its id must be new. */
  add(input: NewProvider): ProviderInfo {
    assertProviderId(input.id)
    if (!isProviderKind(input.kind)) throw new CoopError('invalid_input', PROVIDER_KIND_RULE)
    const kind = input.kind
    const baseUrl = input.baseUrl === undefined ? null : checkBaseUrl(input.baseUrl)
    if (baseUrl === null && defaultBaseUrl(kind) === null) {
      throw new CoopError('invalid_input', `A provider of kind ${kind} needs a base URL (like http://localhost:11434/v1 for Ollama)`)
    }
    const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS
    checkTimeout(timeoutMs)
    const models = (input.models ?? []).map((m) => checkModel(typeof m === 'string' ? { model: m } : m))
    const at = this.now().toISOString()
    this.db.transaction(() => {
      if (this.row(input.id)) throw new CoopError('invalid_input', `There is already a provider ${input.id}: pick another id, or remove that one first`, { id: input.id })
      this.db
        .prepare('INSERT INTO providers (id, kind, base_url, enabled, timeout_ms, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)')
        .run(input.id, kind, baseUrl, timeoutMs, at, at)
      for (const model of models) this.upsertModel(input.id, model)
    })()
    this.audit('provider_added', { provider: input.id, kind, baseUrl: baseUrl ?? defaultBaseUrl(kind), models: models.map((m) => m.model) }, { provider: input.id })
    return this.require(input.id)
  }

  /** Every provider, sorted by id. */
  list(): readonly ProviderInfo[] {
    const rows = this.db.prepare('SELECT id, kind, base_url, enabled, timeout_ms FROM providers ORDER BY id').all() as ProviderRow[]
    const models = this.db.prepare('SELECT * FROM provider_models ORDER BY provider_id, model').all() as ModelRow[]
    return rows.map((row) => toInfo(row, models.filter((m) => m.provider_id === row.id)))
  }

  /** The provider, or null when there is none with that id. */
  get(id: string): ProviderInfo | null {
    assertProviderId(id)
    const row = this.row(id)
    if (!row) return null
    const models = this.query('SELECT * FROM provider_models WHERE provider_id = ? ORDER BY model').all(id) as ModelRow[]
    return toInfo(row, models)
  }

  /** Turns a provider on or off (a disabled provider stays configured but is not called). */
  setEnabled(id: string, enabled: boolean): ProviderInfo {
    assertProviderId(id)
    const changed = this.db.prepare('UPDATE providers SET enabled = ?, updated_at = ? WHERE id = ?').run(enabled ? 1 : 0, this.now().toISOString(), id).changes
    if (changed === 0) throw notFound(id)
    this.audit(enabled ? 'provider_enabled' : 'provider_disabled', { provider: id }, { provider: id })
    return this.require(id)
  }

  /** Changes how long a request to the provider may take before it is abandoned (and retried). */
  setTimeout(id: string, timeoutMs: number): ProviderInfo {
    assertProviderId(id)
    checkTimeout(timeoutMs)
    const before = this.row(id)
    if (!before) throw notFound(id)
    this.db.prepare('UPDATE providers SET timeout_ms = ?, updated_at = ? WHERE id = ?').run(timeoutMs, this.now().toISOString(), id)
    this.audit('setting_changed', { setting: 'provider_timeout_ms', provider: id, from: before.timeout_ms, to: timeoutMs }, { provider: id })
    return this.require(id)
  }

  /** Deletes the provider and its models; false if there was none. Its API key, if any, stays in the keychain. */
  remove(id: string): boolean {
    assertProviderId(id)
    const removed = this.db.prepare('DELETE FROM providers WHERE id = ?').run(id).changes > 0
    if (removed) this.audit('provider_removed', { provider: id }, { provider: id })
    return removed
  }

  /** Adds a model to the provider, or replaces the details of a model it already has. */
  addModel(id: string, input: NewModel): ProviderInfo {
    assertProviderId(id)
    const model = checkModel(input)
    this.db.transaction(() => {
      if (!this.row(id)) throw notFound(id)
      this.upsertModel(id, model)
      this.db.prepare('UPDATE providers SET updated_at = ? WHERE id = ?').run(this.now().toISOString(), id)
    })()
    return this.require(id)
  }

  private row(id: string): ProviderRow | undefined {
    return this.query('SELECT id, kind, base_url, enabled, timeout_ms FROM providers WHERE id = ?').get(id) as ProviderRow | undefined
  }

  private require(id: string): ProviderInfo {
    const info = this.get(id)
    if (!info) throw notFound(id)
    return info
  }

  private upsertModel(id: string, model: NewModel): void {
    this.db
      .prepare(
        `INSERT INTO provider_models (provider_id, model, context_window, input_price, output_price) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (provider_id, model) DO UPDATE SET context_window = excluded.context_window, input_price = excluded.input_price, output_price = excluded.output_price`,
      )
      .run(id, model.model, model.contextWindow ?? null, model.inputPrice ?? null, model.outputPrice ?? null)
  }
}

function toInfo(row: ProviderRow, models: readonly ModelRow[]): ProviderInfo {
  // A kind this version does not know (written by a newer Coop) is a storage problem, not a crash later.
  if (!isProviderKind(row.kind)) throw new CoopError('storage_failed', `Provider ${row.id} has a kind this Coop does not know (${row.kind}): update the app`, { id: row.id })
  const baseUrl = row.base_url ?? defaultBaseUrl(row.kind)
  return {
    id: row.id,
    kind: row.kind,
    baseUrl,
    baseUrlOverridden: row.base_url !== null,
    local: isLocalProvider(row.kind, baseUrl),
    enabled: row.enabled !== 0,
    timeoutMs: row.timeout_ms,
    models: models.map((m) => ({ model: m.model, contextWindow: m.context_window, inputPrice: m.input_price, outputPrice: m.output_price })),
  }
}

function notFound(id: string): CoopError {
  return new CoopError('not_found', `No provider ${id}`, { id })
}

function checkTimeout(ms: number): void {
  if (!Number.isInteger(ms) || ms < 1 || ms > MAX_TIMEOUT_MS) {
    throw new CoopError('invalid_input', `The timeout is a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (one hour)`)
  }
}

function checkModel(input: NewModel): NewModel {
  const model = input.model.trim()
  if (model.length === 0 || model.length > MAX_MODEL_NAME) throw new CoopError('invalid_input', `A model name is 1–${MAX_MODEL_NAME} characters`)
  // Control characters would break tables and logs; model names are plain text (gpt-4.1, llama3.1:8b, org/model).
  if (/\p{Cc}/u.test(model)) throw new CoopError('invalid_input', 'A model name cannot contain control characters')
  if (input.contextWindow !== undefined && (!Number.isInteger(input.contextWindow) || input.contextWindow < 1)) {
    throw new CoopError('invalid_input', `The context window of ${model} must be a whole number of tokens above 0`)
  }
  for (const price of [input.inputPrice, input.outputPrice]) {
    if (price !== undefined && (!Number.isFinite(price) || price < 0)) {
      throw new CoopError('invalid_input', `Prices of ${model} are USD per million tokens, 0 or more`)
    }
  }
  return { ...input, model }
}
