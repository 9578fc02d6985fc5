import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserApp, RESULTS, type BrowserApp } from '../helpers/browser-app'
import { ada, FixtureRepo, generateHistory, grace, linus } from '../helpers/git-fixture'
import { suiteTempDir, tempDir } from '../helpers/temp-dir'

let app: BrowserApp
let url: string

beforeAll(async () => {
  app = await startBrowserApp(suiteTempDir('coop-browser-data-'))
  url = app.url
})

afterAll(async () => {
  await app?.close()
})

async function openApp(): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } })
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  await page.goto(url)
  await page.getByRole('heading', { name: 'Repositories', exact: true }).waitFor()
  expect(problems).toEqual([])
  return page
}

describe('Repositories page in browser mode', () => {
  it('adds a repository by path, shows indexing progress, and shows the counts git reports', async () => {
    const repo = FixtureRepo.create()
    generateHistory(repo, 4000)
    repo.write('docs/guide.md', '# Guide\n').commit('Write the guide', grace)
    repo.write('src/new.ts', 'export {}\n').commit('Add new module', linus, ada)
    const expected = repo.expectedCounts()

    const page = await openApp()
    // The launch token leaves the address bar once the app has it.
    expect(page.url()).not.toContain('token=')

    // Remember whether a progress bar was ever on screen: indexing may finish between two polls.
    // (A string, because this runs in the page and the test is type-checked without DOM types.)
    await page.evaluate(`
      window.sawProgress = false
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="repo-progress"]')) window.sawProgress = true
      }).observe(document.body, { subtree: true, childList: true, attributes: true })
    `)

    await page.getByLabel('Repository path').fill(repo.path)
    await page.getByRole('button', { name: 'Add', exact: true }).click()

    const row = page.locator(`[data-testid="repo-row"][data-repo-path="${repo.path}"]`)
    await row.waitFor()
    await expect.poll(() => row.locator('[data-testid="repo-commits"]').getAttribute('data-value'), { timeout: 60_000 }).toBe(String(expected.commits))
    await expect.poll(() => row.locator('[data-testid="repo-state"]').getAttribute('data-state')).toBe('idle')
    expect(await row.locator('[data-testid="repo-files"]').getAttribute('data-value')).toBe(String(expected.files))
    expect(await row.locator('[data-testid="repo-people"]').getAttribute('data-value')).toBe(String(expected.people))
    expect(await page.evaluate('window.sawProgress')).toBe(true)
    expect(await row.textContent()).toContain((4002).toLocaleString('en-US'))

    await page.screenshot({ path: join(RESULTS, 'repositories.png'), fullPage: true })

    // A reload keeps the session (the token is kept for the tab) and the list.
    await page.reload()
    await page.locator(`[data-testid="repo-row"][data-repo-path="${repo.path}"]`).waitFor()
    await page.close()
  })

  it('explains a path that is not a git repository, inline', async () => {
    const page = await openApp()
    const notRepo = tempDir('coop-not-a-repo-')
    await page.getByLabel('Repository path').fill(notRepo)
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(`Not a git repository: ${notRepo}`)
    await page.screenshot({ path: join(RESULTS, 'repositories-error.png') })
    await page.close()
  })

  it('refuses the page without the launch token', async () => {
    const page = await app.browser.newPage()
    const response = await page.goto(new URL('/', url).href)
    expect(response?.status()).toBe(401)
    await page.close()
  })
})
