import { describe, expect, it } from 'vitest'
import type { RepoSummary } from '../../../../shared/types'
import { initialReposState, reposReducer, statusOf, type ReposAction, type ReposState } from './repos-state'

function repo(id: number, overrides: Partial<RepoSummary> = {}): RepoSummary {
  return {
    id,
    path: `/src/repo-${id}`,
    name: `repo-${id}`,
    head: 'abcdef0123456789',
    commits: 10,
    files: 5,
    people: 2,
    filesAtHead: 5,
    shallow: false,
    addedAt: '2026-01-01T00:00:00Z',
    lastIndexedAt: '2026-01-01T00:00:00Z',
    state: { kind: 'idle' },
    ...overrides,
  }
}

const run = (...actions: ReposAction[]): ReposState => actions.reduce(reposReducer, initialReposState)

describe('the Repositories page state', () => {
  it('shows a live bar from progress events, then the new counts when the run succeeds', () => {
    const indexing = repo(1, { head: null, commits: 0, state: { kind: 'indexing', done: 0, total: 0 } })
    let state = run({ type: 'loaded', repos: [indexing] })
    expect(statusOf(indexing, state)).toEqual({ kind: 'indexing', phase: 'scanning', done: 0, total: 0 })

    state = reposReducer(state, { type: 'progress', progress: { repoId: 1, phase: 'reading', done: 40, total: 100 } })
    expect(statusOf(indexing, state)).toEqual({ kind: 'indexing', phase: 'reading', done: 40, total: 100 })

    state = reposReducer(state, {
      type: 'finished',
      finished: {
        repoId: 1,
        outcome: {
          kind: 'succeeded',
          result: { repoId: 1, path: '/src/repo-1', head: 'ff00', commits: 100, commitsAdded: 100, commitsRemoved: 0, files: 30, people: 4, filesAtHead: 25, shallow: false, durationMs: 5 },
        },
      },
    })
    const updated = state.repos?.[0]
    expect(updated).toMatchObject({ commits: 100, files: 30, people: 4, filesAtHead: 25, head: 'ff00' })
    expect(statusOf(updated!, state)).toEqual({ kind: 'idle', indexed: true })
  })

  it('keeps a failed run visible in its row until a new list or run replaces it', () => {
    const error = { code: 'git_failed', message: 'git log failed' } as const
    let state = run(
      { type: 'loaded', repos: [repo(1)] },
      { type: 'progress', progress: { repoId: 1, phase: 'scanning', done: 0, total: 0 } },
      { type: 'finished', finished: { repoId: 1, outcome: { kind: 'failed', error } } },
    )
    expect(statusOf(repo(1), state)).toEqual({ kind: 'failed', error })

    state = reposReducer(state, { type: 'saved', repo: repo(1, { state: { kind: 'indexing', done: 0, total: 0 } }) })
    expect(statusOf(state.repos![0]!, state).kind).toBe('indexing')
  })

  it('drops progress for runs a fresh list says are over (a missed finished event)', () => {
    const state = run(
      { type: 'loaded', repos: [repo(1)] },
      { type: 'progress', progress: { repoId: 1, phase: 'reading', done: 1, total: 2 } },
      { type: 'loaded', repos: [repo(1)] },
    )
    expect(statusOf(repo(1), state)).toEqual({ kind: 'idle', indexed: true })
  })

  it('adds, replaces and removes rows', () => {
    let state = run({ type: 'loaded', repos: [repo(1)] }, { type: 'saved', repo: repo(2) })
    expect(state.repos?.map((r) => r.id)).toEqual([1, 2])
    state = reposReducer(state, { type: 'saved', repo: repo(1, { name: 'renamed' }) })
    expect(state.repos?.map((r) => r.name)).toEqual(['renamed', 'repo-2'])
    state = reposReducer(state, { type: 'removed', repoId: 1 })
    expect(state.repos?.map((r) => r.id)).toEqual([2])
  })
})
