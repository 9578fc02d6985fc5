import { describe, expect, it } from 'vitest'
import type { AuditPage, AuditRecord } from '../../../../shared/audit-types'
import { allRecords, auditRequest, filterKey, PAGE_SIZE, providerChoices, type AuditFilter } from './audit-filter'
import { initialPaging, LOAD_AHEAD, pageCursor, pagingReducer, wantsMore, type AuditPaging, type PagingAction } from './audit-paging'

function record(seq: number, data: Record<string, unknown> = {}): AuditRecord {
  return { seq, at: '2026-03-01T00:00:00.000Z', kind: 'setting_changed', actor: 'ada', data, prevHash: 'p', hash: `h${seq}` }
}

/** Records from..to, newest first, as one page of the log. */
function page(from: number, to: number, total: number, nextBeforeSeq: number | null): AuditPage {
  const records: AuditRecord[] = []
  for (let seq = from; seq >= to; seq--) records.push(record(seq))
  return { records, total, nextBeforeSeq }
}

const key = filterKey(allRecords)
const run = (state: AuditPaging, ...actions: PagingAction[]) => actions.reduce(pagingReducer, state)

describe('the first page', () => {
  it('is asked for with the filter and shown when it lands', () => {
    const filter: AuditFilter = { kind: 'llm_request', provider: 'oa', since: '7.days' }
    expect(auditRequest(filter, null)).toEqual({ limit: PAGE_SIZE, kind: 'llm_request', provider: 'oa', since: '7.days' })
    expect(auditRequest(allRecords, 120)).toEqual({ limit: PAGE_SIZE, beforeSeq: 120 })

    const start = initialPaging(allRecords)
    expect(start.loading).toBe('first')
    expect(pageCursor(start)).toBeNull()
    const shown = run(start, { type: 'loaded', key, generation: 0, page: page(500, 301, 500, 301) })
    expect(shown.records.map((r) => r.seq).slice(0, 2)).toEqual([500, 499])
    expect(shown).toMatchObject({ total: 500, nextBeforeSeq: 301, loading: null })
  })
})

describe('older pages', () => {
  const first = run(initialPaging(allRecords), { type: 'loaded', key, generation: 0, page: page(500, 301, 500, 301) })

  it('are fetched when the rows in view come near the end of what is loaded', () => {
    expect(wantsMore(first, 10)).toBe(false)
    expect(wantsMore(first, 200 - LOAD_AHEAD)).toBe(true)
    const loading = run(first, { type: 'loadMore' })
    expect(loading.loading).toBe('more')
    expect(pageCursor(loading)).toBe(301)
    expect(wantsMore(loading, 200)).toBe(false)
    // A second request while one is on its way changes nothing.
    expect(run(loading, { type: 'loadMore' })).toBe(loading)
  })

  it('are appended in order, and a repeated record is dropped', () => {
    const more = run(first, { type: 'loadMore' }, { type: 'loaded', key, generation: 0, page: page(302, 101, 502, 101) })
    const seqs = more.records.map((r) => r.seq)
    expect(seqs).toHaveLength(400)
    expect(seqs.at(-1)).toBe(101)
    expect(new Set(seqs).size).toBe(seqs.length)
    expect(more).toMatchObject({ total: 502, nextBeforeSeq: 101, loading: null })
  })

  it('stop at the oldest record', () => {
    const last = run(first, { type: 'loadMore' }, { type: 'loaded', key, generation: 0, page: page(300, 1, 500, null) })
    expect(last.records).toHaveLength(500)
    expect(wantsMore(last, 500)).toBe(false)
    expect(run(last, { type: 'loadMore' })).toBe(last)
  })

  it('that fail keep what is shown, say why, and are not asked for again until Try again', () => {
    const error = { code: 'storage_failed', message: 'disk' } as const
    const failed = run(first, { type: 'loadMore' }, { type: 'failed', key, generation: 0, error })
    expect(failed.records).toHaveLength(200)
    expect(failed.error).toEqual(error)
    expect(wantsMore(failed, 200)).toBe(false)
    expect(run(failed, { type: 'loadMore' })).toMatchObject({ loading: 'more', error: null })
  })
})

describe('a new filter or a refresh', () => {
  it('starts again, and an answer to the old request is ignored', () => {
    const first = run(initialPaging(allRecords), { type: 'loaded', key, generation: 0, page: page(500, 301, 500, 301) })
    const kindOnly: AuditFilter = { ...allRecords, kind: 'llm_request' }
    const reset = run(first, { type: 'loadMore' }, { type: 'reset', filter: kindOnly })
    expect(reset).toMatchObject({ key: filterKey(kindOnly), records: [], loading: 'first', generation: 1 })
    expect(run(reset, { type: 'loaded', key, generation: 0, page: page(300, 101, 500, 101) })).toBe(reset)

    const refreshed = run(reset, { type: 'reset', filter: kindOnly })
    expect(run(refreshed, { type: 'loaded', key: filterKey(kindOnly), generation: 1, page: page(9, 1, 9, null) })).toBe(refreshed)
    expect(run(refreshed, { type: 'loaded', key: filterKey(kindOnly), generation: 2, page: page(9, 1, 9, null) }).records).toHaveLength(9)
  })
})

describe('provider choices', () => {
  it('offer configured providers and those in loaded records, sorted, keeping the chosen one', () => {
    expect(providerChoices(['oa', 'local'], [record(3, { provider: 'gone' }), record(2, { provider: 'oa' }), record(1, { provider: 7 })], 'other')).toEqual(['gone', 'local', 'oa', 'other'])
    expect(providerChoices([], [], '')).toEqual([])
  })
})
