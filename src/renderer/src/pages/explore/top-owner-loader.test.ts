import { describe, expect, it } from 'vitest'
import type { CoopApi } from '../../../../shared/api'
import type { OwnersReport } from '../../../../shared/graph-types'
import type { TopOwner } from './graph-colours'
import { fetchTopOwner, TopOwnerLoader } from './top-owner-loader'

/** A fake `graph:owners` whose answers the test releases one by one. */
function pendingFetches() {
  const waiting = new Map<string, (owner: TopOwner) => void>()
  const asked: string[] = []
  const fetchOwner = (path: string) =>
    new Promise<TopOwner>((resolve) => {
      asked.push(path)
      waiting.set(path, resolve)
    })
  const answer = async (path: string, owner: TopOwner = { kind: 'owner', name: path, email: `${path}@example.com` }) => {
    waiting.get(path)?.(owner)
    waiting.delete(path)
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { fetchOwner, asked, waiting, answer }
}

describe('loading top owners for the graph', () => {
  it('asks a few at a time, each path once, and tells its listeners', async () => {
    const fake = pendingFetches()
    const loader = new TopOwnerLoader(fake.fetchOwner, 2)
    let told = 0
    const unsubscribe = loader.subscribe(() => told++)
    loader.want(['a', 'b', 'c', 'a'])
    expect(fake.asked).toEqual(['a', 'b'])
    await fake.answer('a')
    expect(fake.asked).toEqual(['a', 'b', 'c'])
    expect(loader.get('a')).toEqual({ kind: 'owner', name: 'a', email: 'a@example.com' })
    expect(loader.get('b')).toBeUndefined()
    expect(told).toBe(1)
    const first = loader.snapshot()
    expect(first.get('a')?.kind).toBe('owner')

    await fake.answer('b')
    await fake.answer('c')
    loader.want(['a', 'b', 'c'])
    expect(fake.asked).toEqual(['a', 'b', 'c'])
    expect(loader.snapshot()).not.toBe(first)
    expect(loader.snapshot().get('c')?.kind).toBe('owner')
    unsubscribe()
    expect(told).toBe(3)
  })

  it('drops what an earlier graph still wanted', async () => {
    const fake = pendingFetches()
    const loader = new TopOwnerLoader(fake.fetchOwner, 1)
    loader.want(['a', 'b', 'c'])
    loader.want(['x', 'y'])
    await fake.answer('a')
    await fake.answer('x')
    expect(fake.asked).toEqual(['a', 'x', 'y'])
  })

  it('keeps a failure as an answer rather than asking again and again', async () => {
    const loader = new TopOwnerLoader(() => Promise.reject(new Error('database busy')), 2)
    loader.want(['a'])
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(loader.get('a')).toEqual({ kind: 'failed', message: 'database busy' })
  })

  it('takes the largest share from graph:owners', async () => {
    const report = (owners: OwnersReport['owners']): OwnersReport => ({
      path: 'a.ts', type: 'file', owners, declared: [], declaredBy: null, busFactor: 1, orphaned: false, halfLifeDays: 180, inactiveDays: 90,
    })
    const owner = (name: string, share: number) => ({ name, email: `${name}@example.com`, share }) as OwnersReport['owners'][number]
    const apiAnswering = (answer: Awaited<ReturnType<CoopApi['graph']['owners']>>) => ({ graph: { owners: () => Promise.resolve(answer) } }) as unknown as CoopApi
    expect(await fetchTopOwner(apiAnswering({ ok: true, value: report([owner('ada', 0.3), owner('grace', 0.7)]) }), 1, 'a.ts')).toEqual({
      kind: 'owner',
      name: 'grace',
      email: 'grace@example.com',
    })
    expect(await fetchTopOwner(apiAnswering({ ok: true, value: report([]) }), 1, 'a.ts')).toEqual({ kind: 'none' })
    expect(await fetchTopOwner(apiAnswering({ ok: false, error: { code: 'not_found', message: 'gone' } }), 1, 'a.ts')).toEqual({ kind: 'failed', message: 'gone' })
  })
})
