import type { AuditCheckpoint } from '../../shared/audit-types'
import type { AuditDb } from './audit-db'
import type { ChainRow, ChainSource } from './verify-chain'

const COLUMNS = 'seq, at, kind, actor, data, prev_hash, hash'

function toRow(raw: unknown[]): ChainRow {
  const [seq, at, kind, actor, dataJson, prevHash, hash] = raw as [number, string, string, string, string, string, string]
  return { seq, at, kind, actor, dataJson, prevHash, hash }
}

/** The chain as stored in audit.db, read straight from SQLite in seq order. */
export function auditDbSource(db: AuditDb): ChainSource {
  const all = db.prepare(`SELECT ${COLUMNS} FROM records ORDER BY seq`).raw()
  const hashAt = db.prepare('SELECT hash FROM records WHERE seq = ?').pluck()
  const seqOfHash = db.prepare('SELECT seq FROM records WHERE hash = ?').pluck()
  return {
    *rows() {
      for (const raw of all.iterate() as Iterable<unknown[]>) yield toRow(raw)
    },
    hashAt: (seq) => hashAt.get(seq) as string | undefined,
    seqOfHash: (hash) => seqOfHash.get(hash) as number | undefined,
    prunes: () => (db.prepare(`SELECT ${COLUMNS} FROM records WHERE kind = 'prune' ORDER BY seq DESC`).raw().all() as unknown[][]).map(toRow),
    checkpoints: () => db.prepare('SELECT seq, hash, at, key_id AS keyId, signature FROM checkpoints ORDER BY seq').all() as AuditCheckpoint[],
  }
}

/** The chain from an export, held in memory (exports are checked on another machine). */
export function memorySource(rows: readonly ChainRow[], checkpoints: readonly AuditCheckpoint[]): ChainSource {
  const bySeq = new Map(rows.map((r) => [r.seq, r]))
  return {
    rows: () => rows,
    hashAt: (seq) => bySeq.get(seq)?.hash,
    seqOfHash: (hash) => rows.find((r) => r.hash === hash)?.seq,
    prunes: () => rows.filter((r) => r.kind === 'prune').reverse(),
    checkpoints: () => checkpoints,
  }
}
