import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/core/create-core'
import type { TreeNode } from '../../src/shared/graph-types'
import { FixtureRepo, grace } from '../helpers/git-fixture'
import { tempDir } from '../helpers/temp-dir'

/** Folder listings come from counts kept at index time: they must always match the files at HEAD. */

/** Folder → files anywhere below it, counted from scratch from the stored files at HEAD. */
function recount(dataDir: string): Record<string, number> {
  const db = new Database(join(dataDir, 'coop.db'), { readonly: true })
  const paths = db.prepare('SELECT path FROM files WHERE in_head = 1').pluck().all() as string[]
  const stored = Object.fromEntries(db.prepare('SELECT dir, file_count FROM head_folders').raw().all() as [string, number][])
  db.close()
  const counts: Record<string, number> = {}
  for (const path of paths) {
    const parts = path.split('/').slice(0, -1)
    for (let i = 1; i <= parts.length; i++) {
      const folder = parts.slice(0, i).join('/')
      counts[folder] = (counts[folder] ?? 0) + 1
    }
  }
  expect(stored).toEqual(counts)
  return counts
}

const summary = (entries: readonly TreeNode[]): string[] => entries.map((e) => (e.type === 'dir' ? `${e.name}/ ${e.fileCount}` : e.name))

describe('folders at HEAD', () => {
  it('keeps folder counts right through additions, deletions, moves and a rewritten history', async () => {
    const repo = FixtureRepo.create()
    repo.write('a/one.ts', '1\n').write('a/b/two.ts', '2\n').write('a/b/three.ts', '3\n').write('a/b/c/four.ts', '4\n').write('top.md', '#\n')
    const first = repo.commit('start')
    const dataDir = tempDir('coop-data-')
    const core = openCore({ dataDir, version: 'test' })
    try {
      const { repoId } = await core.repos.index(repo.path)
      expect(summary(core.graph.tree(repoId, '').entries)).toEqual(['a/ 4', 'top.md'])
      expect(summary(core.graph.tree(repoId, 'a').entries)).toEqual(['b/ 3', 'one.ts'])
      expect(recount(dataDir)).toEqual({ a: 4, 'a/b': 3, 'a/b/c': 1 })

      // Empty a/b/c and a/b entirely, move a file to a new folder, add a deep one.
      repo.git('rm', '-q', '-r', 'a/b')
      repo.move('a/one.ts', 'q/one.ts')
      repo.write('x/y/z.ts', 'z\n').commit('reshape', grace)
      await core.repos.index(repo.path)
      expect(summary(core.graph.tree(repoId, '').entries)).toEqual(['q/ 1', 'x/ 1', 'top.md'])
      expect(() => core.graph.tree(repoId, 'a')).toThrow(/No folder a /)
      expect(summary(core.graph.tree(repoId, 'x').entries)).toEqual(['y/ 1'])
      expect(recount(dataDir)).toEqual({ q: 1, x: 1, 'x/y': 1 })

      // Back to the first commit: the stored tree is no ancestor, so it is listed again.
      repo.git('reset', '-q', '--hard', first)
      await core.repos.index(repo.path)
      expect(summary(core.graph.tree(repoId, '').entries)).toEqual(['a/ 4', 'top.md'])
      expect(recount(dataDir)).toEqual({ a: 4, 'a/b': 3, 'a/b/c': 1 })
    } finally {
      await core.close()
    }
  })
})
