import { useNow } from '../../lib/use-now'
import { AddRepositoryForm } from './AddRepositoryForm'
import { RepoRow } from './RepoRow'
import { statusOf } from './repos-state'
import { useRepositories } from './use-repositories'

export function RepositoriesPage() {
  const { state, announcement, refresh, add, reindex, remove } = useRepositories()
  const now = useNow()
  const { repos, loadError } = state

  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">Repositories</h1>
        <p className="page-lede">Local git repositories Coop has indexed: their history, files and the people who work on them.</p>
      </header>

      <section className="card" aria-labelledby="add-repo-heading">
        <h2 id="add-repo-heading" className="section-title">
          Add repository
        </h2>
        <AddRepositoryForm onAdd={add} />
      </section>

      <p className="visually-hidden" aria-live="polite" role="status" data-testid="repos-status">
        {announcement}
      </p>

      {loadError && (
        <div className="banner banner--error" role="alert" data-testid="repos-load-error">
          <p>Could not load the repositories: {loadError.message}</p>
          <button type="button" className="button" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      )}

      <section className="card card--flush" aria-labelledby="repo-list-heading" aria-busy={repos === null}>
        <div className="card-header">
          <h2 id="repo-list-heading" className="section-title">
            Indexed repositories
          </h2>
          {repos !== null && repos.length > 0 && (
            <span className="count-pill" data-testid="repos-count">
              {repos.length}
            </span>
          )}
        </div>
        {repos === null ? (
          loadError ? null : (
            <p className="empty muted">Loading repositories…</p>
          )
        ) : repos.length === 0 ? (
          <div className="empty" data-testid="repos-empty">
            <p className="empty-title">No repositories yet</p>
            <p>
              Type the path of a local git repository above and choose <strong>Add</strong>. Coop reads its history and
              keeps the results on this machine.
            </p>
            <p>
              From a terminal you can also run <code>npx coop index &lt;path&gt;</code>; repositories indexed there show up
              here too.
            </p>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="repo-table" data-testid="repo-table">
              <thead>
                <tr>
                  <th scope="col">Repository</th>
                  <th scope="col" className="num">
                    Commits
                  </th>
                  <th scope="col" className="num">
                    Files
                  </th>
                  <th scope="col" className="num">
                    People
                  </th>
                  <th scope="col">Last indexed</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {repos.map((repo) => (
                  <RepoRow
                    key={repo.id}
                    repo={repo}
                    status={statusOf(repo, state)}
                    now={now}
                    onReindex={reindex}
                    onRemove={remove}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}
