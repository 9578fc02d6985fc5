import { useCallback, useState } from 'react'
import type { AuditRecord } from '../../../../shared/audit-types'
import { useApi } from '../../api/api-context'
import { formatCount } from '../../lib/format'
import { useResult } from '../../lib/use-result'
import '../../styles/router.css'
import '../../styles/audit.css'
import { ResultBody } from '../explore/DetailSection'
import { allRecords, filterKey, providerChoices, type AuditFilter } from './audit-filter'
import { AuditFilters } from './AuditFilters'
import { AuditRetention } from './AuditRetention'
import { AuditTable } from './AuditTable'
import { ExportLog } from './ExportLog'
import { RecordDetail } from './RecordDetail'
import { SigningKey } from './SigningKey'
import { useAuditRecords } from './use-audit-records'
import { VerifyChain } from './VerifyChain'

/** Audit: the append-only log of what left the machine and of every security-relevant change, with its proofs. */
export function AuditPage() {
  const api = useApi()
  const [filter, setFilter] = useState<AuditFilter>(allRecords)
  const [visibleEnd, setVisibleEnd] = useState(0)
  const [selected, setSelected] = useState<AuditRecord | null>(null)
  const { paging, refresh, retry } = useAuditRecords(filter, visibleEnd)
  const [providers] = useResult(() => api.providers.list({}), 'providers')
  const [settingsRevision, setSettingsRevision] = useState(0)
  const [settings, retrySettings] = useResult(() => api.audit.settings({}), 'audit-settings', settingsRevision)
  const configured = providers.kind === 'ok' ? providers.value.map((p) => p.id) : []
  const onRangeChange = useCallback((_start: number, end: number) => setVisibleEnd(end), [])

  // The table starts again at the top, so the old scroll position must not ask for a second page.
  function changeFilter(next: AuditFilter): void {
    setFilter(next)
    setSelected(null)
    setVisibleEnd(0)
  }

  // A new record was written (the export's, the setting's): show it.
  function reload(): void {
    setSelected(null)
    setVisibleEnd(0)
    refresh()
  }

  const { records, total, loading, error } = paging
  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">Audit</h1>
        <p className="page-lede">Every model request and security-relevant change, hash-chained and signed so that edits, deletions and truncation show. Ids, counts and hashes only: never prompts, answers, code or keys.</p>
      </header>

      <section className="card audit-card" aria-labelledby="audit-records-heading" aria-busy={loading !== null} data-testid="audit-records">
        <div className="audit-card-header">
          <h2 id="audit-records-heading" className="section-title">
            Records {loading !== 'first' && <span className="count-pill" data-testid="audit-total">{formatCount(total)}</span>}
          </h2>
          <button type="button" className="button button--small" onClick={reload} data-testid="audit-refresh">
            Refresh
          </button>
        </div>
        <AuditFilters filter={filter} providers={providerChoices(configured, records, filter.provider)} onChange={changeFilter} />
        {loading === 'first' ? (
          <p className="section-note muted" data-testid="audit-loading">
            <span className="spinner" aria-hidden="true" /> Loading records…
          </p>
        ) : records.length === 0 && error === null ? (
          <div className="empty" data-testid="audit-empty">
            <p className="empty-title">No records</p>
            <p>{filterKey(filter) === filterKey(allRecords) ? 'Nothing has been recorded yet.' : 'No record matches these filters.'}</p>
          </div>
        ) : (
          records.length > 0 && <AuditTable records={records} total={total} selectedSeq={selected?.seq ?? null} onSelect={setSelected} onRangeChange={onRangeChange} />
        )}
        <div className="audit-status" aria-live="polite">
          {loading === 'more' && (
            <p className="muted" data-testid="audit-loading-more">
              <span className="spinner" aria-hidden="true" /> Loading older records…
            </p>
          )}
          {loading === null && records.length > 0 && (
            <p className="muted" data-testid="audit-loaded">
              {formatCount(records.length)} of {formatCount(total)} loaded{paging.nextBeforeSeq !== null ? '; scroll for older records' : ''}.
            </p>
          )}
        </div>
        {error && (
          <div className="section-error" role="alert" data-testid="audit-load-error" data-code={error.code}>
            <p>Could not load the records: {error.message}</p>
            <button type="button" className="button button--small" onClick={retry}>
              Try again
            </button>
          </div>
        )}
        {selected ? (
          <RecordDetail record={selected} />
        ) : (
          records.length > 0 && <p className="hint">Select a record to see its data and hashes.</p>
        )}
      </section>

      <div className="audit-columns">
        <section className="card" aria-labelledby="audit-integrity-heading">
          <h2 id="audit-integrity-heading" className="section-title">
            Integrity
          </h2>
          <VerifyChain />
          <h3 className="subsection-title">Export</h3>
          <ExportLog onExported={reload} />
        </section>

        <section className="card" aria-labelledby="audit-settings-heading" data-testid="audit-settings">
          <h2 id="audit-settings-heading" className="section-title">
            Retention and signing key
          </h2>
          <ResultBody state={settings} onRetry={retrySettings} what="the audit settings">
            {(value) => (
              <>
                <AuditRetention
                  settings={value}
                  onChanged={() => {
                    setSettingsRevision((n) => n + 1)
                    reload()
                  }}
                />
                <h3 className="subsection-title">Signing key</h3>
                <SigningKey settings={value} />
              </>
            )}
          </ResultBody>
        </section>
      </div>
    </div>
  )
}
