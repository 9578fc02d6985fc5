import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { cliBackend } from '../../src/core/git/cli-backend'
import { createIsomorphicBackend } from '../../src/core/git/iso/isomorphic-backend'
import type { Blob } from '../../src/core/git/read-blobs'
import { FixtureRepo } from '../helpers/git-fixture'

const installedGit = execFileSync('git', ['--version'], { encoding: 'utf8' }).replace(/^git version /, '').trim()

async function collect(read: typeof cliBackend.readBlobs, path: string, oids: string[]): Promise<Blob[]> {
  const blobs: Blob[] = []
  await read(path, oids, (blob) => void blobs.push(blob))
  return blobs
}

describe('readBlobs', () => {
  it('hands over blob contents in the order asked, byte for byte, the same from both backends', async () => {
    const repo = FixtureRepo.create()
    const binary = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256))
    repo.write('a.txt', 'alpha\n').write('empty', '').write('bin.dat', binary).write('ünï.ts', 'export const x = "✓"\n').commit('files')
    const oids = repo.git('ls-tree', '-r', '--format=%(objectname)', 'HEAD').split('\n')
    const missing = 'f'.repeat(40)
    const asked = [...oids, missing, oids[0] as string]

    const fromGit = await collect(cliBackend.readBlobs, repo.path, asked)
    expect(fromGit.map((b) => b.oid)).toEqual(asked)
    expect(fromGit.at(-2)?.content).toBeNull()
    const byOid = new Map(fromGit.map((b) => [b.oid, b.content]))
    for (const oid of oids) expect(byOid.get(oid)).toEqual(execFileSync('git', ['cat-file', 'blob', oid], { cwd: repo.path }))
    expect(fromGit.some((b) => b.content?.equals(binary))).toBe(true)

    const fromIso = await collect(createIsomorphicBackend({ gitVersion: installedGit }).readBlobs, repo.path, asked)
    expect(fromIso).toEqual(fromGit)
  })

  it('stops git and passes on the error when the receiver fails', async () => {
    const repo = FixtureRepo.create()
    repo.write('a.txt', 'a\n').write('b.txt', 'b\n').commit('two')
    const oids = repo.git('ls-tree', '-r', '--format=%(objectname)', 'HEAD').split('\n')
    await expect(
      cliBackend.readBlobs(repo.path, oids, () => {
        throw new Error('receiver is full')
      }),
    ).rejects.toThrow('receiver is full')
  })
})
