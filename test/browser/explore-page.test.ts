import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RESULTS, runCoop, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { ada, FixtureRepo, grace, linus } from '../helpers/git-fixture'
import { suiteTempDir } from '../helpers/temp-dir'

let app: BrowserApp
let repo: FixtureRepo

beforeAll(async () => {
  repo = FixtureRepo.create({ dir: suiteTempDir('coop-explore-repo-') })
  const body = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n') + '\n'
  repo.write('src/api/server.ts', body('server', 30)).write('src/api/routes.ts', body('routes', 10)).write('README.md', '# Demo\n').commit('Start the API', ada)
  repo.write('src/api/server.ts', body('server', 32)).write('src/api/routes.ts', body('routes', 12)).commit('Add health route', grace)
  repo.write('src/api/server.ts', body('server', 33)).write('src/api/routes.ts', body('routes', 13)).commit('Log requests', grace)
  repo.write('CODEOWNERS', '/src/api/ @ada\n').commit('Declare owners', linus)
  const dataDir = suiteTempDir('coop-explore-data-')
  await runCoop(['index', repo.path], dataDir)
  app = await startBrowserApp(dataDir)
})

afterAll(async () => {
  await app?.close()
})

async function openExplore(): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(app.url)
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
