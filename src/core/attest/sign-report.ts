import type { AttestationBody, AttestationReport } from '../../shared/attestation-types'
import type { Audit } from '../audit/audit-service'
import { CoopError } from '../errors/coop-error'

export const REPORT_FORMAT = 'coop-attestation'
export const REPORT_VERSION = 1
export const SIGNATURE_ALGORITHM = 'Ed25519'

/** The parts of a report the signature covers: everything but the signature's `value` and `publicKey`. */
export interface SignedFields {
  readonly format: string
  readonly version: number
  readonly algorithm: string
  readonly keyId: string
  readonly signedAt: string
  readonly body: AttestationBody
}

/**
 * What is signed: the canonical JSON (keys sorted, no whitespace; src/core/audit/canonical-json.ts) of
 * `{ algorithm, body, format, keyId, signedAt, version }`, as UTF-8. The signing time and key id are inside,
 * so neither can be changed without breaking the signature; the public key is not, because the key id is a
 * hash of it and the verifier checks the two agree.
 */
export function attestationStatement(fields: SignedFields): Record<string, unknown> {
  return { format: fields.format, version: fields.version, algorithm: fields.algorithm, keyId: fields.keyId, signedAt: fields.signedAt, body: fields.body }
}

/** Signs a body with the profile's audit key (the keychain's, or COOP_AUDIT_SIGNING_KEY). */
export async function signReport(body: AttestationBody, signer: Pick<Audit, 'publicKey' | 'sign'>, now: () => Date = () => new Date()): Promise<AttestationReport> {
  const { keyId, publicKeyPem } = await signer.publicKey()
  const signedAt = now().toISOString()
  const statement = attestationStatement({ format: REPORT_FORMAT, version: REPORT_VERSION, algorithm: SIGNATURE_ALGORITHM, keyId, signedAt, body })
  const signed = await signer.sign(statement)
  // The key could only change between the two calls if the profile's key were replaced meanwhile.
  if (signed.keyId !== keyId) throw new CoopError('internal', `The audit key changed while signing (${keyId}, then ${signed.keyId}): run coop attest again`)
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    body,
    signature: { algorithm: SIGNATURE_ALGORITHM, keyId, signedAt, publicKey: publicKeyPem, value: signed.signature },
  }
}
