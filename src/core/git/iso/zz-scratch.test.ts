import { it, expect } from 'vitest'
import { cliBackend } from '../cli-backend'
import { isomorphicBackend } from './isomorphic-backend'

it('scratch parity', async () => {
  const repo = process.env.SCRATCH_REPO ?? '/tmp/scratch/r'
  const a = await cliBackend.inspect(repo)
  const b = await isomorphicBackend.inspect(repo)
  expect(b).toEqual(a)
  const t0 = performance.now()
  const ca = await cliBackend.listCommits(repo, a.head, null)
  const t1 = performance.now()
  const cb = await isomorphicBackend.listCommits(repo, a.head, null)
  const t2 = performance.now()
  expect(new Set(cb)).toEqual(new Set(ca))
  const ra = await cliBackend.readCommits(repo, ca)
  const t3 = performance.now()
  const rb = await isomorphicBackend.readCommits(repo, ca)
  const t4 = performance.now()
  console.log(`list cli ${(t1-t0).toFixed(0)} iso ${(t2-t1).toFixed(0)}; read cli ${(t3-t2).toFixed(0)} iso ${(t4-t3).toFixed(0)}`)
  for (let i = 0; i < ra.length; i++) expect(rb[i]).toEqual(ra[i])
  expect(await isomorphicBackend.listTree(repo, a.head)).toEqual(await cliBackend.listTree(repo, a.head))
  expect(await isomorphicBackend.diffTrees(repo, ca[0]!, a.head)).toEqual(await cliBackend.diffTrees(repo, ca[0]!, a.head))
}, 600_000)
