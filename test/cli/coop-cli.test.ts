import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/io'
import { runCli } from '../../src/cli/run-cli'
import { COMMITS_PER_TRANSACTION } from '../../src/core/indexing/index-history'
import { runCoop } from '../helpers/run-coop'
import { ada, FixtureRepo, generateHistory, grace } from '../helpers/git-fixture'
import { tempDir } from '../helpers/temp-dir'

const execFileAsync = promisify(execFile)
const ROOT = resolve(import.meta.dirname, '../..')
const BIN = join(ROOT, 'bin', 'coop.mjs')

/** Runs `coop` in-process with captured output. */
/** Runs `coop` in-process with captured output. */
function coop(args: string[], options: { tty?: boolean; cwd?: string } = {}) {
  return runCoop(args, { ...(options.cwd ? { cwd: options.cwd } : {}), stderrTty: options.tty ?? false })
}

function repoWithHistory(): FixtureRepo {
  const repo = FixtureRepo.create()
  repo.write('README.md', 'hello\n').commit('Add readme', ada)
  repo.write('src/main.ts', 'main()\n').commit('Add main', grace)
  repo.write('src/main.ts', 'main(1)\n').commit('Tweak main', ada)
  return repo
}

describe('coop index', () => {
  it('prints the contract JSON fields, equal to what git says', async () => {
    const repo = repoWithHistory()
    const dataDir = tempDir()
    const { code, stdout, stderr } = await coop(['--data-dir', dataDir, 'index', repo.path, '--json'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const result = JSON.parse(stdout)
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['repoId', 'path', 'head', 'commits', 'commitsAdded', 'files', 'people', 'durationMs']))
    expect(result).toMatchObject({ path: repo.path, head: repo.head(), commitsAdded: 3, ...repo.expectedCounts() })
    expect(result.commits).toBe(Number(repo.git('rev-list', '--count', 'HEAD')))
  })

  it('is incremental: nothing new, then exactly one new commit', async () => {
    const repo = repoWithHistory()
    const dataDir = tempDir()
    await coop(['--data-dir', dataDir, 'index', repo.path])
    const again = JSON.parse((await coop(['--data-dir', dataDir, 'index', repo.path, '--json'])).stdout)
    expect(again.commitsAdded).toBe(0)
    repo.write('new.txt', 'n\n').commit('One more', grace)
    const third = JSON.parse((await coop(['--data-dir', dataDir, 'index', repo.path, '--json'])).stdout)
    expect(third).toMatchObject({ commitsAdded: 1, commits: 4 })
  })

  it('resolves a relative path against the working directory and prints a readable summary', async () => {
    const repo = repoWithHistory()
    const { code, stdout } = await coop(['--data-dir', tempDir(), 'index', '.'], { cwd: join(repo.path, 'src') })
    expect(code).toBe(0)
    expect(stdout).toMatch(new RegExp(`^Indexed ${repo.path}: 3 commits \\(\\+3 new\\), 2 files, 2 people in \\d+`))
  })

  it('draws a progress bar on a terminal and clears it at the end', async () => {
    const repo = FixtureRepo.create()
    generateHistory(repo, 1200)
    const { stderr } = await coop(['--data-dir', tempDir(), 'index', repo.path], { tty: true })
    expect(stderr).toContain('Indexing')
    expect(stderr).toMatch(/\[█+░*\] +\d+% [\d,]+\/1,200 commits/)
    expect(stderr.endsWith('\r\x1b[K')).toBe(true)
  })

  it('fails with one clear line and a non-zero exit for bad paths, keeping what was indexed', async () => {
    const repo = repoWithHistory()
    const dataDir = tempDir()
    await coop(['--data-dir', dataDir, 'index', repo.path])
    const notRepo = tempDir()
    const empty = FixtureRepo.create()
    const cases: [string, string][] = [
      [notRepo, `coop: Not a git repository: ${notRepo} (choose the folder that contains .git)\n`],
      [empty.path, `coop: Repository has no commits yet: ${empty.path} (commit something, then index it again)\n`],
      ['/nonexistent/coop-repo', 'coop: Path does not exist: /nonexistent/coop-repo\n'],
    ]
    for (const [path, message] of cases) {
      const { code, stderr, stdout } = await coop(['--data-dir', dataDir, 'index', path])
      expect(code).toBe(1)
      expect(stderr).toBe(message)
      expect(stdout).toBe('')
    }
    const failedJson = await coop(['--data-dir', dataDir, 'index', '/nonexistent/coop-repo', '--json'])
    expect(JSON.parse(failedJson.stdout)).toEqual({ error: { code: 'path_missing', message: 'Path does not exist: /nonexistent/coop-repo' } })
    const repos = JSON.parse((await coop(['--data-dir', dataDir, 'repos', '--json'])).stdout)
    expect(repos).toMatchObject([{ path: repo.path, commits: 3 }])
  })

  it('answers usage mistakes with exit code 2', async () => {
    const { code, stderr } = await coop(['index'])
    expect(code).toBe(2)
    expect(stderr).toContain("missing required argument 'path'")
    expect((await coop(['frobnicate'])).code).toBe(2)
  })
})

describe('coop repos and coop remove', () => {
  it('lists repositories with counts and last indexed time, as a table and as JSON', async () => {
    const repo = repoWithHistory()
    const dataDir = tempDir()
    expect((await coop(['--data-dir', dataDir, 'repos'])).stdout).toBe('No repositories yet. Add one with: coop index <path>\n')
    await coop(['--data-dir', dataDir, 'index', repo.path])
    const table = (await coop(['--data-dir', dataDir, 'repos'])).stdout
    expect(table).toMatch(/^ID\s+NAME\s+COMMITS\s+FILES\s+PEOPLE\s+INDEXED\s+PATH\n/)
    expect(table).toContain(repo.path)
    const [listed] = JSON.parse((await coop(['--data-dir', dataDir, 'repos', '--json'])).stdout)
    expect(listed).toMatchObject({ path: repo.path, head: repo.head(), commits: 3, files: 2, people: 2 })
    expect(Date.parse(listed.lastIndexedAt)).toBeGreaterThan(Date.now() - 60_000)

    const removed = await coop(['--data-dir', dataDir, 'remove', repo.path, '--json'])
    expect(JSON.parse(removed.stdout)).toMatchObject({ removed: true, path: repo.path })
    expect(JSON.parse((await coop(['--data-dir', dataDir, 'repos', '--json'])).stdout)).toEqual([])
    expect((await coop(['--data-dir', dataDir, 'remove', '42'])).code).toBe(1)
  })

  it('uses COOP_DATA_DIR when no --data-dir is given', async () => {
    const dataDir = tempDir()
    const io: CliIo = { stdout: { write: () => true }, stderr: { write: () => true }, env: { COOP_DATA_DIR: dataDir }, cwd: process.cwd() }
    await runCli(['index', repoWithHistory().path], io)
    expect(existsSync(join(dataDir, 'coop.db'))).toBe(true)
  })
})

describe('the installed command', () => {
  it('runs as `npx coop` from the project after npm install', async () => {
    expect(existsSync(join(ROOT, 'out', 'cli', 'coop.mjs')), 'build first: npm run build').toBe(true)
    const repo = repoWithHistory()
    const dataDir = tempDir()
    const { stdout } = await execFileAsync('npx', ['--no-install', 'coop', 'index', repo.path, '--json'], {
      cwd: ROOT,
      env: { ...process.env, COOP_DATA_DIR: dataDir },
    })
    expect(JSON.parse(stdout)).toMatchObject({ commits: 3 })
    const version = await execFileAsync(process.execPath, [BIN, '--version'])
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('exits quietly when the reader of its output goes away (coop files | head)', async () => {
    const repo = FixtureRepo.create()
    for (let i = 0; i < 1500; i++) repo.write(`src/module-${i}/file-${i}.ts`, `export const n = ${i}\n`)
    repo.commit('Many files', ada)
    const env = { ...process.env, COOP_DATA_DIR: tempDir() }
    await execFileAsync(process.execPath, [BIN, 'index', repo.path], { env })
    const child = spawn(process.execPath, [BIN, 'files', '--repo', repo.path, '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    // Like `head`: read a little, then close the pipe while coop is still writing.
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((done) => child.on('close', done))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })

  it('survives being killed mid-index: the database stays consistent and the next run completes', async () => {
    const repo = FixtureRepo.create()
    generateHistory(repo, 12_000)
    const dataDir = tempDir()
    const child = spawn(process.execPath, [BIN, 'index', repo.path, '--json'], { env: { ...process.env, COOP_DATA_DIR: dataDir }, stdio: 'ignore' })
    const exited = new Promise((resolveExit) => child.on('exit', resolveExit))
    // Kill as soon as the first page is committed: a real crash, not a polite cancel.
    const dbFile = join(dataDir, 'coop.db')
    let stored = 0
    for (let i = 0; i < 600 && stored === 0; i++) {
      await new Promise((r) => setTimeout(r, 10))
      if (!existsSync(dbFile)) continue
      try {
        const db = new Database(dbFile, { readonly: true, fileMustExist: true })
        stored = (db.prepare('SELECT COUNT(*) AS n FROM commits').get() as { n: number }).n
        db.close()
      } catch {
        // The schema may not exist yet while the child migrates.
      }
    }
    child.kill('SIGKILL')
    await exited
    expect(stored).toBeGreaterThan(0)

    const db = new Database(dbFile)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const partial = (db.prepare('SELECT COUNT(*) AS n FROM commits').get() as { n: number }).n
    db.close()
    expect(partial % COMMITS_PER_TRANSACTION).toBe(0)
    expect(partial).toBeLessThan(12_000)

    const { stdout } = await execFileAsync(process.execPath, [BIN, 'index', repo.path, '--json'], { env: { ...process.env, COOP_DATA_DIR: dataDir } })
    const result = JSON.parse(stdout)
    expect(result.commits).toBe(12_000)
    expect(result.commitsAdded).toBe(12_000 - partial)
  })
})
