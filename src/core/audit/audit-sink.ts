import type { AuditKind } from '../../shared/audit-types'

/** How a capability records a security-relevant event; throws when the record cannot be written. */
export type AuditSink = (kind: AuditKind, data: Readonly<Record<string, unknown>>, options?: { readonly provider?: string }) => void

/** For stores used without an audit log (migrations, tests of the store alone). */
export const NO_AUDIT: AuditSink = () => undefined
