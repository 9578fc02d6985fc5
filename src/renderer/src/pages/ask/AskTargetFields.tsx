import { useId } from 'react'
import type { ProviderView } from '../../../../shared/router-types'
import type { RepoSummary } from '../../../../shared/types'
import { modelChoices } from './ask-request'

interface AskTargetFieldsProps {
  readonly providers: readonly ProviderView[]
  readonly repos: readonly RepoSummary[]
  readonly provider: string
  readonly model: string
  readonly repoId: number | null
  readonly onProvider: (id: string) => void
  readonly onModel: (model: string) => void
  readonly onRepo: (repoId: number | null) => void
}

/** Where the question goes (provider, model) and where its relative file paths start (repository). */
export function AskTargetFields({ providers, repos, provider, model, repoId, onProvider, onModel, onRepo }: AskTargetFieldsProps) {
  const id = useId()
  const chosen = providers.find((p) => p.id === provider)
  const { models, defaultModel } = modelChoices(chosen)
  return (
    <div className="ask-target">
      <div className="form-grid">
        <label className="stacked-field">
          <span className="field-label">Provider</span>
          <select className="select" value={provider} onChange={(event) => onProvider(event.target.value)} aria-describedby={chosen?.policy.blockedReason ? `${id}-blocked` : undefined} data-testid="ask-provider">
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id} ({p.kind}){p.policy.blockedReason !== null ? ' — blocked' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="stacked-field">
          <span className="field-label">Model</span>
          <select className="select" value={model} onChange={(event) => onModel(event.target.value)} data-testid="ask-model">
            <option value="">{defaultModel ? `Default (${defaultModel})` : 'Default'}</option>
            {models.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="stacked-field">
          <span className="field-label">Repository</span>
          <select className="select" value={repoId ?? ''} onChange={(event) => onRepo(event.target.value === '' ? null : Number(event.target.value))} data-testid="ask-repo">
            <option value="">None (absolute file paths)</option>
            {repos.map((repo) => (
              <option key={repo.id} value={repo.id} title={repo.path}>
                {repo.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {chosen?.policy.blockedReason && (
        <p id={`${id}-blocked`} className="provider-blocked" data-testid="ask-provider-blocked">
          <strong>{chosen.id} is not called now:</strong> {chosen.policy.blockedReason}
        </p>
      )}
    </div>
  )
}
