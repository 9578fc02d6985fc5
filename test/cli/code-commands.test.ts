import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ada, FixtureRepo } from '../helpers/git-fixture'
import { tempDir } from '../helpers/temp-dir'

const execFileAsync = promisify(execFile)
const BIN = join(resolve(import.meta.dirname, '../..'), 'bin', 'coop.mjs')

/** The built `coop` command, as a user runs it: its parse workers are the ones the build ships. */
async function coop(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, [BIN, ...args], { env, cwd })
  return stdout
}

describe('coop deps, impact, symbols and refs', () => {
  it('answer from the built command, as JSON and as text', async () => {
    const repo = FixtureRepo.create()
    repo
      .write('src/util.ts', 'export function slugify(text: string): string {\n  return text.toLowerCase()\n}\n')
      .write('src/page.ts', "import { slugify } from './util'\nimport chalk from 'chalk'\n\nexport const title = slugify('Hello')\n")
      .write('src/page.test.ts', "import { title } from './page'\n\nif (title !== 'hello') throw new Error('no')\n")
      .commit('Pages', ada)
    const env = { ...process.env, COOP_DATA_DIR: tempDir('coop-data-') }
    await coop(['index', repo.path], env)

    const deps = JSON.parse(await coop(['deps', 'src/page.ts', '--json'], env, repo.path))
    expect(deps).toMatchObject({ path: 'src/page.ts', direction: 'imports', files: [{ path: 'src/util.ts', depth: 1 }], external: [{ name: 'chalk', ecosystem: 'npm' }] })
    const reverse = JSON.parse(await coop(['deps', 'src/util.ts', '--reverse', '--depth', '2', '--repo', repo.path, '--json'], env))
    expect(reverse.files).toEqual([
      { path: 'src/page.ts', depth: 1 },
      { path: 'src/page.test.ts', depth: 2 },
    ])
    expect(await coop(['deps', 'src/page.ts'], env, repo.path)).toContain('chalk (npm)')

    const impact = JSON.parse(await coop(['impact', 'src/util.ts', '--json'], env, repo.path))
    expect(impact.tests).toEqual([{ path: 'src/page.test.ts', why: 'imports src/page.ts, which depends on src/util.ts (2 steps)' }])
    expect(impact.notify).toMatchObject([{ email: ada.email }])
    expect(await coop(['impact', 'src/util.ts'], env, repo.path)).toContain('people to tell:')

    expect(JSON.parse(await coop(['symbols', 'slugify', '--json'], env, repo.path))).toMatchObject([{ path: 'src/util.ts', kind: 'function', startLine: 1, endLine: 3 }])
    const refs = JSON.parse(await coop(['refs', 'slugify', '--json'], env, repo.path))
    expect(refs).toMatchObject([{ path: 'src/page.ts', importsDefinition: true }])
    expect(refs[0].lines).toContain(4)
  })
})
