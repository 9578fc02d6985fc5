import { userInfo } from 'node:os'
import type { AuditCheckpoint, AuditFilter, AuditKind, AuditPage, AuditRecord } from '../../shared/audit-types'
import { CoopError } from '../errors/coop-error'
import type { Logger } from '../log/logger'
import type { AuditDb } from './audit-db'
import { canonicalJson } from './canonical-json'
import { GENESIS_HASH, hashFields } from './record-hash'
import type { SigningKey } from './signing-key'

export const DEFAULT_RETENTION_DAYS = 90
/** A checkpoint after this many records at most, and after any append once this long has passed. */
const CHECKPOINT_EVERY_RECORDS = 1000
const CHECKPOINT_EVERY_MS = 1000

interface RecordRow {
  readonly seq: number
  readonly at: string
  readonly kind: string
  readonly actor: string
  readonly data: string
  readonly prev_hash: string
  readonly hash: string
}

export interface AppendOptions {
  /** Indexed for `coop audit list --provider`. */
  readonly provider?: string
}

/** Who is acting: the operating-system user this process runs as. */
export function localActor(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown'
  }
}

/**
 * The append-only, hash-chained audit log in audit.db. Appends are synchronous and each runs in an
 * IMMEDIATE transaction that reads the tail and writes after it, so the app and the CLI appending at
 * once still make one chain. Checkpoints are signed with the profile's key once it is loaded.
 */
export class AuditLog {
  private signing: SigningKey | null = null
  private lastCheckpoint = { seq: 0, at: 0 }
  private readonly tail
  private readonly insert
  private readonly insertCheckpoint
  private readonly appendTx: (kind: AuditKind, data: Readonly<Record<string, unknown>>, options: AppendOptions) => AuditRecord

  constructor(
    readonly db: AuditDb,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    private readonly actor: string = localActor(),
    /** Also keeps the newest checkpoint outside audit.db, so deleting records and checkpoints together still shows. */
    private readonly onCheckpoint: (checkpoint: AuditCheckpoint) => void = () => undefined,
  ) {
    this.tail = db.prepare('SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1')
    this.insert = db.prepare('INSERT INTO records (seq, at, kind, actor, provider, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    this.insertCheckpoint = db.prepare('INSERT OR REPLACE INTO checkpoints (seq, hash, at, key_id, signature) VALUES (?, ?, ?, ?, ?)')
    this.appendTx = db
      .transaction((kind: AuditKind, data: Readonly<Record<string, unknown>>, options: AppendOptions): AuditRecord => {
        const previous = this.head()
        const at = this.now().toISOString()
        const seq = previous.seq + 1
        const dataJson = canonicalJson(data)
        const hash = hashFields(seq, at, kind, this.actor, dataJson, previous.hash)
        this.insert.run(seq, at, kind, this.actor, options.provider ?? null, dataJson, previous.hash, hash)
        const record: AuditRecord = { seq, at, kind, actor: this.actor, data: JSON.parse(dataJson) as Record<string, unknown>, prevHash: previous.hash, hash }
        this.maybeCheckpoint(record)
        return record
      })
      .immediate.bind(null) as never
  }

  /** Starts signing checkpoints with this key (loaded from the keychain by the caller). */
  useSigningKey(key: SigningKey | null): void {
    this.signing = key
  }

  get keyId(): string | null {
    return this.signing?.keyId ?? null
  }

  /**
   * Appends one record and returns it. Throws a storage_failed CoopError when it cannot be written:
   * callers that must not act without a record (a model request) stop there.
   */
  append(kind: AuditKind, data: Readonly<Record<string, unknown>>, options: AppendOptions = {}): AuditRecord {
    try {
      return this.appendTx(kind, data, options)
    } catch (error) {
      throw new CoopError('storage_failed', `The audit log could not be written (${error instanceof Error ? error.message : String(error)}): check the disk and the data folder`, {}, { cause: error })
    }
  }

  /** Signs a checkpoint of the current head now (before an export, a report, or closing). */
  checkpoint(): AuditCheckpoint | null {
    if (!this.signing) return null
    const head = this.head()
    if (head.seq === 0) return null
    return this.db.transaction(() => this.writeCheckpoint(head.seq, head.hash)).immediate()
  }

  /** The newest records first, filtered; `beforeSeq` pages backwards. */
  list(filter: AuditFilter = {}): AuditPage {
    const where: string[] = []
    const params: (string | number)[] = []
    const add = (condition: string, value: string | undefined) => {
      if (value === undefined || value === '') return
      where.push(condition)
      params.push(value)
    }
    add('at >= ?', filter.since)
    add('kind = ?', filter.kind)
    add('provider = ?', filter.provider)
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
    const total = this.db.prepare(`SELECT COUNT(*) FROM records ${clause}`).pluck().get(...params) as number
    const limit = Math.min(filter.limit ?? 200, 10_000)
    const pageWhere = filter.beforeSeq !== undefined ? `${clause ? `${clause} AND` : 'WHERE'} seq < ?` : clause
    const rows = this.db
      .prepare(`SELECT seq, at, kind, actor, data, prev_hash, hash FROM records ${pageWhere} ORDER BY seq DESC LIMIT ?`)
      .all(...params, ...(filter.beforeSeq !== undefined ? [filter.beforeSeq] : []), limit + 1) as RecordRow[]
    const records = rows.slice(0, limit).map(toRecord)
    return { records, total, nextBeforeSeq: rows.length > limit ? (records.at(-1)?.seq ?? null) : null }
  }

  /** Every record in chain order (exports, reports); iterates so a million records do not sit in memory. */
  *all(since?: string): Generator<AuditRecord> {
    const statement = since
      ? this.db.prepare('SELECT seq, at, kind, actor, data, prev_hash, hash FROM records WHERE at >= ? ORDER BY seq').bind(since)
      : this.db.prepare('SELECT seq, at, kind, actor, data, prev_hash, hash FROM records ORDER BY seq')
    for (const row of statement.iterate() as Iterable<RecordRow>) yield toRecord(row)
  }

  checkpoints(): AuditCheckpoint[] {
    return this.db.prepare('SELECT seq, hash, at, key_id AS keyId, signature FROM checkpoints ORDER BY seq').all() as AuditCheckpoint[]
  }

  retentionDays(): number {
    const value = this.db.prepare(`SELECT value FROM meta WHERE key = 'retention_days'`).pluck().get() as string | undefined
    return value === undefined ? DEFAULT_RETENTION_DAYS : Number(value)
  }

  setRetentionDays(days: number): void {
    if (!Number.isInteger(days) || days < 1 || days > 36_500) throw new CoopError('invalid_input', 'Audit retention is a whole number of days from 1 to 36500')
    const before = this.retentionDays()
    this.db.prepare(`INSERT INTO meta (key, value) VALUES ('retention_days', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(String(days))
    this.append('setting_changed', { setting: 'audit_retention_days', from: before, to: days })
  }

  /**
   * Removes records older than the retention window and appends a signed `prune` record carrying the
   * last removed record's seq and hash, so the remaining chain still verifies from its new start.
   */
  prune(): { removed: number; record: AuditRecord | null } {
    const cutoff = new Date(this.now().getTime() - this.retentionDays() * 86_400_000).toISOString()
    const signing = this.signing
    const run = this.db.transaction(() => {
      const last = this.db.prepare('SELECT seq, hash FROM records WHERE at < ? ORDER BY seq DESC LIMIT 1').get(cutoff) as { seq: number; hash: string } | undefined
      if (!last) return { removed: 0, record: null }
      if (!signing) throw new CoopError('keychain_unavailable', 'Pruning needs the audit signing key, which lives in the system keychain (or COOP_AUDIT_SIGNING_KEY): unlock the keychain and try again')
      const statement = { type: 'coop-audit-prune', removedThroughSeq: last.seq, lastRemovedHash: last.hash, cutoff, keyId: signing.keyId }
      this.db.prepare(`INSERT INTO meta (key, value) VALUES ('pruning', '1') ON CONFLICT (key) DO UPDATE SET value = '1'`).run()
      const removed = this.db.prepare('DELETE FROM records WHERE seq <= ?').run(last.seq).changes
      this.db.prepare(`UPDATE meta SET value = '0' WHERE key = 'pruning'`).run()
      this.db.prepare('DELETE FROM checkpoints WHERE seq <= ?').run(last.seq)
      this.putMeta('anchor_seq', String(last.seq))
      this.putMeta('anchor_hash', last.hash)
      const record = this.appendTx('prune', { removedThroughSeq: last.seq, lastRemovedHash: last.hash, removed, cutoff, keyId: signing.keyId, signature: signing.sign(statement) }, {})
      return { removed, record }
    })
    const result = run.immediate()
    if (result.record) this.checkpoint()
    return result
  }

  /** The newest record's seq and hash; after a prune that removed everything, the anchor it left. */
  head(): { seq: number; hash: string } {
    const row = this.tail.get() as { seq: number; hash: string } | undefined
    if (row) return row
    const anchorSeq = this.db.prepare(`SELECT value FROM meta WHERE key = 'anchor_seq'`).pluck().get() as string | undefined
    const anchorHash = this.db.prepare(`SELECT value FROM meta WHERE key = 'anchor_hash'`).pluck().get() as string | undefined
    return anchorSeq && anchorHash ? { seq: Number(anchorSeq), hash: anchorHash } : { seq: 0, hash: GENESIS_HASH }
  }

  close(): void {
    try {
      this.checkpoint()
    } catch (error) {
      this.logger.log('warn', 'audit checkpoint at close failed', { error })
    }
    this.db.close()
  }

  private maybeCheckpoint(record: AuditRecord): void {
    if (!this.signing) return
    const due = record.seq - this.lastCheckpoint.seq >= CHECKPOINT_EVERY_RECORDS || Date.now() - this.lastCheckpoint.at >= CHECKPOINT_EVERY_MS
    if (due) this.writeCheckpoint(record.seq, record.hash)
  }

  private writeCheckpoint(seq: number, hash: string): AuditCheckpoint {
    const signing = this.signing as SigningKey
    const at = this.now().toISOString()
    const checkpoint: AuditCheckpoint = { seq, hash, at, keyId: signing.keyId, signature: signing.sign(checkpointStatement({ seq, hash, at, keyId: signing.keyId })) }
    this.insertCheckpoint.run(seq, hash, at, checkpoint.keyId, checkpoint.signature)
    this.lastCheckpoint = { seq, at: Date.now() }
    this.onCheckpoint(checkpoint)
    return checkpoint
  }

  private putMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
  }
}

/** What a checkpoint's signature covers. */
export function checkpointStatement(c: Omit<AuditCheckpoint, 'signature'>): Record<string, unknown> {
  return { type: 'coop-audit-checkpoint', seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId }
}

function toRecord(row: RecordRow): AuditRecord {
  return { seq: row.seq, at: row.at, kind: row.kind as AuditKind, actor: row.actor, data: JSON.parse(row.data) as Record<string, unknown>, prevHash: row.prev_hash, hash: row.hash }
}
