import { useApi } from '../../api/api-context'
import { barPercent, formatShare } from '../../lib/bars'
import { formatCount } from '../../lib/format'
import { useResult } from '../../lib/use-result'
import { ResultBody, SectionCard } from './DetailSection'
import { PathLabel } from './PathLabel'

interface CouplingSectionProps {
  readonly repoId: number
  readonly path: string
  readonly revision: number
  readonly onSelect: (path: string) => void
}

/** Files that tend to change in the same commits as this one; choosing one selects it in the tree. */
export function CouplingSection({ repoId, path, revision, onSelect }: CouplingSectionProps) {
  const api = useApi()
  const [state, retry] = useResult(() => api.graph.coupling({ repoId, path }), `${repoId}\0${path}`, revision)
  return (
    <SectionCard title="Changes with it" testId="coupling-section" busy={state.kind === 'loading'}>
      <ResultBody state={state} onRetry={retry} what="files that change with it">
        {(files) =>
          files.length === 0 ? (
            <p className="section-note muted" data-testid="coupling-empty">
              No other file changes together with this one often enough to stand out.
            </p>
          ) : (
            <ul className="bar-list bar-list--compact">
              {files.map((file) => (
                <li key={file.path} className="bar-item bar-item--path" data-testid="coupled-file" data-path={file.path} data-confidence={file.confidence}>
                  <button type="button" className="link-button path-button" onClick={() => onSelect(file.path)}>
                    <PathLabel path={file.path} />
                  </button>
                  <div className="bar-track" aria-hidden="true">
                    <div className="bar-fill" style={{ width: `${barPercent(file.confidence, 1)}%` }} />
                  </div>
                  <span className="bar-value" title="Share of this file's commits that changed it too">
                    {formatShare(file.confidence)}
                  </span>
                  <span className="bar-meta">
                    {formatCount(file.support)} {file.support === 1 ? 'commit' : 'commits'} together
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </ResultBody>
    </SectionCard>
  )
}
