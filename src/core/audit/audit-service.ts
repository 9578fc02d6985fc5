import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { AuditCheckpoint, AuditFilter, AuditKind, AuditPage, AuditRecord, AuditVerifyReport } from '../../shared/audit-types'
import { CoopError, isCoopError } from '../errors/coop-error'
import type { Keychain } from '../keys/system-keychain'
import type { Logger } from '../log/logger'
import { AUDIT_FILE, openAuditDb } from './audit-db'
import { AuditLog, type AppendOptions } from './audit-log'
import { auditDbSource } from './audit-source'
import { loadSigningKey, publicKeyFromPem, type SigningKey } from './signing-key'
import { verifyChain, type TrustedKey } from './verify-chain'

/** Where the newest checkpoint is also kept, outside audit.db (coop.db's settings). */
export interface HeadStore {
  get(): AuditCheckpoint | null
  put(checkpoint: AuditCheckpoint): void
}

export interface AuditDeps {
  readonly dataDir: string
  readonly keychain: Keychain
  readonly env: NodeJS.ProcessEnv
  readonly logger: Logger
  readonly head: HeadStore
  readonly now?: () => Date
  readonly actor?: string
}

const DAY_MS = 86_400_000

/**
 * The audit capability: the log, its signing key (loaded from the keychain on first need), verifying,
 * pruning (at start-up and daily) and the public key a reviewer needs.
 */
export class Audit {
  readonly log: AuditLog
  private loading: Promise<SigningKey | null> | undefined
  private pruneTimer: NodeJS.Timeout | undefined

  constructor(private readonly deps: AuditDeps) {
    this.log = new AuditLog(openAuditDb(join(deps.dataDir, AUDIT_FILE)), deps.logger, deps.now, deps.actor, (c) => deps.head.put(c))
  }

  /**
   * Loads the signing key once. Without a keychain (and no COOP_AUDIT_SIGNING_KEY) records are still
   * chained, but checkpoints are not signed, so truncation cannot be proven: the log says so.
   */
  ready(): Promise<SigningKey | null> {
    this.loading ??= loadSigningKey(this.deps.keychain, profileId(this.deps.dataDir), this.deps.env).then(
      (key) => {
        this.log.useSigningKey(key)
        return key
      },
      (error: unknown) => {
        this.deps.logger.log('warn', 'audit signing key unavailable; checkpoints are not signed', { code: isCoopError(error) ? error.code : 'internal' })
        return null
      },
    )
    return this.loading
  }

  /** Appends a record; throws storage_failed when it cannot be written (fail closed). */
  append(kind: AuditKind, data: Readonly<Record<string, unknown>>, options: AppendOptions = {}): AuditRecord {
    return this.log.append(kind, data, options)
  }

  list(filter: AuditFilter = {}): AuditPage {
    return this.log.list(filter)
  }

  /** Verifies audit.db against this profile's key and, if given, a public key the reviewer trusts. */
  async verify(options: { publicKeyPem?: string } = {}): Promise<AuditVerifyReport> {
    const trusted: TrustedKey[] = []
    if (options.publicKeyPem) trusted.push(publicKeyFromPem(options.publicKeyPem))
    const key = await this.ready()
    if (key && !trusted.some((t) => t.keyId === key.keyId)) trusted.push({ keyId: key.keyId, publicKeyPem: key.publicKeyPem })
    return verifyChain(auditDbSource(this.log.db), trusted, this.deps.head.get())
  }

  async publicKey(): Promise<{ keyId: string; publicKeyPem: string }> {
    const key = await this.ready()
    if (!key) throw new CoopError('keychain_unavailable', 'The audit signing key lives in the system keychain, which is not available: unlock it, or set COOP_AUDIT_SIGNING_KEY on a headless machine')
    return { keyId: key.keyId, publicKeyPem: key.publicKeyPem }
  }

  /** Signs a statement (an attestation report) with the profile's audit key. */
  async sign(statement: unknown): Promise<{ keyId: string; publicKeyPem: string; signature: string }> {
    const key = await this.ready()
    if (!key) throw new CoopError('keychain_unavailable', 'Signing needs the audit signing key in the system keychain: unlock it, or set COOP_AUDIT_SIGNING_KEY on a headless machine')
    return { keyId: key.keyId, publicKeyPem: key.publicKeyPem, signature: key.sign(statement) }
  }

  async prune(): Promise<{ removed: number; record: AuditRecord | null }> {
    await this.ready()
    return this.log.prune()
  }

  /** Prunes now and then daily, for as long as the app (or `coop serve`) runs. */
  startPruning(): void {
    const run = () =>
      this.prune().then(
        ({ removed }) => removed > 0 && this.deps.logger.log('info', 'audit log pruned', { removed }),
        (error: unknown) => this.deps.logger.log('warn', 'audit prune failed', { code: isCoopError(error) ? error.code : 'internal' }),
      )
    void run()
    this.pruneTimer = setInterval(() => void run(), DAY_MS)
    this.pruneTimer.unref()
  }

  close(): void {
    if (this.pruneTimer) clearInterval(this.pruneTimer)
    this.log.close()
  }
}

/** One signing key per profile (data folder), so two profiles never share a chain's key. */
export function profileId(dataDir: string): string {
  return createHash('sha256').update(dataDir, 'utf8').digest('hex').slice(0, 12)
}
