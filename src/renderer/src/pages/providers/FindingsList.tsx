import type { ComplianceFinding } from '../../../../shared/router-types'
import { severityLabels, sortFindings } from './policy-labels'

interface FindingsListProps {
  readonly findings: readonly ComplianceFinding[]
  /** Name the provider on each line (the compliance report lists every provider's findings together). */
  readonly showProvider?: boolean
}

/** Compliance findings, critical first: a critical one blocks the provider until it is resolved. */
export function FindingsList({ findings, showProvider = false }: FindingsListProps) {
  if (findings.length === 0) {
    return (
      <p className="muted findings-none" data-testid="findings-none">
        No findings.
      </p>
    )
  }
  return (
    <ul className="findings">
      {sortFindings(findings).map((finding, i) => (
        <li key={`${finding.provider}-${finding.code}-${i}`} className={`finding finding--${finding.severity}`} data-testid="finding" data-severity={finding.severity} data-code={finding.code} data-provider={finding.provider}>
          <span className="finding-severity">{severityLabels[finding.severity]}</span>
          <span className="finding-message">
            {showProvider && <strong className="finding-provider">{finding.provider}: </strong>}
            {finding.message} <code className="finding-code">{finding.code}</code>
          </span>
        </li>
      ))}
    </ul>
  )
}
