import '../../styles/router.css'
import { AddProviderForm } from './AddProviderForm'
import { ComplianceCheck } from './ComplianceCheck'
import { OfflineToggle } from './OfflineToggle'
import { ProviderCard } from './ProviderCard'
import { useProviders } from './use-providers'

/** Providers: where Coop may send questions, with which key (by fingerprint) and under which policy. */
export function ProvidersPage() {
  const { state, refresh } = useProviders()
  const loaded = state.kind === 'ok' ? state.value : null
  const providers = loaded?.providers ?? null
  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">Providers</h1>
        <p className="page-lede">Model providers Coop may call, their keys (shown by fingerprint only) and where each stands under policy.</p>
      </header>

      {state.kind === 'error' && (
        <div className="banner banner--error" role="alert" data-testid="providers-load-error" data-code={state.error.code}>
          <p>Could not load the providers: {state.error.message}</p>
          <button type="button" className="button" disabled={state.refreshing} onClick={refresh}>
            {state.refreshing ? 'Trying again…' : 'Try again'}
          </button>
        </div>
      )}

      <section className="card policy-card" aria-labelledby="policy-heading">
        <h2 id="policy-heading" className="section-title">
          Policy
        </h2>
        {loaded ? <OfflineToggle settings={loaded.settings} onChanged={refresh} /> : <p className="muted">Loading…</p>}
        <ComplianceCheck />
      </section>

      <section className="provider-list" aria-labelledby="providers-heading" aria-busy={state.kind === 'loading' || (state.kind === 'ok' && state.refreshing)} data-testid="provider-list">
        <h2 id="providers-heading" className="section-title">
          Configured providers {providers !== null && providers.length > 0 && <span className="count-pill">{providers.length}</span>}
        </h2>
        {providers === null ? (
          state.kind === 'loading' && <p className="muted">Loading providers…</p>
        ) : providers.length === 0 ? (
          <div className="card empty" data-testid="providers-empty">
            <p className="empty-title">No providers yet</p>
            <p>
              Add one below, or from a terminal: <code>coop providers add ollama --kind openai-compatible --base-url http://localhost:11434/v1</code>
            </p>
          </div>
        ) : (
          providers.map((provider) => <ProviderCard key={provider.id} provider={provider} onChanged={refresh} />)
        )}
      </section>

      <section className="card" aria-labelledby="add-provider-heading">
        <h2 id="add-provider-heading" className="section-title">
          Add provider
        </h2>
        <AddProviderForm onAdded={refresh} />
      </section>
    </div>
  )
}
