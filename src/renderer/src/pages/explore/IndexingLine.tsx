import { formatCount } from '../../lib/format'
import type { RepoStatus } from '../repositories/repos-state'

/** A slim bar under the toolbar while the repository is being indexed; the page stays usable meanwhile. */
export function IndexingLine({ repoName, status }: { readonly repoName: string; readonly status: RepoStatus }) {
  if (status.kind !== 'indexing') return <div className="indexing-line indexing-line--idle" aria-hidden="true" />
  const determinate = status.phase === 'reading' && status.total > 0
  const label = determinate ? `Indexing: ${formatCount(status.done)} of ${formatCount(status.total)} commits` : 'Indexing: scanning history'
  return (
    <div className="indexing-line-wrap" data-testid="explore-indexing">
      <div
        className={determinate ? 'indexing-line' : 'indexing-line indexing-line--indeterminate'}
        role="progressbar"
        aria-label={`Indexing ${repoName}`}
        aria-valuemin={0}
        aria-valuemax={determinate ? status.total : undefined}
        aria-valuenow={determinate ? status.done : undefined}
        aria-valuetext={label}
      >
        <div className="indexing-line-fill" style={determinate ? { width: `${Math.min(100, (status.done / status.total) * 100)}%` } : undefined} />
      </div>
      <span className="indexing-line-label">{label}. What you see here updates when it finishes.</span>
    </div>
  )
}
