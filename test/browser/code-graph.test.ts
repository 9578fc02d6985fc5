import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RESULTS, runCoop, startBrowserApp, type BrowserApp } from '../helpers/browser-app'
import { ada, FixtureRepo, grace, linus } from '../helpers/git-fixture'
import { suiteTempDir } from '../helpers/temp-dir'

let app: BrowserApp

/** Spokes that all import one hub: more nodes than the graph draws. */
const SPOKES = 230

/**
 * A small TypeScript project with a known import graph around src/service.ts:
 *   main.ts → app.ts → service.ts → lib/math.ts, lib/format.ts (→ lib/math.ts), express, ./missing
 *   cli.ts → service.ts;  test/service.test.ts → service.ts
 */
beforeAll(async () => {
  const repo = FixtureRepo.create({ dir: suiteTempDir('coop-graph-repo-') })
  const service = (n: number) =>
    [
      "import { add } from './lib/math'",
      "import { money } from './lib/format'",
      "import express from 'express'",
      "import { gone } from './missing'",
      '',
      'export class Service {',
      `  total(): string {\n    return money(add(${n}, 2))\n  }`,
      '}',
      '',
    ].join('\n')
  repo
    .write('src/lib/math.ts', 'export function add(a: number, b: number): number {\n  return a + b\n}\n')
    .write('src/lib/format.ts', "import { add } from './math'\n\nexport const money = (n: number) => `$${add(n, 0)}`\n")
    .write('src/service.ts', service(1))
    .write('README.md', '# Shop\n')
    .commit('Start the service', ada)
  repo
    .write('src/app.ts', "import { Service } from './service'\n\nexport const app = new Service()\n")
    .write('src/main.ts', "import { app } from './app'\n\nconsole.log(app.total())\n")
    .write('src/cli.ts', "import { Service } from './service'\n\nnew Service().total()\n")
    .commit('Add the entry points', grace)
  repo
    .write('src/service.ts', service(3))
    .write('test/service.test.ts', "import { Service } from '../src/service'\n\nnew Service().total()\n")
    .commit('Test the service', linus)
  repo
    .write('src/service.ts', service(4))
    .write('test/service.test.ts', "import { Service } from '../src/service'\n\nconsole.assert(new Service().total() === '$6')\n")
    .commit('Check the total', linus)
  repo.write('hub/hub.ts', 'export const hub = 1\n')
  for (let i = 0; i < SPOKES; i++) repo.write(`hub/spokes/s${String(i).padStart(3, '0')}.ts`, `import { hub } from '../hub'\n\nexport const s${i} = hub + ${i}\n`)
  repo.commit('Add the hub', ada)
  const dataDir = suiteTempDir('coop-graph-data-')
  await runCoop(['index', repo.path], dataDir)
  app = await startBrowserApp(dataDir)
})

afterAll(async () => {
  await app?.close()
})

async function openFile(path: string): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(app.url)
  await page.getByRole('link', { name: 'Explore' }).click()
  const tree = page.getByTestId('explore-tree')
  await tree.waitFor()
  const parts = path.split('/')
  for (let i = 1; i <= parts.length; i++) await tree.locator(`[data-testid="tree-row"][data-path="${parts.slice(0, i).join('/')}"]`).click()
  await expect.poll(() => page.getByTestId('explore-details').getAttribute('data-path')).toBe(path)
  expect(errors).toEqual([])
  return page
}

/** Every drawn node as "column path-or-package", sorted: what a user sees left to right. */
async function drawnNodes(graph: Locator): Promise<string[]> {
  const nodes = await graph.getByTestId('graph-node').evaluateAll((els) =>
    els.map((el) => `${el.getAttribute('data-column')} ${el.getAttribute('data-path') ?? `pkg:${el.getAttribute('data-package')}`}`),
  )
  return nodes.sort()
}

const node = (graph: Locator, path: string) => graph.locator(`[data-testid="graph-node"][data-path="${path}"]`)

describe('Dependency graph and impact in browser mode', () => {
  it('draws a file among its imports and dependents, and grows when a node is expanded', async () => {
    const page = await openFile('src/service.ts')
    const section = page.getByTestId('deps-section')
    const graph = section.getByTestId('dep-graph')
    await graph.waitFor()
    expect(await section.getByTestId('deps-imports').getAttribute('data-files')).toBe('2')
    expect(await section.getByTestId('deps-imports').getAttribute('data-packages')).toBe('1')
    expect(await section.getByTestId('deps-dependents').getAttribute('data-value')).toBe('3')
    expect(await drawnNodes(graph)).toEqual(['-1 src/app.ts', '-1 src/cli.ts', '-1 test/service.test.ts', '0 src/service.ts', '1 pkg:express', '1 src/lib/format.ts', '1 src/lib/math.ts'].sort())
    // Dependents are drawn left of the file, imports right; the package has its own shape.
    const x = async (path: string) => (await node(graph, path).boundingBox())?.x ?? NaN
    expect(await x('src/app.ts')).toBeLessThan(await x('src/service.ts'))
    expect(await x('src/lib/math.ts')).toBeGreaterThan(await x('src/service.ts'))
    const express = graph.locator('[data-testid="graph-node"][data-package="express"]')
    expect(await express.getAttribute('data-kind')).toBe('external')
    expect(await express.getAttribute('aria-label')).toMatch(/express, npm package outside the repository/)
    expect(await node(graph, 'src/service.ts').getAttribute('aria-label')).toBe('src/service.ts, the selected file: 3 imports and 3 dependents in the graph')
    // The unresolved import is listed with its reason, never drawn.
    const unresolved = graph.getByTestId('unresolved-import')
    expect(await unresolved.evaluateAll((els) => els.map((el) => el.getAttribute('data-specifier')))).toEqual(['./missing'])
    expect((await unresolved.first().locator('.graph-unresolved-reason').textContent())?.trim()).not.toBe('')
    expect(await graph.locator('[data-testid="graph-edge"][data-to*="missing"]').count()).toBe(0)
    await page.screenshot({ path: join(RESULTS, 'code-graph.png'), fullPage: true })
    await section.screenshot({ path: join(RESULTS, 'code-graph-section.png') })

    // Expanding app.ts adds what imports it (main.ts), one column further left.
    const appNode = node(graph, 'src/app.ts')
    expect(await appNode.getAttribute('aria-expanded')).toBe('false')
    await appNode.click()
    await expect.poll(() => node(graph, 'src/main.ts').count()).toBe(1)
    expect(await node(graph, 'src/main.ts').getAttribute('data-column')).toBe('-2')
    expect(await appNode.getAttribute('aria-expanded')).toBe('true')
    expect(await graph.locator(`[data-testid="graph-edge"][data-from="file:src/main.ts"][data-to="file:src/app.ts"]`).count()).toBe(1)
    // And with the keyboard: Enter on format.ts links it to math.ts, which was already drawn.
    await node(graph, 'src/lib/format.ts').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => graph.locator(`[data-testid="graph-edge"][data-from="file:src/lib/format.ts"][data-to="file:src/lib/math.ts"]`).count()).toBe(1)
    expect(await node(graph, 'src/lib/format.ts').getAttribute('aria-expanded')).toBe('true')
    // Arrow keys move between nodes: Home is the selected file, Right its nearest import.
    await page.keyboard.press('Home')
    expect(await page.locator(':focus').getAttribute('data-path')).toBe('src/service.ts')
    await page.keyboard.press('ArrowRight')
    expect(await page.locator(':focus').getAttribute('data-column')).toBe('1')
    await section.screenshot({ path: join(RESULTS, 'code-graph-expanded.png') })
    await page.close()
  })

  it('zooms with the buttons and the wheel, and colours by folder or by owner with a legend', async () => {
    const page = await openFile('src/service.ts')
    const graph = page.getByTestId('dep-graph')
    await graph.waitFor()
    const svg = graph.getByTestId('dep-graph-svg')
    const viewBox = () => svg.getAttribute('viewBox')
    const scale = async () => Number(await svg.getAttribute('data-scale'))
    const fitted = await viewBox()
    const fittedScale = await scale()
    await graph.getByTestId('graph-zoom-in').click()
    expect(await scale()).toBeCloseTo(fittedScale * 1.25, 6)
    expect(await viewBox()).not.toBe(fitted)
    await graph.getByTestId('graph-zoom-out').click()
    await graph.getByTestId('graph-zoom-out').click()
    expect(await scale()).toBeCloseTo(fittedScale / 1.25, 6)
    await graph.getByTestId('graph-zoom-reset').click()
    expect(await viewBox()).toBe(fitted)
    const box = await svg.boundingBox()
    if (!box) throw new Error('the graph is not on screen')
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.wheel(0, -200)
    await expect.poll(scale).toBeGreaterThan(fittedScale)
    await graph.getByTestId('graph-zoom-reset').click()

    const legend = graph.getByTestId('graph-legend')
    const labels = () => legend.getByTestId('legend-entry').evaluateAll((els) => els.map((el) => el.getAttribute('data-label')))
    expect(await legend.getAttribute('data-mode')).toBe('folder')
    expect(await labels()).toEqual(['src/', 'test/', 'Package outside the repository'])
    // Both src/ files share one colour; test/ has another.
    const colour = (path: string) => node(graph, path).getAttribute('data-colour')
    expect(await colour('src/app.ts')).toBe(await colour('src/lib/math.ts'))
    expect(await colour('test/service.test.ts')).not.toBe(await colour('src/app.ts'))

    await graph.getByTestId('graph-colour-owner').click()
    expect(await legend.getAttribute('data-mode')).toBe('owner')
    // Ada wrote service.ts and lib/; Grace the entry points; Linus the test.
    await expect.poll(labels).toEqual(['Ada Lovelace', 'Grace Hopper', 'Linus T', 'Package outside the repository'])
    const counts = await legend.getByTestId('legend-entry').evaluateAll((els) => els.map((el) => el.querySelector('.graph-legend-count')?.textContent))
    expect(counts).toEqual(['3', '2', '1', '1'])
    expect(await colour('src/cli.ts')).toBe(await colour('src/app.ts'))
    expect(await colour('src/cli.ts')).not.toBe(await colour('src/service.ts'))
    await page.screenshot({ path: join(RESULTS, 'code-graph-owners.png'), fullPage: true })
    await page.close()
  })

  it('opens a node in the tree', async () => {
    const page = await openFile('src/service.ts')
    const graph = page.getByTestId('dep-graph')
    await node(graph, 'src/lib/math.ts').click()
    await expect.poll(() => graph.getByTestId('graph-focus').getAttribute('data-id')).toBe('file:src/lib/math.ts')
    await graph.getByTestId('graph-open').click()
    await expect.poll(() => page.getByTestId('explore-details').getAttribute('data-path')).toBe('src/lib/math.ts')
    const row = page.getByTestId('explore-tree').locator('[data-testid="tree-row"][data-path="src/lib/math.ts"]')
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true')
    expect(page.url()).toContain('path=src/lib/math.ts')
    // The graph is now centred on math.ts: service.ts and format.ts import it.
    const centred = page.getByTestId('dep-graph')
    await expect.poll(() => drawnNodes(centred)).toEqual(['-1 src/lib/format.ts', '-1 src/service.ts', '0 src/lib/math.ts'])
    await page.close()
  })

  it('lists what a change may touch, each with the reason', async () => {
    const page = await openFile('src/service.ts')
    const impact = page.getByTestId('impact-section')
    const dependents = impact.getByTestId('impact-dependents').getByTestId('impact-item')
    await expect.poll(() => dependents.count()).toBe(4)
    const rows = (items: Locator) =>
      items.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-path') ?? el.getAttribute('data-email')} — ${[...el.querySelectorAll('[data-testid="impact-why"]')].map((why) => why.textContent).join('; ')}`))
    expect((await rows(dependents)).sort()).toEqual([
      'src/app.ts — imports src/service.ts',
      'src/cli.ts — imports src/service.ts',
      'src/main.ts — imports src/app.ts, which depends on src/service.ts (2 steps)',
      'test/service.test.ts — imports src/service.ts',
    ])
    expect(await rows(impact.getByTestId('impact-tests').getByTestId('impact-item'))).toEqual(['test/service.test.ts — imports src/service.ts'])
    const people = await rows(impact.getByTestId('impact-people').getByTestId('impact-person'))
    expect(people.find((p) => p.startsWith(ada.email))).toMatch(/owns \d+% of src\/service\.ts/)
    expect(people.find((p) => p.startsWith(grace.email))).toMatch(/leading owner of src\/(app|cli)\.ts, which imports it/)
    expect(people.find((p) => p.startsWith(linus.email))).toMatch(/leading owner of test\/service\.test\.ts, which imports it/)
    // The test changed in two of service.ts's three commits.
    expect(await rows(impact.getByTestId('impact-coupled').getByTestId('impact-item'))).toEqual([
      "test/service.test.ts — changed together in 2 commits (67% of src/service.ts's)",
    ])
    await impact.scrollIntoViewIfNeeded()
    await impact.screenshot({ path: join(RESULTS, 'code-impact.png') })

    // Empty sections say so: nothing imports main.ts.
    await page.getByTestId('explore-tree').locator('[data-testid="tree-row"][data-path="src/main.ts"]').click()
    const mainDependents = page.getByTestId('impact-section').getByTestId('impact-dependents')
    await expect.poll(() => mainDependents.getByTestId('impact-empty').textContent()).toBe('No file of the repository imports it.')
    await page.close()
  })

  it('says calmly when a file is not code, and caps a large graph', async () => {
    const page = await openFile('README.md')
    const note = page.getByTestId('deps-section').getByTestId('code-unavailable')
    await expect.poll(() => note.textContent()).toMatch(/README\.md is not source code Coop parses/)
    expect(await page.getByTestId('deps-section').getByTestId('section-error').count()).toBe(0)
    await expect.poll(() => page.getByTestId('impact-section').getByTestId('code-unavailable').count()).toBe(1)
    await page.close()

    const hub = await openFile('hub/hub.ts')
    const graph = hub.getByTestId('dep-graph')
    await graph.waitFor()
    expect(await graph.getAttribute('data-nodes')).toBe(String(SPOKES + 1))
    expect(await graph.getByTestId('graph-node').count()).toBe(200)
    expect(await graph.getByTestId('graph-more').getAttribute('data-hidden')).toBe(String(SPOKES + 1 - 200))
    // Big graphs open legibly around the file rather than shrunk to fit.
    expect(Number(await graph.getByTestId('dep-graph-svg').getAttribute('data-scale'))).toBeGreaterThanOrEqual(0.45)
    const started = Date.now()
    await graph.getByTestId('graph-zoom-in').click()
    await graph.getByTestId('graph-colour-owner').click()
    await expect.poll(() => graph.getByTestId('graph-legend').getAttribute('data-mode')).toBe('owner')
    expect(Date.now() - started).toBeLessThan(3000)
    await hub.getByTestId('deps-section').screenshot({ path: join(RESULTS, 'code-graph-large.png') })
    // The impact lists stay short too: 20 dependents and 3 reasons until asked for the rest.
    const impact = hub.getByTestId('impact-section')
    await expect.poll(() => impact.getByTestId('impact-dependents').getAttribute('data-count')).toBe(String(SPOKES))
    expect(await impact.getByTestId('impact-dependents').getByTestId('impact-item').count()).toBe(20)
    const owner = impact.getByTestId('impact-people').locator(`[data-email="${ada.email}"]`)
    expect(await owner.getByTestId('impact-why').count()).toBe(3)
    await owner.getByTestId('impact-more-reasons').click()
    expect(await owner.getByTestId('impact-why').count()).toBe(SPOKES + 1)
    await hub.close()
  })

  it('finds where a symbol is defined and used, opens a use, and keeps the search across a reload', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(app.url)
    await page.getByRole('link', { name: 'Explore' }).click()
    await page.getByTestId('explore-tab-symbols').click()
    await page.getByTestId('symbols-intro').waitFor()
    // Typing searches once it pauses; Enter searches at once.
    await page.getByTestId('symbol-search').fill('total')
    await page.getByTestId('symbol-search').press('Enter')

    const definitions = page.getByTestId('symbol-definitions').getByTestId('symbol-definition')
    await expect.poll(() => definitions.count()).toBe(1)
    const definition = definitions.first()
    expect(await definition.getAttribute('data-kind')).toBe('method')
    expect(await definition.getAttribute('data-exported')).toBe('true')
    expect((await definition.getByTestId('symbol-kind').textContent())?.trim()).toBe('method')
    expect(await definition.innerText()).toMatch(/total\s+in Service/)
    expect((await definition.getByTestId('symbol-where').textContent())?.trim()).toBe('src/service.ts:7–9')

    // Used in: the files importing service.ts first, then main.ts (it calls app.total(), importing only app.ts).
    const uses = page.getByTestId('symbol-uses')
    const rows = () => uses.getByTestId('symbol-use').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-path')} ${el.getAttribute('data-lines')} ${el.getAttribute('data-imports-definition')}`))
    await expect.poll(rows).toEqual(['src/cli.ts 3 true', 'test/service.test.ts 3 true', 'src/main.ts 3 false'])
    expect(await uses.getByTestId('symbol-use-lines').allTextContents()).toEqual(['line 3', 'line 3', 'line 3'])
    expect((await uses.getByTestId('symbol-use-counts').textContent())?.replace(/\s+/g, ' ').trim()).toBe('3 files · 3 lines · 2 import a definition')
    expect(page.url()).toContain('view=symbols&name=total')
    await page.screenshot({ path: join(RESULTS, 'code-symbols.png'), fullPage: true })

    // A reload comes back to the same search.
    await page.reload()
    await expect.poll(() => page.getByTestId('symbol-search').inputValue()).toBe('total')
    await expect.poll(rows).toEqual(['src/cli.ts 3 true', 'test/service.test.ts 3 true', 'src/main.ts 3 false'])
    expect(await page.getByTestId('explore-tab-symbols').getAttribute('aria-selected')).toBe('true')

    // Choosing a use opens that file in the tree, with its owners.
    await uses.locator('[data-testid="symbol-use"][data-path="src/main.ts"] button').click()
    await expect.poll(() => page.getByTestId('explore-details').getAttribute('data-path')).toBe('src/main.ts')
    const row = page.getByTestId('explore-tree').locator('[data-testid="tree-row"][data-path="src/main.ts"]')
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true')
    await page.getByTestId('owners-section').waitFor()
    expect(page.url()).toContain('path=src/main.ts')
    // Back on the Symbols tab, the search is still there.
    await page.getByTestId('explore-tab-symbols').click()
    await expect.poll(rows).toEqual(['src/cli.ts 3 true', 'test/service.test.ts 3 true', 'src/main.ts 3 false'])
    expect(errors).toEqual([])
    await page.close()
  })

  it('matches a name ignoring case, says what to do when nothing is defined, and virtualises a long list', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(app.url)
    await page.getByRole('link', { name: 'Explore' }).click()
    await page.getByTestId('explore-tab-symbols').click()
    const search = page.getByTestId('symbol-search')

    // `service` is defined only as `Service`; its uses are looked up under that spelling.
    await search.fill('service')
    await expect.poll(() => page.getByTestId('symbol-case-note').count()).toBe(1)
    expect(await page.getByTestId('symbol-definition').getAttribute('data-name')).toBe('Service')
    await expect.poll(() => page.getByTestId('symbol-use').evaluateAll((els) => els.map((el) => el.getAttribute('data-path')))).toEqual(['src/app.ts', 'src/cli.ts', 'test/service.test.ts'])

    await search.fill('nowhere')
    await search.press('Enter')
    await expect.poll(() => page.getByTestId('symbols-empty').textContent()).toMatch(/No symbol named nowhere is defined in this repository.*Indexing parses TS\/JS, Python, Go, Java, Rust, Ruby, C#, C\/C\+\+/)
    expect(await page.getByTestId('symbol-uses-empty').count()).toBe(1)

    // 230 spokes use `hub`: the answer stops at 200 files, and only the rows in view are rendered.
    await search.fill('hub')
    await search.press('Enter')
    const list = page.getByTestId('symbol-use-list')
    await expect.poll(() => page.getByTestId('symbol-use-counts').getAttribute('data-files')).toBe('200')
    expect(await list.getAttribute('data-virtual')).toBe('true')
    expect(await page.getByTestId('symbol-uses-capped').count()).toBe(1)
    expect(await list.getByTestId('symbol-use').count()).toBeLessThan(40)
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    await expect.poll(() => list.getByTestId('symbol-use').last().getAttribute('data-path')).toBe('hub/spokes/s199.ts')
    await page.close()
  })
})
