import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { formatCount, formatDate, formatDateTime, shortHash } from '../../lib/format'
import { colourOf } from '../../lib/owner-identity'
import { useResult } from '../../lib/use-result'
import { ResultBody, SectionCard } from './DetailSection'

interface HistorySectionProps {
  readonly repoId: number
  readonly path: string
  readonly type: 'dir' | 'file'
  readonly revision: number
}

const LIMIT = 200
const FIRST_SHOWN = 40

/** The commits that changed the selection, newest first, as a timeline (renames followed for files). */
export function HistorySection({ repoId, path, type, revision }: HistorySectionProps) {
  const api = useApi()
  const [state, retry] = useResult(() => api.graph.history({ repoId, path, limit: LIMIT }), `${repoId}\0${path}`, revision)
  const [showAll, setShowAll] = useState(false)
  const count = state.kind === 'ok' ? state.value.length : null
  return (
    <SectionCard
      title="History"
      testId="history-section"
      busy={state.kind === 'loading'}
      aside={count !== null && count > 0 && <span className="count-pill">{count >= LIMIT ? `latest ${LIMIT}` : formatCount(count)}</span>}
    >
      {type === 'dir' && (
        <p className="hint section-lede">Commits that changed anything in this folder. Select a file to follow it through renames.</p>
      )}
      <ResultBody state={state} onRetry={retry} what="the history">
        {(entries) =>
          entries.length === 0 ? (
            <p className="section-note muted">No commits in the indexed history.</p>
          ) : (
            <>
              <ol className="timeline">
                {(showAll ? entries : entries.slice(0, FIRST_SHOWN)).map((entry, i) => (
                  <li key={`${entry.hash}:${i}`} className="timeline-item" data-testid="history-entry" data-hash={entry.hash}>
                    <span className="timeline-dot" style={{ backgroundColor: colourOf(entry.author.email) }} aria-hidden="true" />
                    <p className="timeline-subject">{entry.subject || <span className="muted">(no message)</span>}</p>
                    <p className="timeline-meta">
                      <time dateTime={entry.authoredAt} title={formatDateTime(entry.authoredAt)}>
                        {formatDate(entry.authoredAt)}
                      </time>
                      <span>{entry.author.name}</span>
                      <code title={entry.hash}>{shortHash(entry.hash)}</code>
                      {entry.linesAdded !== null && <span className="added">+{formatCount(entry.linesAdded)}</span>}
                      {entry.linesRemoved !== null && <span className="removed">−{formatCount(entry.linesRemoved)}</span>}
                    </p>
                    {entry.renamedFrom && (
                      <p className="timeline-rename" data-testid="history-renamed-from">
                        Renamed from <code>{entry.renamedFrom}</code>
                      </p>
                    )}
                    {type === 'file' && !entry.renamedFrom && entry.path !== path && (
                      <p className="timeline-rename">
                        as <code>{entry.path}</code>
                      </p>
                    )}
                  </li>
                ))}
              </ol>
              {!showAll && entries.length > FIRST_SHOWN && (
                <button type="button" className="button button--small" onClick={() => setShowAll(true)}>
                  Show {formatCount(entries.length - FIRST_SHOWN)} more
                </button>
              )}
            </>
          )
        }
      </ResultBody>
    </SectionCard>
  )
}
