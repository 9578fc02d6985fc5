import { useId } from 'react'
import type { RepoSummary } from '../../../../shared/types'

interface RepoPickerProps {
  readonly repos: readonly RepoSummary[]
  readonly value: number
  readonly onChange: (repoId: number) => void
}

export function RepoPicker({ repos, value, onChange }: RepoPickerProps) {
  const id = useId()
  return (
    <div className="repo-picker">
      <label htmlFor={id} className="field-label">
        Repository
      </label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(Number(event.target.value))} data-testid="explore-repo-picker">
        {repos.map((repo) => (
          <option key={repo.id} value={repo.id} title={repo.path}>
            {repo.name}
          </option>
        ))}
      </select>
    </div>
  )
}
