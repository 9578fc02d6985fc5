import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ada, FixtureRepo, grace, linus } from '../helpers/git-fixture'
import { suiteTempDir } from '../helpers/temp-dir'

const ROOT = resolve(import.meta.dirname, '../..')
const RESULTS = join(ROOT, 'test-results')
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage']

let server: ChildProcess
let browser: Browser
let url: string
let repo: FixtureRepo

function serve(dataDir: string): Promise<string> {
  server = spawn(process.execPath, [join(ROOT, 'bin', 'coop.mjs'), 'serve', '--port', '0', '--json'], { env: { ...process.env, COOP_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  return new Promise((resolveUrl, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      try {
        resolveUrl((JSON.parse(out) as { url: string }).url)
      } catch {
        // wait for the whole object
      }
    })
    server.on('exit', (code) => reject(new Error(`coop serve exited with ${code}`)))
  })
}

function run(args: string[], dataDir: string): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'coop.mjs'), ...args], { env: { ...process.env, COOP_DATA_DIR: dataDir }, stdio: 'ignore' })
    child.on('exit', (code) => (code === 0 ? resolveRun() : reject(new Error(`coop ${args.join(' ')} exited with ${code}`))))
  })
}

beforeAll(async () => {
  expect(existsSync(join(ROOT, 'out', 'renderer', 'index.html')), 'build first: npm run build').toBe(true)
  mkdirSync(RESULTS, { recursive: true })
  repo = FixtureRepo.create({ dir: suiteTempDir('coop-explore-repo-') })
  const body = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n') + '\n'
  repo.write('src/api/server.ts', body('server', 30)).write('src/api/routes.ts', body('routes', 10)).write('README.md', '# Demo\n').commit('Start the API', ada)
  repo.write('src/api/server.ts', body('server', 32)).write('src/api/routes.ts', body('routes', 12)).commit('Add health route', grace)
  repo.write('src/api/server.ts', body('server', 33)).write('src/api/routes.ts', body('routes', 13)).commit('Log requests', grace)
  repo.write('CODEOWNERS', '/src/api/ @ada\n').commit('Declare owners', linus)
  const dataDir = suiteTempDir('coop-explore-data-')
  await run(['index', repo.path], dataDir)
  url = await serve(dataDir)
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
})

afterAll(async () => {
  await browser?.close()
  server?.kill('SIGTERM')
})

async function openExplore(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  await page.getByRole('link', { name: 'Explore' }).click()
  await page.getByTestId('explore-tree').waitFor()
  expect(errors).toEqual([])
  return page
}

describe('Explore page in browser mode', () => {
  it('shows the tree with owner badges, and a file’s owners, declared owners, history and coupled files', async () => {
    const page = await openExplore()
    const tree = page.getByTestId('explore-tree')
    await tree.locator('[data-testid="tree-row"][data-path="src"]').click()
    await tree.locator('[data-testid="tree-row"][data-path="src/api"]').click()
    const serverRow = tree.locator('[data-testid="tree-row"][data-path="src/api/server.ts"]')
    await serverRow.click()
    await expect.poll(() => serverRow.getAttribute('aria-selected')).toBe('true')
    // Ada wrote 30 of its 33 lines; Grace made two small commits since: lines and commits weigh half each.
    expect(await serverRow.getByTestId('owner-badge').getAttribute('data-email')).toBe(ada.email)

    const owners = page.getByTestId('owners-section')
    await owners.getByTestId('owner-row').first().waitFor()
    const rows = owners.getByTestId('owner-row')
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-email')))).toEqual([ada.email, grace.email])
    const shares = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-share'))))
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6)
    expect(await owners.getByTestId('bus-factor').getAttribute('data-value')).toBe('1')
    await expect.poll(() => owners.getByTestId('declared-owner').first().getAttribute('data-owner')).toBe('@ada')

    const history = page.getByTestId('history-section').getByTestId('history-entry')
    await expect.poll(() => history.count()).toBe(3)
    expect(await history.first().getAttribute('data-hash')).toBe(repo.git('log', '-1', '--format=%H', '--', 'src/api/server.ts'))

    const coupled = page.getByTestId('coupling-section').getByTestId('coupled-file')
    await expect.poll(() => coupled.first().getAttribute('data-path')).toBe('src/api/routes.ts')
    expect(await coupled.first().getAttribute('data-confidence')).toBe('1')

    await page.screenshot({ path: join(RESULTS, 'explore.png'), fullPage: true })
    await page.close()
  })

  it('shows the line history of a range and ranks hotspots', async () => {
    const page = await openExplore()
    const tree = page.getByTestId('explore-tree')
    await tree.locator('[data-testid="tree-row"][data-path="src"]').click()
    await tree.locator('[data-testid="tree-row"][data-path="src/api"]').click()
    await tree.locator('[data-testid="tree-row"][data-path="src/api/routes.ts"]').click()
    const blame = page.getByTestId('blame-section')
    await blame.getByTestId('blame-from').fill('1')
    await blame.getByTestId('blame-to').fill('13')
    await blame.getByTestId('blame-show').click()
    await expect.poll(() => blame.getByTestId('blame-commit').count()).toBe(3)

    await page.getByTestId('explore-tab-hotspots').click()
    const view = page.getByTestId('hotspots-view')
    await view.waitFor()
    // The fixture's commits are dated January 2025: the 24-month window holds them.
    await view.locator('input[value="24.months"]').check({ force: true })
    const spots = view.getByTestId('hotspot-row')
    await expect.poll(() => spots.count()).toBe(4)
    expect(await spots.first().getAttribute('data-path')).toBe('src/api/server.ts')
    await page.screenshot({ path: join(RESULTS, 'explore-hotspots.png'), fullPage: true })
    await page.close()
  })
})
