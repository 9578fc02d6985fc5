import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/core/core'
import { openCore } from '../../src/core/create-core'
import { RepoWatcher } from '../../src/core/repos/watch-repositories'
import type { IndexFinished } from '../../src/shared/types'
import { ada, FixtureRepo } from '../helpers/git-fixture'
import { tempDir } from '../helpers/temp-dir'

let core: Core | undefined
let watcher: RepoWatcher | undefined
afterEach(async () => {
  watcher?.close()
  await core?.close()
})

function nextFinished(core: Core): Promise<IndexFinished> {
  return new Promise((resolve) => {
    const off = core.events.on('index:finished', (event) => {
      off()
      resolve(event)
    })
  })
}

describe('watching repositories', () => {
  it('re-indexes by itself when a commit lands, and stops when the repository is removed', async () => {
    const repo = FixtureRepo.create()
    repo.write('a.txt', '1\n').commit('one', ada)
    core = openCore({ dataDir: tempDir('coop-watch-'), version: '0.0.0-test' })
    const { repoId } = await core.repos.index(repo.path)
    watcher = new RepoWatcher(core.repos, core.events, core.logger, { debounceMs: 50 })

    const finished = nextFinished(core)
    repo.write('a.txt', '2\n').commit('two', ada)
    expect(await finished).toMatchObject({ repoId, outcome: { kind: 'succeeded', result: { commitsAdded: 1, commits: 2 } } })

    const branchSwitch = nextFinished(core)
    repo.git('checkout', '-q', '-b', 'topic')
    repo.write('b.txt', 'b\n').commit('on topic', ada)
    expect((await branchSwitch).outcome).toMatchObject({ kind: 'succeeded' })
    await expect.poll(() => core?.repos.get(repoId).commits).toBe(3)

    core.repos.remove(repoId)
    watcher.sync(repoId)
    let fired = false
    core.events.on('index:finished', () => (fired = true))
    repo.write('c.txt', 'c\n').commit('after removal', ada)
    await new Promise((r) => setTimeout(r, 300))
    expect(fired).toBe(false)
  })
})
