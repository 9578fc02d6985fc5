import type { AuditPage, AuditRecord } from '../../../../shared/audit-types'
import type { BridgeError } from '../../../../shared/result'
import { filterKey, type AuditFilter } from './audit-filter'

/**
 * The records loaded so far for one filter, newest first, and how to get older ones. Pages arrive
 * asynchronously: an answer for another filter, or for a page already superseded, is ignored.
 */
export interface AuditPaging {
  readonly filter: AuditFilter
  /** `filterKey(filter)`: answers name the filter they were asked for. */
  readonly key: string
  /** Bumped by every reset, so the answer to a request made before a refresh is recognised as stale. */
  readonly generation: number
  readonly records: readonly AuditRecord[]
  /** Records matching the filter in the whole log (the table's scroll height says how far there is to go). */
  readonly total: number
  /** Pass as beforeSeq for the next, older page; null when the oldest is loaded. */
  readonly nextBeforeSeq: number | null
  /** `first`: the first page is on its way (nothing to show yet); `more`: an older page is. */
  readonly loading: 'first' | 'more' | null
  /** The last page request that failed (Try again asks for it once more). */
  readonly error: BridgeError | null
}

export type PagingAction =
  /** A new filter, or Refresh: start again from the newest record. */
  | { readonly type: 'reset'; readonly filter: AuditFilter }
  | { readonly type: 'loadMore' }
  | { readonly type: 'loaded'; readonly key: string; readonly generation: number; readonly page: AuditPage }
  | { readonly type: 'failed'; readonly key: string; readonly generation: number; readonly error: BridgeError }

export function initialPaging(filter: AuditFilter): AuditPaging {
  return { filter, key: filterKey(filter), generation: 0, records: [], total: 0, nextBeforeSeq: null, loading: 'first', error: null }
}

export function pagingReducer(state: AuditPaging, action: PagingAction): AuditPaging {
  switch (action.type) {
    case 'reset':
      return { ...initialPaging(action.filter), generation: state.generation + 1 }
    case 'loadMore':
      return state.loading === null && state.nextBeforeSeq !== null ? { ...state, loading: 'more', error: null } : state
    case 'loaded': {
      if (action.key !== state.key || action.generation !== state.generation || state.loading === null) return state
      const { page } = action
      // Seq only goes down through the pages; anything not older than what is shown is a repeat.
      const oldest = state.records.at(-1)?.seq ?? Number.POSITIVE_INFINITY
      const older = page.records.filter((r) => r.seq < oldest)
      return { ...state, records: [...state.records, ...older], total: page.total, nextBeforeSeq: page.nextBeforeSeq, loading: null, error: null }
    }
    case 'failed':
      if (action.key !== state.key || action.generation !== state.generation || state.loading === null) return state
      return { ...state, loading: null, error: action.error }
    default:
      return action satisfies never
  }
}

/** The `beforeSeq` of the page being loaded: null for the first (newest) page. */
export function pageCursor(state: AuditPaging): number | null {
  return state.loading === 'more' ? state.nextBeforeSeq : null
}

/** Rows from the end of what is loaded at which the next page is fetched: about a screenful early. */
export const LOAD_AHEAD = 40

/** Whether the rows shown up to `visibleEnd` are close enough to the end of what is loaded to fetch more. */
export function wantsMore(state: AuditPaging, visibleEnd: number): boolean {
  return state.loading === null && state.error === null && state.nextBeforeSeq !== null && visibleEnd >= state.records.length - LOAD_AHEAD
}
