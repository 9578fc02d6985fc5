import { useId, useState } from 'react'
import { useApi } from '../../api/api-context'
import { barPercent } from '../../lib/bars'
import { formatBytes, formatCount } from '../../lib/format'
import { useResult } from '../../lib/use-result'
import { ResultBody, SectionCard } from './DetailSection'
import { PathLabel } from './PathLabel'

export const hotspotWindows = [
  { since: '3.months', label: '3 months' },
  { since: '6.months', label: '6 months' },
  { since: '12.months', label: '12 months' },
  { since: '24.months', label: '24 months' },
] as const

export type HotspotWindow = (typeof hotspotWindows)[number]['since']

interface HotspotsViewProps {
  readonly repoId: number
  readonly revision: number
  readonly onSelect: (path: string) => void
}

/** Where change concentrates in large files: the top 50 by score, for a chosen time window. */
export function HotspotsView({ repoId, revision, onSelect }: HotspotsViewProps) {
  const api = useApi()
  const id = useId()
  const [since, setSince] = useState<HotspotWindow>('12.months')
  const [state, retry] = useResult(() => api.graph.hotspots({ repoId, since, limit: 50 }), `${repoId}\0${since}`, revision)
  const label = hotspotWindows.find((w) => w.since === since)?.label ?? since
  return (
    <div className="hotspots" data-testid="hotspots-view">
      <div className="hotspots-toolbar">
        <p className="muted">
          Score = commits × log₂(2 + churn) × log₂(2 + size in KiB). Choose a file to explore it.
        </p>
        <fieldset className="segmented" data-testid="hotspots-window" data-value={since}>
          <legend className="visually-hidden">Time window</legend>
          {hotspotWindows.map((w) => (
            <label key={w.since} className={w.since === since ? 'segment segment--on' : 'segment'}>
              <input type="radio" name={`${id}-window`} value={w.since} checked={w.since === since} onChange={() => setSince(w.since)} className="visually-hidden" />
              {w.label}
            </label>
          ))}
        </fieldset>
      </div>
      <SectionCard title={`Hotspots, last ${label}`} testId="hotspots-card" busy={state.kind === 'loading'}>
        <ResultBody state={state} onRetry={retry} what="hotspots">
          {(hotspots) => {
            if (hotspots.length === 0) {
              return (
                <div className="empty" data-testid="hotspots-empty">
                  <p className="empty-title">No changes in this window</p>
                  <p>No source file changed in the last {label}. Try a longer window.</p>
                </div>
              )
            }
            const max = Math.max(...hotspots.map((h) => h.score))
            return (
              <ol className="hotspot-list">
                {hotspots.map((spot, i) => {
                  return (
                    <li key={spot.path} data-testid="hotspot-row" data-path={spot.path} data-score={spot.score}>
                      <button type="button" className="hotspot-button" onClick={() => onSelect(spot.path)}>
                        <span className="hotspot-rank">{i + 1}</span>
                        <span className="hotspot-path">
                          <PathLabel path={spot.path} />
                        </span>
                        <span className="bar-track" aria-hidden="true">
                          <span className="bar-fill bar-fill--hot" style={{ width: `${barPercent(spot.score, max)}%` }} />
                        </span>
                        <span className="bar-value">{formatCount(Math.round(spot.score))}</span>
                        <span className="hotspot-meta">
                          {formatCount(spot.commits)} commits · {formatCount(spot.churn)} lines changed · {formatCount(spot.authors)}{' '}
                          {spot.authors === 1 ? 'author' : 'authors'}
                          {spot.size !== null && ` · ${formatBytes(spot.size)}`}
                        </span>
                      </button>
                    </li>
                  )
                })}
              </ol>
            )
          }}
        </ResultBody>
      </SectionCard>
    </div>
  )
}
