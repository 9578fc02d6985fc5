import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCoop } from '../helpers/run-coop'
import { ada, FixtureRepo, grace } from '../helpers/git-fixture'
import { suiteTempDir } from '../helpers/temp-dir'

let repo: FixtureRepo
let dataDir: string

async function coop(args: string[], cwd = repo.path) {
  const run = await runCoop(args, { cwd, env: { COOP_DATA_DIR: dataDir } })
  return { ...run, json: () => JSON.parse(run.stdout) }
}

beforeAll(() => {
  dataDir = suiteTempDir('coop-cli-graph-')
  repo = FixtureRepo.create({ dir: suiteTempDir('coop-cli-repo-') })
  repo.write('src/api/server.ts', 'serve()\n').write('src/api/routes.ts', 'route()\n').write('docs/guide.md', '# Guide\n').commit('Start the API', ada)
  repo.write('src/api/server.ts', 'serve(1)\n').write('src/api/routes.ts', 'route(1)\n').commit('Wire routes into the server', grace)
  repo.write('src/api/server.ts', 'serve(2)\n').write('src/api/routes.ts', 'route(2)\n').commit('Harden the server', grace)
  repo.write('CODEOWNERS', '/src/api/ @linus\n').commit('Declare API owners', ada)
})

describe('graph commands', () => {
  it('index the repository around the working directory on first use, then answer', async () => {
    const owners = await coop(['owners', 'server.ts', '--json'], join(repo.path, 'src', 'api'))
    expect(owners.code).toBe(0)
    expect(owners.json()).toMatchObject({ path: 'src/api/server.ts', type: 'file', busFactor: 1, declared: [{ owner: '@linus', share: 0 }] })
    expect(owners.json().owners.map((o: { email: string }) => o.email)).toEqual([grace.email, ada.email])
    expect(Object.keys(owners.json().owners[0])).toEqual(expect.arrayContaining(['name', 'email', 'share', 'commits', 'lastActive']))
  })

  it('take --repo with repository-relative paths', async () => {
    const history = await coop(['history', 'src/api/routes.ts', '--repo', repo.path, '--json'], '/')
    expect(history.json().map((h: { subject: string }) => h.subject)).toEqual(['Harden the server', 'Wire routes into the server', 'Start the API'])
    const table = await coop(['history', 'src/api/routes.ts', '--repo', repo.path], '/')
    expect(table.stdout).toMatch(/^DATE\s+COMMIT\s+AUTHOR/)
  })

  it('print readable tables without --json', async () => {
    const owners = await coop(['owners', 'src/api'])
    expect(owners.stdout).toContain('Owners of src/api (dir)')
    expect(owners.stdout).toContain('Bus factor: 1')
    const files = await coop(['files', '--under', 'src'])
    expect(files.stdout).toMatch(/src\/api\/routes\.ts\s+\d+ B\s+TypeScript\s+source/)
  })

  it('cover hotspots, coupling, blame, search and drift', async () => {
    expect((await coop(['hotspots', '--since', '2000-01-01', '--json'])).json()[0]).toMatchObject({ commits: 3 })
    expect((await coop(['coupling', 'src/api/server.ts', '--json'])).json()).toEqual([{ path: 'src/api/routes.ts', support: 3, confidence: 1 }])
    const blame = (await coop(['blame', 'src/api/server.ts', '--lines', '1-1', '--json'])).json()
    expect(blame.commits).toMatchObject([{ subject: 'Harden the server', ranges: [[1, 1]] }])
    const found = (await coop(['search', 'srvr', '--json'])).json()
    expect(found.paths[0].path).toBe('src/api/server.ts')
    const drift = (await coop(['drift', '--json'])).json()
    expect(drift.map((d: { path: string }) => d.path)).toEqual(['src/api/routes.ts', 'src/api/server.ts'])
  })

  it('explain mistakes in one line', async () => {
    const missing = await coop(['owners', 'src/nope.ts'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^coop: No file or folder src\/nope\.ts in .*\n$/)
    const outside = await coop(['owners', '/etc/passwd'])
    expect(outside.stderr).toMatch(/is outside the repository/)
    const badRange = await coop(['blame', 'src/api/server.ts', '--lines', '9-3'])
    expect(badRange.stderr).toBe('coop: --lines takes a range like 10-20, not 9-3\n')
    const notIndexed = await coop(['owners', 'x', '--no-refresh'], suiteTempDir('coop-elsewhere-'))
    expect(notIndexed.stderr).toMatch(/is not indexed yet: run coop index/)
  })
})
