import type { AttestationReport } from '../../../../shared/attestation-types'

/** The report as a file: indented JSON (the signature covers canonical JSON, so layout does not matter). */
export function reportJson(report: AttestationReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}

/** The report's file name with another extension: coop-attestation-2026-03-01.json → …html. */
export function siblingFileName(fileName: string, extension: 'html' | 'pdf'): string {
  const stem = fileName.replace(/\.json$/i, '')
  return `${stem === '' ? 'coop-attestation' : stem}.${extension}`
}
