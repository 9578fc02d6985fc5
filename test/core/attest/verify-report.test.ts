import { createPrivateKey, createPublicKey, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { AttestationReport } from '../../../src/shared/attestation-types'
import { canonicalJson } from '../../../src/core/audit/canonical-json'
import { keyIdOf } from '../../../src/core/audit/signing-key'
import { createAttestation } from '../../../src/core/attest/create-attestation'
import { attestationStatement } from '../../../src/core/attest/sign-report'
import { verifyReport, type ReportVerification } from '../../../src/core/attest/verify-report'
import { attestCore, signingKeyPair } from './fixture'

async function signedReport() {
  const { core, key } = attestCore()
  core.audit.append('llm_request', { requestId: 'r1', provider: 'oa', status: 'succeeded', retentionMode: 'flag', keySource: 'env', redactions: { total: 1, byRule: { jwt: 1 } } })
  const report = await createAttestation(core, { days: 90, out: 'report.json' })
  return { report, text: JSON.stringify(report, null, 2), key }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests alter reports in ways the type forbids
type Json = Record<string, any>

/** A deep copy to alter. */
function copy(report: AttestationReport): Json {
  return JSON.parse(JSON.stringify(report)) as Json
}

function problemOf(result: ReportVerification) {
  expect(result.status).not.toBe('verified')
  return result.status === 'verified' ? null : result.problem
}

/** Signs a statement the way Coop does, with another key: what someone re-signing a report would produce. */
function signWith(privatePem: string, fields: Parameters<typeof attestationStatement>[0]): string {
  return sign(null, Buffer.from(canonicalJson(attestationStatement(fields)), 'utf8'), createPrivateKey(privatePem)).toString('base64')
}

describe('verifying an attestation report offline', () => {
  it('verifies an untouched report, against the embedded key or the key the reviewer gives', async () => {
    const { report, text, key } = await signedReport()
    expect(verifyReport(text)).toMatchObject({ status: 'verified', keyId: report.signature.keyId, signedAt: report.signature.signedAt, trust: 'embedded' })
    expect(verifyReport(text, { publicKeyPem: key.publicPem })).toMatchObject({ status: 'verified', trust: 'given' })
    // Whitespace and key order do not matter: the signature is over the canonical form.
    expect(verifyReport(JSON.stringify(report)).status).toBe('verified')
    expect(verifyReport(canonicalJson(report)).status).toBe('verified')
    expect(report.signature).toMatchObject({ algorithm: 'Ed25519', keyId: keyIdOf(createPublicKey(key.publicPem)) })
  })

  it('catches a changed count', async () => {
    const { report } = await signedReport()
    const altered = copy(report)
    altered.body.requests.total += 1
    expect(problemOf(verifyReport(JSON.stringify(altered)))).toEqual({
      kind: 'bad_signature',
      field: 'signature.value',
      message: `The signature does not match: the report was altered after it was signed by ${report.signature.keyId} (its contents, signing time or key id changed)`,
    })
  })

  it('catches a changed share, rule count, head hash, window or key count', async () => {
    const { report } = await signedReport()
    const edits: ((r: Json) => void)[] = [
      (r) => (r.body.requests.zeroRetention.share = 0.5),
      (r) => (r.body.sanitization.redactions.byRule.jwt = 0),
      (r) => (r.body.auditChain.headHash = 'f'.repeat(64)),
      (r) => (r.body.window.since = '2000-01-01T00:00:00.000Z'),
      (r) => (r.body.keys.bySource.env = 0),
    ]
    for (const edit of edits) {
      const altered = copy(report)
      edit(altered)
      expect(problemOf(verifyReport(JSON.stringify(altered)))?.kind).toBe('bad_signature')
    }
  })

  it('catches a changed signing time', async () => {
    const { report } = await signedReport()
    const altered = copy(report)
    altered.signature.signedAt = '2020-01-01T00:00:00.000Z'
    expect(problemOf(verifyReport(JSON.stringify(altered)))?.kind).toBe('bad_signature')
  })

  it('catches another key swapped in (public key and key id), and names both keys when the reviewer gives the real one', async () => {
    const { report, key } = await signedReport()
    const other = signingKeyPair()
    const otherId = keyIdOf(createPublicKey(other.publicPem))
    const altered = copy(report)
    altered.signature.publicKey = other.publicPem
    altered.signature.keyId = otherId
    expect(problemOf(verifyReport(JSON.stringify(altered)))?.kind).toBe('bad_signature')
    expect(problemOf(verifyReport(JSON.stringify(altered), { publicKeyPem: key.publicPem }))).toEqual({
      kind: 'different_key',
      field: 'signature.publicKey',
      message: `Signed by a different key: the report names ${otherId}, the public key you gave is ${report.signature.keyId}`,
    })
  })

  it('a report altered and re-signed with another key verifies only as "embedded": the real key exposes it', async () => {
    const { report, key } = await signedReport()
    const other = signingKeyPair()
    const otherId = keyIdOf(createPublicKey(other.publicPem))
    const forged = copy(report)
    forged.body.requests.zeroRetention.share = 0.5
    forged.signature.keyId = otherId
    forged.signature.publicKey = other.publicPem
    forged.signature.value = signWith(other.privatePem, { ...forged.signature, format: forged.format, version: forged.version, body: forged.body } as never)
    expect(verifyReport(JSON.stringify(forged))).toMatchObject({ status: 'verified', trust: 'embedded', keyId: otherId })
    expect(problemOf(verifyReport(JSON.stringify(forged), { publicKeyPem: key.publicPem }))?.kind).toBe('different_key')
  })

  it('says when the wrong public key is given', async () => {
    const { text, report } = await signedReport()
    const wrong = signingKeyPair()
    expect(problemOf(verifyReport(text, { publicKeyPem: wrong.publicPem }))?.message).toBe(
      `Signed by a different key: the report names ${report.signature.keyId}, the public key you gave is ${keyIdOf(createPublicKey(wrong.publicPem))}`,
    )
    expect(() => verifyReport(text, { publicKeyPem: 'not a key' })).toThrow(/not an Ed25519 public key/)
  })

  it('says when the key id does not belong to the embedded key', async () => {
    const { report } = await signedReport()
    const altered = copy(report)
    altered.signature.keyId = 'ed25519:0000000000000000'
    expect(problemOf(verifyReport(JSON.stringify(altered)))).toEqual({
      kind: 'key_id_mismatch',
      field: 'signature.keyId',
      message: `The key id does not match the embedded public key: signature.keyId says ed25519:0000000000000000, the key's id is ${report.signature.keyId}`,
    })
    altered.signature.publicKey = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'
    expect(problemOf(verifyReport(JSON.stringify(altered)))?.kind).toBe('bad_public_key')
  })

  it('says a truncated file is not valid JSON', async () => {
    const { text } = await signedReport()
    const problem = problemOf(verifyReport(text.slice(0, Math.floor(text.length / 2))))
    expect(problem?.kind).toBe('malformed_json')
    expect(problem?.message).toMatch(/^The report is not valid JSON \(.+\): it was cut short or edited$/)
    expect(verifyReport('').status).toBe('unreadable')
  })

  it('names a missing, unexpected or wrong field, and a wrong format or version', async () => {
    const { report } = await signedReport()
    const cases: [(r: Json) => void, string, string][] = [
      [(r) => delete r.body.requests.total, 'missing_field', 'Missing field body.requests.total'],
      [(r) => delete r.signature.keyId, 'missing_field', 'Missing field signature.keyId'],
      [(r) => delete r.signature, 'missing_field', 'Missing field signature'],
      [(r) => (r.body.requests.total = 'many'), 'invalid_field', 'Field body.requests.total is invalid: Invalid input: expected number, received string'],
      [(r) => (r.body.providers = [{ id: 1 }]), 'invalid_field', 'Field body.providers[0].id is invalid: Invalid input: expected string, received number'],
      [(r) => (r.comment = 'approved by me'), 'invalid_field', 'Unexpected field comment: not part of a version 1 report'],
      [(r) => (r.signature.algorithm = 'RSA'), 'invalid_field', 'Field signature.algorithm is invalid: Invalid input: expected "Ed25519"'],
      [(r) => (r.version = 2), 'unsupported_version', 'The report is version 2; this coop verifies version 1: use the Coop that wrote it, or a newer one'],
      [(r) => delete r.version, 'missing_field', 'The report has no version field'],
      [(r) => (r.format = 'coop-audit-export'), 'not_an_attestation', 'Not a Coop attestation report: its format is "coop-audit-export", not "coop-attestation"'],
    ]
    for (const [edit, kind, message] of cases) {
      const altered = copy(report)
      edit(altered)
      expect(problemOf(verifyReport(JSON.stringify(altered)))).toMatchObject({ kind, message })
    }
    expect(problemOf(verifyReport('[1, 2]'))?.kind).toBe('not_an_attestation')
  })
})
