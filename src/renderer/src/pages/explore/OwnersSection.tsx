import type { OwnersReport } from '../../../../shared/graph-types'
import { useApi } from '../../api/api-context'
import { useResult } from '../../lib/use-result'
import { DeclaredVsActual } from './DeclaredVsActual'
import { ResultBody, SectionCard } from './DetailSection'
import { ShareChart } from './ShareChart'

interface OwnersSectionProps {
  readonly repoId: number
  readonly path: string
  readonly revision: number
}

/** Who owns the selection by history (recency-weighted shares), its bus factor, and CODEOWNERS beside it. */
export function OwnersSection({ repoId, path, revision }: OwnersSectionProps) {
  const api = useApi()
  const [state, retry] = useResult(() => api.graph.owners({ repoId, path }), `${repoId}\0${path}`, revision)
  return (
    <SectionCard title="Owners" testId="owners-section" busy={state.kind === 'loading'} aside={state.kind === 'ok' && <OwnerFacts report={state.value} />}>
      <ResultBody state={state} onRetry={retry} what="owners">
        {(report) => (
          <>
            {report.owners.length === 0 ? (
              <p className="section-note muted" data-testid="owners-empty">
                Nobody has changed this in the indexed history{report.type === 'dir' ? ' (or only bots have)' : ''}.
              </p>
            ) : (
              <ShareChart owners={report.owners} />
            )}
            <p className="hint">
              Shares weigh recent work more: a change loses half its weight every {report.halfLifeDays} days.
            </p>
            <DeclaredVsActual report={report} />
          </>
        )}
      </ResultBody>
    </SectionCard>
  )
}

function OwnerFacts({ report }: { readonly report: OwnersReport }) {
  const { busFactor, orphaned, inactiveDays } = report
  return (
    <div className="owner-facts">
      <span
        className="fact-chip"
        data-testid="bus-factor"
        data-value={busFactor}
        title="The fewest people who together hold at least half of the ownership"
      >
        Bus factor <strong>{busFactor}</strong>
      </span>
      {orphaned && (
        <span
          className="fact-chip fact-chip--warning"
          data-testid="orphaned-chip"
          title={`Everyone in the bus-factor set has been inactive for more than ${inactiveDays} days`}
        >
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M8 1.5 15 14H1L8 1.5Z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
            <path d="M8 6v3.5M8 11.5v.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          Orphaned
          <span className="visually-hidden">: its leading owners have been inactive for more than {inactiveDays} days</span>
        </span>
      )}
    </div>
  )
}
