import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/core/create-core'
import { ada, FixtureRepo, git, grace, linus } from '../helpers/git-fixture'
import { tempDir } from '../helpers/temp-dir'

/** Everything indexing stored, without row ids (which depend on insertion order). */
function dump(dataDir: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, 'coop.db'), { readonly: true })
  try {
    return {
      commits: db
        .prepare(
          `SELECT c.hash, c.parents, a.name AS author, a.email AS authorEmail, m.name AS committer, m.email AS committerEmail,
             c.authored_at, c.committed_at, c.subject, c.file_count FROM commits c
           JOIN people a ON a.id = c.author_id JOIN people m ON m.id = c.committer_id ORDER BY c.hash`,
        )
        .all(),
      changes: db
        .prepare(
          `SELECT c.hash, f.path, o.path AS oldPath, fc.added, fc.removed FROM file_changes fc
           JOIN commits c ON c.id = fc.commit_id JOIN files f ON f.id = fc.file_id LEFT JOIN files o ON o.id = fc.old_file_id
           ORDER BY c.hash, f.path`,
        )
        .all(),
      files: db.prepare('SELECT path, in_head, size, mode, language, kind FROM files ORDER BY path').all(),
      people: db.prepare('SELECT identity, name, email, is_bot FROM people ORDER BY identity').all(),
      repositories: db.prepare('SELECT path, name, layout, indexed_head, tree_head, commit_count, file_count, person_count, shallow, codeowners_path, codeowners FROM repositories').all(),
    }
  } finally {
    db.close()
  }
}

describe('indexing with the git binary and with isomorphic-git', () => {
  it('stores identical records for the same repository', async () => {
    const repo = FixtureRepo.create()
    const body = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag} line ${i}`).join('\n') + '\n'
    repo.write('src/app.ts', body('app', 20)).write('src/util.ts', body('util', 12)).write('README.md', '# R\n').commit('Start', ada)
    repo.write('src/app.ts', body('app', 22)).write('docs/guide é.md', 'guide\n').commit('Grow\n\nWith a body.', grace)
    repo.move('src/util.ts', 'src/lib/util.ts')
    repo.write('src/lib/util.ts', body('util', 13)).write('logo.png', Buffer.from([0x89, 0x50, 0, 1, 2, 3])).commit('Move util', linus, ada)
    repo.git('checkout', '-q', '-b', 'side')
    repo.write('side.txt', 'side\n').commit('Side work', grace)
    repo.git('checkout', '-q', 'main')
    repo.write('main.txt', 'main\n').commit('Main work', ada)
    git(repo.path, ['merge', '-q', '--no-ff', '-m', 'Merge side', 'side'], { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: ada.email, GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: ada.email })
    repo.write('.mailmap', `Ada Lovelace <${ada.email}> Ada <${ada.email}>\n`).write('.github/CODEOWNERS', '* @ada\n').commit('Owners and mailmap', grace)

    const dumps = []
    for (const gitBackend of ['git', 'isomorphic'] as const) {
      const dataDir = tempDir(`coop-${gitBackend}-`)
      const core = openCore({ dataDir, version: '0.0.0-test', gitBackend })
      expect(core.gitBackend).toBe(gitBackend)
      const result = await core.repos.index(repo.path)
      expect(result.commits).toBe(Number(repo.git('rev-list', '--count', 'HEAD')))
      await core.close()
      dumps.push(dump(dataDir))
    }
    expect(dumps[0]?.changes?.length).toBeGreaterThan(5)
    expect(dumps[1]).toEqual(dumps[0])
  })
})
