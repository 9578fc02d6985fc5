import type { IndexPhase } from '../../../../shared/types'
import { formatCount } from '../../lib/format'

interface RepoProgressProps {
  readonly repoName: string
  readonly phase: IndexPhase
  readonly done: number
  readonly total: number
}

/** The bar in a row while its repository is indexed; indeterminate while git is still scanning. */
export function RepoProgress({ repoName, phase, done, total }: RepoProgressProps) {
  const determinate = phase !== 'scanning' && total > 0
  const unit = phase === 'parsing' ? 'files parsed' : 'commits'
  const label = determinate ? `${formatCount(done)} of ${formatCount(total)} ${unit}` : 'Scanning history…'
  const percent = determinate ? Math.min(100, Math.round((done / total) * 100)) : 0
  return (
    <div className="progress">
      <div
        className={determinate ? 'progress-track' : 'progress-track progress-track--indeterminate'}
        role="progressbar"
        aria-label={`Indexing ${repoName}`}
        aria-valuemin={0}
        aria-valuemax={determinate ? total : undefined}
        aria-valuenow={determinate ? done : undefined}
        aria-valuetext={label}
        data-testid="repo-progress"
        data-phase={phase}
        data-done={done}
        data-total={total}
      >
        <div className="progress-fill" style={determinate ? { width: `${percent}%` } : undefined} />
      </div>
      <span className="progress-label">{label}</span>
    </div>
  )
}
