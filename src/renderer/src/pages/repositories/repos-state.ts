import type { BridgeError } from '../../../../shared/result'
import type { IndexFinished, IndexPhase, IndexProgress, RepoSummary } from '../../../../shared/types'

/**
 * What the Repositories page knows: the last list from core, plus what index events have said since.
 * The list is the truth after every load; events only fill the time between loads.
 */
export interface ReposState {
  /** null until the first load answers. */
  readonly repos: readonly RepoSummary[] | null
  readonly loadError: BridgeError | null
  /** Latest progress event per repository id, while its run goes on. */
  readonly live: ReadonlyMap<number, IndexProgress>
  /** Failed runs reported by index:finished and not yet replaced by a fresh list. */
  readonly failures: ReadonlyMap<number, BridgeError>
}

export type ReposAction =
  | { readonly type: 'loaded'; readonly repos: readonly RepoSummary[] }
  | { readonly type: 'loadFailed'; readonly error: BridgeError }
  | { readonly type: 'progress'; readonly progress: IndexProgress }
  | { readonly type: 'finished'; readonly finished: IndexFinished }
  /** core answered add or reindex with the repository's new summary. */
  | { readonly type: 'saved'; readonly repo: RepoSummary }
  | { readonly type: 'removed'; readonly repoId: number }

export const initialReposState: ReposState = { repos: null, loadError: null, live: new Map(), failures: new Map() }

export function reposReducer(state: ReposState, action: ReposAction): ReposState {
  switch (action.type) {
    case 'loaded': {
      // Keep live progress only where core still says a run is going: a missed finished event must
      // not leave a bar spinning forever. Failures come with the list (state.kind 'failed').
      const indexing = new Set(action.repos.filter((repo) => repo.state.kind === 'indexing').map((repo) => repo.id))
      return {
        repos: action.repos,
        loadError: null,
        live: filterMap(state.live, (id) => indexing.has(id)),
        failures: new Map(),
      }
    }
    case 'loadFailed':
      return { ...state, loadError: action.error }
    case 'progress': {
      const { repoId } = action.progress
      return {
        ...state,
        live: new Map(state.live).set(repoId, action.progress),
        failures: filterMap(state.failures, (id) => id !== repoId),
      }
    }
    case 'finished': {
      const { repoId, outcome } = action.finished
      const live = filterMap(state.live, (id) => id !== repoId)
      switch (outcome.kind) {
        case 'succeeded': {
          const { result } = outcome
          const repos = state.repos?.map((repo) =>
            repo.id === repoId
              ? {
                  ...repo,
                  head: result.head,
                  commits: result.commits,
                  files: result.files,
                  people: result.people,
                  filesAtHead: result.filesAtHead,
                  shallow: result.shallow,
                  state: { kind: 'idle' as const },
                }
              : repo,
          )
          return { ...state, repos: repos ?? null, live, failures: filterMap(state.failures, (id) => id !== repoId) }
        }
        case 'failed':
          return { ...state, live, failures: new Map(state.failures).set(repoId, outcome.error) }
        default:
          return assertNever(outcome)
      }
    }
    case 'saved': {
      const { repo } = action
      const known = state.repos?.some((existing) => existing.id === repo.id) ?? false
      const repos = known
        ? (state.repos ?? []).map((existing) => (existing.id === repo.id ? repo : existing))
        : [...(state.repos ?? []), repo]
      return {
        ...state,
        repos,
        live: repo.state.kind === 'indexing' ? state.live : filterMap(state.live, (id) => id !== repo.id),
        failures: filterMap(state.failures, (id) => id !== repo.id),
      }
    }
    case 'removed':
      return {
        ...state,
        repos: state.repos?.filter((repo) => repo.id !== action.repoId) ?? null,
        live: filterMap(state.live, (id) => id !== action.repoId),
        failures: filterMap(state.failures, (id) => id !== action.repoId),
      }
    default:
      return assertNever(action)
  }
}

/** What one row shows about indexing. */
export type RepoStatus =
  | { readonly kind: 'idle'; readonly indexed: boolean }
  | { readonly kind: 'indexing'; readonly phase: IndexPhase; readonly done: number; readonly total: number }
  | { readonly kind: 'failed'; readonly error: BridgeError }

export function statusOf(repo: RepoSummary, state: ReposState): RepoStatus {
  const live = state.live.get(repo.id)
  if (live) return { kind: 'indexing', phase: live.phase, done: live.done, total: live.total }
  const failure = state.failures.get(repo.id)
  if (failure) return { kind: 'failed', error: failure }
  switch (repo.state.kind) {
    case 'idle':
      return { kind: 'idle', indexed: repo.head !== null }
    case 'indexing': {
      // The list carries no phase: a run with nothing counted yet is still scanning.
      const { done, total } = repo.state
      return { kind: 'indexing', phase: total > 0 ? 'reading' : 'scanning', done, total }
    }
    case 'failed':
      return { kind: 'failed', error: repo.state.error }
    default:
      return assertNever(repo.state)
  }
}

function filterMap<V>(map: ReadonlyMap<number, V>, keep: (id: number) => boolean): ReadonlyMap<number, V> {
  return new Map([...map].filter(([id]) => keep(id)))
}

function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`)
}
