import { AUDIT_KINDS, type AuditKind } from '../../../../shared/audit-types'
import { Segmented } from '../../lib/Segmented'
import { sinceOptions, type AuditFilter } from './audit-filter'
import { kindLabels } from '../../../../shared/describe-audit-record'

interface AuditFiltersProps {
  readonly filter: AuditFilter
  readonly providers: readonly string[]
  readonly onChange: (filter: AuditFilter) => void
}

/** Which records the table shows: a kind, a provider, a window. Each change asks core again from the newest. */
export function AuditFilters({ filter, providers, onChange }: AuditFiltersProps) {
  return (
    <div className="audit-filters" role="group" aria-label="Filter records">
      <label className="stacked-field">
        <span className="field-label">Kind</span>
        <select className="select" value={filter.kind} onChange={(event) => onChange({ ...filter, kind: event.target.value as AuditKind | '' })} data-testid="audit-kind">
          <option value="">All kinds</option>
          {AUDIT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]} ({kind})
            </option>
          ))}
        </select>
      </label>
      <label className="stacked-field">
        <span className="field-label">Provider</span>
        <select className="select" value={filter.provider} onChange={(event) => onChange({ ...filter, provider: event.target.value })} data-testid="audit-provider">
          <option value="">All providers</option>
          {providers.map((provider) => (
            <option key={provider} value={provider}>
              {provider}
            </option>
          ))}
        </select>
      </label>
      <div className="stacked-field">
        <span className="field-label" aria-hidden="true">
          Period
        </span>
        <Segmented legend="Period" options={sinceOptions} value={filter.since} onChange={(since) => onChange({ ...filter, since })} testId="audit-since" />
      </div>
    </div>
  )
}
