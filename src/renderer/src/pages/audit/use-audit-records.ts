import { useCallback, useEffect, useReducer } from 'react'
import { useApi } from '../../api/api-context'
import { auditRequest, filterKey, type AuditFilter } from './audit-filter'
import { initialPaging, pageCursor, pagingReducer, wantsMore, type AuditPaging } from './audit-paging'

export interface AuditRecords {
  readonly paging: AuditPaging
  /** Starts again from the newest record (new records were written: an export, a setting). */
  readonly refresh: () => void
  /** Asks again for the page that failed. */
  readonly retry: () => void
}

/**
 * The audit records for a filter, newest first, a page at a time: the first page when the filter changes,
 * an older one whenever the rows in view (up to `visibleEnd`) come near the end of what is loaded.
 */
export function useAuditRecords(filter: AuditFilter, visibleEnd: number): AuditRecords {
  const api = useApi()
  const [paging, dispatch] = useReducer(pagingReducer, filter, initialPaging)
  if (paging.key !== filterKey(filter)) dispatch({ type: 'reset', filter })

  const { loading, generation, key } = paging
  const cursor = pageCursor(paging)
  const request = paging.filter
  useEffect(() => {
    if (loading === null) return
    let live = true
    void api.audit.list(auditRequest(request, cursor)).then((result) => {
      if (!live) return
      dispatch(result.ok ? { type: 'loaded', key, generation, page: result.value } : { type: 'failed', key, generation, error: result.error })
    })
    return () => {
      live = false
    }
  }, [api, loading, generation, key, cursor, request])

  const more = wantsMore(paging, visibleEnd)
  useEffect(() => {
    if (more) dispatch({ type: 'loadMore' })
  }, [more])

  const refresh = useCallback(() => dispatch({ type: 'reset', filter: request }), [request])
  const empty = paging.records.length === 0
  const retry = useCallback(() => dispatch(empty ? { type: 'reset', filter: request } : { type: 'loadMore' }), [empty, request])
  return { paging, refresh, retry }
}
