import { describe, expect, it } from 'vitest'
import type { AuditVerifyReport } from '../../../../shared/audit-types'
import { verifySummary } from './verify-summary'

const intact: AuditVerifyReport = {
  ok: true,
  records: 1312,
  firstSeq: 1,
  lastSeq: 1312,
  headHash: 'ab'.repeat(32),
  checkpoints: { total: 3, verified: 3, untrusted: 0, latestSeq: 1310 },
  keyId: 'ed25519:0123456789abcdef',
  problem: null,
}

describe('a verification', () => {
  it('that holds counts the records and the checkpoints that vouch for them', () => {
    expect(verifySummary(intact, 'en-US')).toEqual({ ok: true, headline: 'Intact: 1,312 records, #1 to #1312', checkpoints: '3 of 3 signed checkpoints verified, the latest at #1310.' })
    expect(verifySummary({ ...intact, records: 0, firstSeq: null, lastSeq: null, headHash: null, checkpoints: { total: 0, verified: 0, untrusted: 0, latestSeq: null } }, 'en-US')).toEqual({
      ok: true,
      headline: 'Intact: the log is empty',
      checkpoints: 'No signed checkpoint yet.',
    })
  })

  it('names the problem and the record where it was found', () => {
    const edited = verifySummary({ ...intact, ok: false, problem: { kind: 'edited', seq: 42, message: 'Record 42 does not match its hash' } }, 'en-US')
    expect(edited).toMatchObject({ ok: false, headline: 'Edited at record #42' })
    expect(verifySummary({ ...intact, ok: false, problem: { kind: 'bad_prune', seq: 7, message: 'x' } }).headline).toBe('Bad prune record at record #7')
  })

  it('says when nothing could check the checkpoints, or some were signed by another key', () => {
    expect(verifySummary({ ...intact, keyId: null }).checkpoints).toContain('truncation cannot be proven')
    expect(verifySummary({ ...intact, checkpoints: { total: 4, verified: 3, untrusted: 1, latestSeq: 1310 } }, 'en-US').checkpoints).toBe(
      '3 of 4 signed checkpoints verified, the latest at #1310; 1 signed by a key not trusted here.',
    )
  })
})
