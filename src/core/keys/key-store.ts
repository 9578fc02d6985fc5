import { createHash } from 'node:crypto'
import { CoopError } from '../errors/coop-error'
import type { Statement } from 'better-sqlite3'
import { statementCache, type Db } from '../store/open-database'
import { NO_AUDIT, type AuditSink } from '../audit/audit-sink'
import type { Keychain } from './system-keychain'

export type KeySource = 'keychain' | 'env'

/** Stored keys as the scrubber finds them: by fingerprint, and the shapes worth hashing (null: any). */
export interface KeyFingerprints {
  readonly byFingerprint: ReadonlyMap<string, string>
  readonly lengths: ReadonlySet<number> | null
  /** The first three characters of each key: a format prefix (sk-, AIz), not its secret part. */
  readonly prefixes: ReadonlySet<string> | null
}

export function keyPrefix(key: string): string {
  return key.slice(0, 3)
}

/** What Coop shows about a key. Never the key: only its fingerprint. */
export interface KeyInfo {
  readonly provider: string
  /** `sha256:` and the first 12 hex digits of the key's SHA-256. */
  readonly fingerprint: string
  readonly source: KeySource
  /** When `resolve` last handed the key out (env keys: in this process only), or null. */
  readonly lastUsedAt: string | null
  /**
   * True when Coop recorded a keychain key but the keychain no longer has the entry (deleted outside
   * Coop, or a different keyring). Always false for env keys. Set the key again or remove it.
   */
  readonly missing: boolean
}

const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/
const ENV_KEY = /^COOP_([A-Z0-9][A-Z0-9_]{0,63})_API_KEY$/

export const PROVIDER_ID_RULE = 'A provider id is 1–64 lowercase letters, digits and dashes, starting with a letter or digit (like openai or anthropic)'

export function isProviderId(value: string): boolean {
  return PROVIDER_ID.test(value)
}

/** `openai` → `COOP_OPENAI_API_KEY`, `azure-openai` → `COOP_AZURE_OPENAI_API_KEY`. */
export function envVariableFor(provider: string): string {
  return `COOP_${provider.toUpperCase().replaceAll('-', '_')}_API_KEY`
}

export function fingerprintOf(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12)}`
}

interface KeyRow {
  readonly provider: string
  readonly fingerprint: string
  readonly updated_at: string
  readonly last_used_at: string | null
}

/**
 * Model-provider API keys (bring your own key). Keys live only in the OS keychain, or in a
 * `COOP_<PROVIDER>_API_KEY` environment variable for headless use; the database holds fingerprints and
 * times. No method returns key text except `resolve`, and nothing here logs or echoes a key.
 */
export class KeyStore {
  private readonly envUse = new Map<string, string>()
  /** describe and fingerprints run for every model request. */
  private readonly query: (sql: string) => Statement

  constructor(
    private readonly db: Db,
    private readonly keychain: Keychain,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly now: () => Date = () => new Date(),
    private readonly audit: AuditSink = NO_AUDIT,
  ) {
    this.query = statementCache(db)
  }

  /** Stores (or replaces) the provider's key in the keychain and records its fingerprint. */
  async set(provider: string, key: string): Promise<KeyInfo> {
    assertProviderId(provider)
    checkKey(key)
    const rotated = this.db.prepare('SELECT 1 FROM provider_keys WHERE provider = ?').get(provider) !== undefined
    await this.keychain.set(provider, key)
    const fingerprint = fingerprintOf(key)
    // A new key has not been used yet, so last use starts over.
    this.db
      .prepare(
        `INSERT INTO provider_keys (provider, fingerprint, key_length, key_prefix, updated_at, last_used_at) VALUES (?, ?, ?, ?, ?, NULL)
         ON CONFLICT (provider) DO UPDATE SET fingerprint = excluded.fingerprint, key_length = excluded.key_length, key_prefix = excluded.key_prefix,
           updated_at = excluded.updated_at, last_used_at = NULL`,
      )
      .run(provider, fingerprint, key.length, keyPrefix(key), this.now().toISOString())
    this.audit('key_set', { provider, fingerprint, source: 'keychain', rotated }, { provider })
    return { provider, fingerprint, source: 'keychain', lastUsedAt: null, missing: false }
  }

  /** Deletes the provider's keychain entry and its record; false if there was neither. Env keys stay. */
  async remove(provider: string): Promise<boolean> {
    assertProviderId(provider)
    const fingerprint = this.db.prepare('SELECT fingerprint FROM provider_keys WHERE provider = ?').pluck().get(provider) as string | undefined
    const deleted = await this.keychain.delete(provider)
    const forgotten = this.db.prepare('DELETE FROM provider_keys WHERE provider = ?').run(provider).changes > 0
    if (deleted || forgotten) this.audit('key_removed', { provider, fingerprint: fingerprint ?? null }, { provider })
    return deleted || forgotten
  }

  /**
   * Every key Coop can use, sorted by provider: keychain keys from the database, then env keys (a
   * provider with both is listed twice). The keychain is asked once, only to confirm that recorded
   * entries still exist, so an env-only setup lists without any keychain.
   */
  async list(): Promise<readonly KeyInfo[]> {
    const rows = this.db.prepare('SELECT provider, fingerprint, updated_at, last_used_at FROM provider_keys ORDER BY provider').all() as KeyRow[]
    const present = rows.length > 0 ? await this.keychain.providers() : new Set<string>()
    const stored: KeyInfo[] = rows.map((row) => ({
      provider: row.provider,
      fingerprint: row.fingerprint,
      source: 'keychain',
      lastUsedAt: row.last_used_at,
      missing: !present.has(row.provider),
    }))
    const fromEnv: KeyInfo[] = this.envProviders().map((provider) => ({
      provider,
      fingerprint: fingerprintOf(this.envKey(provider) ?? ''),
      source: 'env',
      lastUsedAt: this.envUse.get(provider) ?? null,
      missing: false,
    }))
    return [...stored, ...fromEnv].sort((a, b) => a.provider.localeCompare(b.provider) || a.source.localeCompare(b.source))
  }

  /** Which key a request to the provider would use, by fingerprint, without reading the key itself. */
  describe(provider: string): { readonly fingerprint: string; readonly source: KeySource } | null {
    assertProviderId(provider)
    const fromEnv = this.envKey(provider)
    if (fromEnv !== undefined) return { fingerprint: fingerprintOf(fromEnv), source: 'env' }
    const fingerprint = this.query('SELECT fingerprint FROM provider_keys WHERE provider = ?').pluck().get(provider) as string | undefined
    return fingerprint === undefined ? null : { fingerprint, source: 'keychain' }
  }

  /**
   * Fingerprints of every key Coop knows (recorded keychain keys and env keys), by provider, without
   * asking the keychain: the scrubber redacts any text whose fingerprint matches one.
   */
  fingerprints(): KeyFingerprints {
    const rows = this.query('SELECT provider, fingerprint, key_length, key_prefix FROM provider_keys').all() as {
      provider: string
      fingerprint: string
      key_length: number | null
      key_prefix: string | null
    }[]
    const byFingerprint = new Map(rows.map((r) => [r.fingerprint, r.provider]))
    const shapes = rows.map((r) => ({ length: r.key_length, prefix: r.key_prefix }))
    for (const provider of this.envProviders()) {
      const key = this.envKey(provider) ?? ''
      byFingerprint.set(fingerprintOf(key), provider)
      shapes.push({ length: key.length, prefix: keyPrefix(key) })
    }
    // A key whose shape was not recorded (set by an older Coop) makes every run worth hashing.
    const known = shapes.every((s) => s.length !== null && s.prefix !== null)
    return {
      byFingerprint,
      lengths: known ? new Set(shapes.map((s) => s.length as number)) : null,
      prefixes: known ? new Set(shapes.map((s) => s.prefix as string)) : null,
    }
  }

  /**
   * The key text, for building ONE outbound request to the provider: use it there and drop it — do not
   * keep it, log it, or pass it to the renderer. The only way to read a key. The environment variable
   * wins over the keychain; records the time of use. Null when the provider has no key.
   */
  async resolve(provider: string): Promise<{ readonly key: string; readonly source: KeySource } | null> {
    assertProviderId(provider)
    const at = this.now().toISOString()
    const fromEnv = this.envKey(provider)
    if (fromEnv !== undefined) {
      this.envUse.set(provider, at)
      return { key: fromEnv, source: 'env' }
    }
    const key = await this.keychain.get(provider)
    if (key === null) return null
    // A key put in the keychain outside Coop gets a record too, so list shows it.
    this.db
      .prepare(
        `INSERT INTO provider_keys (provider, fingerprint, key_length, key_prefix, updated_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (provider) DO UPDATE SET fingerprint = excluded.fingerprint, key_length = excluded.key_length, key_prefix = excluded.key_prefix,
           last_used_at = excluded.last_used_at`,
      )
      .run(provider, fingerprintOf(key), key.length, keyPrefix(key), at, at)
    return { key, source: 'keychain' }
  }

  private envKey(provider: string): string | undefined {
    const value = this.env[envVariableFor(provider)]
    return value ? value : undefined
  }

  private envProviders(): string[] {
    const providers: string[] = []
    for (const [name, value] of Object.entries(this.env)) {
      const match = ENV_KEY.exec(name)
      if (!match?.[1] || !value) continue
      const provider = match[1].toLowerCase().replaceAll('_', '-')
      if (isProviderId(provider)) providers.push(provider)
    }
    return providers
  }
}

export function assertProviderId(provider: string): void {
  // The value is not echoed: a key pasted in the wrong place must not end up in an error message.
  if (!isProviderId(provider)) {
    throw new CoopError('invalid_input', PROVIDER_ID_RULE)
  }
}

function checkKey(key: string): void {
  if (key.length === 0) throw new CoopError('invalid_input', 'The key is empty')
  if (key.includes('\0')) throw new CoopError('invalid_input', 'The key contains a NUL byte; an API key is one line of text')
  if (/[\r\n]/.test(key)) throw new CoopError('invalid_input', 'The key spans several lines; an API key is one line of text')
}
