import { useEffect, useId, useState } from 'react'
import type { RepoSummary } from '../../../../shared/types'
import { statusOf, type RepoStatus } from '../repositories/repos-state'
import '../../styles/explore.css'
import { exploreHash, isExploreHash, parseExploreHash, pickRepoId, type ExploreRoute, type ExploreView } from './explore-route'
import { ExploreTabs } from './ExploreTabs'
import { ExploreWorkspace } from './ExploreWorkspace'
import { IndexingLine } from './IndexingLine'
import { RepoPicker } from './RepoPicker'
import { useExploreRepos } from './use-explore-repos'

const REPO_STORAGE_KEY = 'coop.explore.repo'

/** Explore: a repository's files at HEAD with who owns them, their history and what changes with them. */
export function ExplorePage() {
  const { state, revisions, refresh } = useExploreRepos()
  const [route, setRoute] = useState<ExploreRoute>(() => parseExploreHash(window.location.hash))
  const [stored, setStored] = useState(readStoredRepo)
  const id = useId()
  const { repos, loadError } = state
  const repoId = repos ? pickRepoId(repos.map((repo) => repo.id), route.repoId, stored) : null
  const repo = repos?.find((candidate) => candidate.id === repoId) ?? null
  // A path in the address belongs to the repository named there, not to a fallback.
  const path = repo && route.repoId === repo.id ? (route.path ?? '') : ''

  // The address follows the selection (replaced, not pushed: clicking through files should not fill Back).
  useEffect(() => {
    if (repos === null) return
    const hash = exploreHash({ repoId, path: path || null, view: route.view, name: route.name })
    if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash)
  }, [repos, repoId, path, route.view, route.name])

  // Someone edited the address, or went Back to another selection.
  useEffect(() => {
    const onHashChange = () => {
      if (isExploreHash(window.location.hash)) setRoute(parseExploreHash(window.location.hash))
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])

  function chooseRepo(next: number): void {
    writeStoredRepo(next)
    setStored(next)
    setRoute({ ...route, repoId: next, path: null })
  }

  const navigate = (to: { readonly path: string; readonly view: ExploreView }) => setRoute({ ...route, repoId, path: to.path || null, view: to.view })
  const searchSymbol = (name: string) => setRoute({ ...route, repoId, path: path || null, name: name || null })
  const status: RepoStatus | null = repo ? statusOf(repo, state) : null
  const panelId = `${id}-panel`
  const tabId = (view: ExploreView) => `${id}-tab-${view}`

  return (
    <div className="page page--wide">
      <header className="page-header">
        <h1 className="page-title">Explore</h1>
        <p className="page-lede">Files at the indexed commit, who owns them, how they changed and what changes with them.</p>
      </header>

      {loadError && (
        <div className="banner banner--error" role="alert" data-testid="explore-load-error">
          <p>Could not load the repositories: {loadError.message}</p>
          <button type="button" className="button" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      )}

      {repos === null ? (
        !loadError && <p className="muted">Loading repositories…</p>
      ) : repos.length === 0 || !repo ? (
        <NoRepositories />
      ) : (
        <>
          <div className="explore-toolbar">
            <RepoPicker repos={repos} value={repo.id} onChange={chooseRepo} />
            {repo.head !== null && <ExploreTabs view={route.view} panelId={panelId} tabId={tabId} onChange={(view) => navigate({ path, view })} />}
          </div>
          {status && <IndexingLine repoName={repo.name} status={status} />}
          {repo.head === null ? (
            <NotIndexed repo={repo} status={status} />
          ) : (
            <div id={panelId} role="tabpanel" aria-labelledby={tabId(route.view)} className="explore-panel">
              <ExploreWorkspace
                key={repo.id}
                repo={repo}
                path={path}
                view={route.view}
                symbolName={route.name ?? ''}
                revision={revisions.get(repo.id) ?? 0}
                onNavigate={navigate}
                onSearchSymbol={searchSymbol}
              />
            </div>
          )}
        </>
      )}
    </div>
  )
}

function NoRepositories() {
  return (
    <div className="card empty" data-testid="explore-empty">
      <p className="empty-title">No repositories to explore</p>
      <p>Coop explores the repositories it has indexed. Add one first, then come back here.</p>
      <p>
        <a className="button button--primary" href="#/repositories" data-testid="explore-go-repositories">
          Go to Repositories
        </a>
      </p>
    </div>
  )
}

function NotIndexed({ repo, status }: { readonly repo: RepoSummary; readonly status: RepoStatus | null }) {
  return (
    <div className="card empty" data-testid="explore-not-indexed">
      <p className="empty-title">{repo.name} has not been indexed yet</p>
      {status?.kind === 'failed' ? (
        <p className="field-error">The last index run failed: {status.error.message}</p>
      ) : status?.kind === 'indexing' ? (
        <p>Indexing is under way; its files appear here as soon as it finishes.</p>
      ) : (
        <p>
          Index it from the <a href="#/repositories">Repositories</a> page to explore its files.
        </p>
      )}
    </div>
  )
}

function readStoredRepo(): number | null {
  try {
    const value = Number(window.sessionStorage.getItem(REPO_STORAGE_KEY))
    return Number.isSafeInteger(value) && value > 0 ? value : null
  } catch {
    return null
  }
}

function writeStoredRepo(repoId: number): void {
  try {
    window.sessionStorage.setItem(REPO_STORAGE_KEY, String(repoId))
  } catch {
    // Storage refused (privacy settings): the choice lasts until reload, which is fine.
  }
}
