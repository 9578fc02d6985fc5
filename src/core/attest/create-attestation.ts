import type { AttestationReport } from '../../shared/attestation-types'
import { buildReportBody, type AttestOptions, type AttestSources } from './build-report'
import { signReport } from './sign-report'

/**
 * A signed report of the last `days` days: computed from the audit log (which records the attestation
 * first) and signed with the profile's audit key. Throws keychain_unavailable when there is no key.
 */
export async function createAttestation(sources: AttestSources, options: AttestOptions): Promise<AttestationReport> {
  // Fail before writing the attestation's record when nothing could sign the report.
  await sources.audit.publicKey()
  const body = await buildReportBody(sources, options)
  return signReport(body, sources.audit, options.now)
}
