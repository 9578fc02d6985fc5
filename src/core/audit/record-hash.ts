import { createHash } from 'node:crypto'

/** What comes before the first record. */
export const GENESIS_HASH = '0'.repeat(64)

/**
 * A record's hash: SHA-256 of the canonical JSON of seq, at, kind, actor, data and prevHash. It covers
 * the record's position and its predecessor, so an edit, a move or a gap shows. `dataJson` must already
 * be canonical (as stored): the string is assembled in sorted-key order without re-encoding it, which
 * keeps verifying a million records to a few seconds.
 */
export function hashFields(seq: number, at: string, kind: string, actor: string, dataJson: string, prevHash: string): string {
  const text = `{"actor":${JSON.stringify(actor)},"at":${JSON.stringify(at)},"data":${dataJson},"kind":${JSON.stringify(kind)},"prevHash":${JSON.stringify(prevHash)},"seq":${seq}}`
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
