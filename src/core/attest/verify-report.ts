import type { z } from 'zod'
import type { AttestationProblem, AttestationProblemKind, AttestationReport } from '../../shared/attestation-types'
import { publicKeyFromPem, verifySignature } from '../audit/signing-key'
import { isCoopError } from '../errors/coop-error'
import { reportSchema } from './report-schema'
import { attestationStatement, REPORT_FORMAT, REPORT_VERSION } from './sign-report'

/**
 * How a report fared. `failed` reports were readable (they can still be shown, marked as not verified);
 * `unreadable` ones were not. `trust` says what the key was checked against: the key the reviewer gave,
 * or only the one embedded in the report (which proves it is unaltered, not who signed it).
 */
export type ReportVerification =
  | { readonly status: 'verified'; readonly report: AttestationReport; readonly keyId: string; readonly signedAt: string; readonly trust: 'given' | 'embedded' }
  | { readonly status: 'failed'; readonly report: AttestationReport; readonly problem: AttestationProblem }
  | { readonly status: 'unreadable'; readonly problem: AttestationProblem }

export interface VerifyOptions {
  /** The signer's public key (PEM) as obtained separately, e.g. from `coop audit public-key`. */
  readonly publicKeyPem?: string
}

/**
 * Verifies a report offline, from its text. Checks, in order: JSON, format and version, every field,
 * the embedded key and its id, the key the reviewer gave (if any), and the signature. Reports the first
 * problem. Throws only when the given public key is not one (a mistake in the request, not the report).
 */
export function verifyReport(text: string, options: VerifyOptions = {}): ReportVerification {
  const given = options.publicKeyPem === undefined ? null : publicKeyFromPem(options.publicKeyPem)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return unreadable('malformed_json', `The report is not valid JSON (${detail}): it was cut short or edited`, null)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return unreadable('not_an_attestation', 'The file is JSON but not a Coop attestation report (not an object)', null)
  const header = value as { format?: unknown; version?: unknown }
  if (header.format !== REPORT_FORMAT) {
    const found = header.format === undefined ? 'it has no format field' : `its format is ${JSON.stringify(header.format)}`
    return unreadable('not_an_attestation', `Not a Coop attestation report: ${found}, not "${REPORT_FORMAT}"`, 'format')
  }
  if (header.version === undefined) return unreadable('missing_field', 'The report has no version field', 'version')
  if (header.version !== REPORT_VERSION) {
    return unreadable('unsupported_version', `The report is version ${JSON.stringify(header.version)}; this coop verifies version ${REPORT_VERSION}: use the Coop that wrote it, or a newer one`, 'version')
  }
  const parsed = reportSchema.safeParse(value)
  if (!parsed.success) return unreadable(...describeIssue(parsed.error.issues[0], value))
  const report = parsed.data as AttestationReport
  const { signature } = report

  let embedded: { keyId: string; publicKeyPem: string }
  try {
    embedded = publicKeyFromPem(signature.publicKey)
  } catch (error) {
    if (!isCoopError(error)) throw error
    return failed(report, 'bad_public_key', 'signature.publicKey is not an Ed25519 public key in PEM form', 'signature.publicKey')
  }
  if (embedded.keyId !== signature.keyId) {
    return failed(report, 'key_id_mismatch', `The key id does not match the embedded public key: signature.keyId says ${signature.keyId}, the key's id is ${embedded.keyId}`, 'signature.keyId')
  }
  if (given && given.keyId !== embedded.keyId) {
    return failed(report, 'different_key', `Signed by a different key: the report names ${embedded.keyId}, the public key you gave is ${given.keyId}`, 'signature.publicKey')
  }
  const statement = attestationStatement({ format: report.format, version: report.version, algorithm: signature.algorithm, keyId: signature.keyId, signedAt: signature.signedAt, body: report.body })
  if (!verifySignature(embedded.publicKeyPem, statement, signature.value)) {
    return failed(report, 'bad_signature', `The signature does not match: the report was altered after it was signed by ${signature.keyId} (its contents, signing time or key id changed)`, 'signature.value')
  }
  return { status: 'verified', report, keyId: signature.keyId, signedAt: signature.signedAt, trust: given ? 'given' : 'embedded' }
}

/** One line for a person: what passed and against which key, or the problem. */
/** `giveKey` says how to supply a trusted key where this is shown: the CLI's flag, or the app's field. */
export function describeVerification(result: ReportVerification, giveKey = 'pass --public-key'): string {
  switch (result.status) {
    case 'verified':
      return result.trust === 'given'
        ? `Verified: signed by ${result.keyId} (the public key you gave) at ${result.signedAt}, unaltered since`
        : `Verified against the key embedded in the report (${result.keyId}), signed at ${result.signedAt}: unaltered since signing; ${giveKey} to check it is your organisation's key`
    case 'failed':
    case 'unreadable':
      return `Does not verify: ${result.problem.message}`
  }
}

function unreadable(kind: AttestationProblemKind, message: string, field: string | null): ReportVerification {
  return { status: 'unreadable', problem: { kind, message, field } }
}

function failed(report: AttestationReport, kind: AttestationProblemKind, message: string, field: string): ReportVerification {
  return { status: 'failed', report, problem: { kind, message, field } }
}

/** The first schema issue as a problem naming the field: missing, unexpected, or of the wrong kind. */
function describeIssue(issue: z.core.$ZodIssue | undefined, value: unknown): [AttestationProblemKind, string, string | null] {
  if (!issue) return ['invalid_field', 'The report does not have the expected shape', null]
  const field = fieldName(issue.path)
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => (field ? `${field}.${key}` : key))
    return ['invalid_field', `Unexpected field${names.length > 1 ? 's' : ''} ${names.join(', ')}: not part of a version ${REPORT_VERSION} report`, names[0] ?? field]
  }
  if (valueAt(value, issue.path) === undefined) return ['missing_field', `Missing field ${field}`, field]
  return ['invalid_field', `Field ${field} is invalid: ${issue.message}`, field]
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('')
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value
  for (const part of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, part)) return undefined
    at = (at as Record<PropertyKey, unknown>)[part]
  }
  return at
}
