import type { AuditCheckpoint, AuditVerifyReport, TamperKind } from '../../shared/audit-types'
import { checkpointStatement } from './audit-log'
import { GENESIS_HASH, hashFields } from './record-hash'
import { verifySignature } from './signing-key'

/** One stored record as verification reads it: `dataJson` exactly as stored (canonical). */
export interface ChainRow {
  readonly seq: number
  readonly at: string
  readonly kind: string
  readonly actor: string
  readonly dataJson: string
  readonly prevHash: string
  readonly hash: string
}

/** Where the records come from: audit.db, or an export being checked elsewhere. */
export interface ChainSource {
  /** Every record in seq order. */
  rows(): Iterable<ChainRow>
  /** The stored hash of the record at `seq`, if there is one. */
  hashAt(seq: number): string | undefined
  /** The seq of a record with this stored hash (only asked once something is wrong). */
  seqOfHash(hash: string): number | undefined
  /** Prune records, newest first. */
  prunes(): readonly ChainRow[]
  checkpoints(): readonly AuditCheckpoint[]
}

export interface TrustedKey {
  readonly keyId: string
  readonly publicKeyPem: string
}

/** How far a record may have moved and still be recognised as moved rather than edited. */
const MAX_SHIFT = 8

type Problem = NonNullable<AuditVerifyReport['problem']>

/**
 * Checks the chain and reports the first record that was edited, deleted, inserted or reordered, or
 * that records were cut off the end. Checkpoints and prune records are checked against the trusted
 * keys; one signed by another key is counted as untrusted, not as a failure. `externalHead` is the
 * newest checkpoint as recorded outside audit.db.
 */
export function verifyChain(source: ChainSource, trusted: readonly TrustedKey[], externalHead: AuditCheckpoint | null = null): AuditVerifyReport {
  const keys = new Map(trusted.map((k) => [k.keyId, k.publicKeyPem]))
  let problem: Problem | null = null
  const fail = (kind: TamperKind, seq: number, message: string) => (problem ??= { kind, seq, message })

  let count = 0
  let first: ChainRow | undefined
  let previous: ChainRow | undefined
  for (const row of source.rows()) {
    count++
    if (!first) {
      first = row
      checkStart(row, source, keys, fail)
    } else if (!problem && previous) {
      checkLink(previous, row, source, fail)
    }
    if (!problem && !selfHashOk(row)) classifyBadHash(row, previous, source, fail)
    previous = row
    if (problem) break
  }
  // Keep counting after a problem, so the report still says how many records there are.
  const last = problem ? lastRow(source) : previous
  if (problem) count = countRows(source)

  const checkpoints = source.checkpoints()
  let verified = 0
  let untrusted = 0
  for (const checkpoint of checkpoints) {
    const publicKey = keys.get(checkpoint.keyId)
    if (!publicKey) {
      untrusted++
      continue
    }
    if (!verifySignature(publicKey, checkpointStatement(checkpoint), checkpoint.signature)) {
      fail('bad_signature', checkpoint.seq, `The checkpoint at #${checkpoint.seq} does not carry a valid signature of key ${checkpoint.keyId}: it was forged or altered`)
      continue
    }
    verified++
    const stored = source.hashAt(checkpoint.seq)
    if (last && checkpoint.seq > last.seq) {
      fail('truncated', last.seq + 1, `Records after #${last.seq} were removed: a signed checkpoint vouches for #${checkpoint.seq}`)
    } else if (stored !== undefined && stored !== checkpoint.hash) {
      fail('edited', checkpoint.seq, `Record #${checkpoint.seq} is not the one a signed checkpoint vouches for: the chain up to it was rewritten`)
    }
  }
  if (externalHead && (!last || externalHead.seq > last.seq)) {
    const from = last ? last.seq + 1 : 1
    fail('truncated', from, `Records from #${from} on were removed, with their checkpoints: Coop recorded a head at #${externalHead.seq} outside the audit log`)
  }
  return {
    ok: problem === null,
    records: count,
    firstSeq: first?.seq ?? null,
    lastSeq: last?.seq ?? null,
    headHash: last?.hash ?? null,
    checkpoints: { total: checkpoints.length, verified, untrusted, latestSeq: checkpoints.at(-1)?.seq ?? null },
    keyId: trusted[0]?.keyId ?? null,
    problem,
  }
}

function selfHashOk(row: ChainRow, seq = row.seq): boolean {
  return hashFields(seq, row.at, row.kind, row.actor, row.dataJson, row.prevHash) === row.hash
}

/** The first record follows the genesis hash, or the last record a signed prune removed. */
function checkStart(row: ChainRow, source: ChainSource, keys: ReadonlyMap<string, string>, fail: (k: TamperKind, seq: number, m: string) => void): void {
  if (row.seq === 1) {
    if (row.prevHash !== GENESIS_HASH && selfHashOk(row)) fail('inserted', 1, 'Record #1 does not start the chain: records were inserted before it')
    return
  }
  const prune = source.prunes().find((p) => {
    const data = JSON.parse(p.dataJson) as { removedThroughSeq?: number }
    return data.removedThroughSeq === row.seq - 1
  })
  if (!prune) {
    fail('deleted', 1, `Records #1–#${row.seq - 1} are missing and no prune record accounts for them`)
    return
  }
  const data = JSON.parse(prune.dataJson) as { removedThroughSeq: number; lastRemovedHash: string; cutoff: string; keyId: string; signature: string }
  if (data.lastRemovedHash !== row.prevHash) {
    fail('deleted', row.seq, `Record #${row.seq} does not follow the last record the prune at #${prune.seq} removed`)
    return
  }
  const publicKey = keys.get(data.keyId)
  const statement = { type: 'coop-audit-prune', removedThroughSeq: data.removedThroughSeq, lastRemovedHash: data.lastRemovedHash, cutoff: data.cutoff, keyId: data.keyId }
  if (publicKey && !verifySignature(publicKey, statement, data.signature)) {
    fail('bad_prune', prune.seq, `The prune record #${prune.seq} is not validly signed: the records before #${row.seq} may have been removed by someone else`)
  }
}

function checkLink(previous: ChainRow, row: ChainRow, source: ChainSource, fail: (k: TamperKind, seq: number, m: string) => void): void {
  if (row.seq !== previous.seq + 1) {
    const missing = row.seq - previous.seq - 1
    fail('deleted', previous.seq + 1, missing === 1 ? `Record #${previous.seq + 1} was deleted` : `Records #${previous.seq + 1}–#${row.seq - 1} were deleted`)
    return
  }
  if (row.prevHash === previous.hash || !selfHashOk(row)) return
  // The record is intact but does not follow the one before it.
  const at = source.seqOfHash(row.prevHash)
  if (at !== undefined && at > row.seq) fail('reordered', row.seq, `Record #${row.seq} follows #${at} in the chain: records were reordered`)
  else if (at !== undefined && at < previous.seq) fail('inserted', at + 1, `Records #${at + 1}–#${previous.seq} were inserted: #${row.seq} follows #${at}`)
  else fail('edited', previous.seq, `Record #${previous.seq} no longer has the hash #${row.seq} recorded for it: it was changed and its hash recomputed (or records were deleted and the rest renumbered)`)
}

/** The stored hash does not match the record: edited in place, or moved (its hash still fits another position). */
function classifyBadHash(row: ChainRow, previous: ChainRow | undefined, source: ChainSource, fail: (k: TamperKind, seq: number, m: string) => void): void {
  for (let shift = 1; shift <= MAX_SHIFT; shift++) {
    for (const original of [row.seq + shift, row.seq - shift]) {
      if (original < 1 || !selfHashOk(row, original)) continue
      if (original > row.seq) {
        // Written as #original, now at a lower position: records before it were removed and the rest renumbered, or it was swapped.
        if (source.seqOfHash(row.prevHash) === undefined) fail('deleted', row.seq, `${shift === 1 ? 'A record' : `${shift} records`} before #${row.seq} were deleted and the rest renumbered (this record was written as #${original})`)
        else fail('reordered', row.seq, `Record #${row.seq} was written as #${original}: records were reordered`)
      } else {
        const before = previous ? source.hashAt(original - 1) : undefined
        if (before !== undefined && before === row.prevHash) fail('inserted', original, `${shift === 1 ? 'A record was' : `${shift} records were`} inserted at #${original} (this record was written as #${original})`)
        else fail('reordered', row.seq, `Record #${row.seq} was written as #${original}: records were reordered`)
      }
      return
    }
  }
  fail('edited', row.seq, `Record #${row.seq} was edited: its content no longer matches its hash`)
}

function lastRow(source: ChainSource): ChainRow | undefined {
  let last: ChainRow | undefined
  for (const row of source.rows()) last = row
  return last
}

function countRows(source: ChainSource): number {
  let n = 0
  for (const _row of source.rows()) n++
  return n
}
