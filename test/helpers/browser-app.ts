import { spawn } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect } from 'vitest'

export const ROOT = resolve(import.meta.dirname, '../..')
export const RESULTS = join(ROOT, 'test-results')
const COOP = join(ROOT, 'bin', 'coop.mjs')

/** Debian Chromium, headless, with nothing reaching for the network (shared/NOTES.md). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
]

export interface BrowserApp {
  /** The address `coop serve` printed, with its launch token. */
  readonly url: string
  readonly browser: Browser
  close(): Promise<void>
}

/**
 * The real app in browser mode: the built `coop serve` on a free port, and Chromium to drive it.
 * `env` adds variables for the server only (`COOP_<ID>_API_KEY`, `NODE_EXTRA_CA_CERTS`).
 */
export async function startBrowserApp(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<BrowserApp> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('Build first: npm run build')
  mkdirSync(RESULTS, { recursive: true })
  const server = spawn(process.execPath, [COOP, 'serve', '--port', '0', '--json'], {
    env: { ...process.env, ...env, COOP_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let errors = ''
  server.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const url = await new Promise<string>((resolveUrl, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      try {
        resolveUrl((JSON.parse(output) as { url: string }).url)
      } catch {
        // not the whole JSON object yet
      }
    })
    server.on('exit', (code) => reject(new Error(`coop serve exited with ${code}: ${errors}`)))
  })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  return {
    url,
    browser,
    async close() {
      await browser.close()
      server.kill('SIGTERM')
    },
  }
}

/** Runs the built `coop` command to completion. */
export function runCoop(args: readonly string[], dataDir: string): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [COOP, ...args], { env: { ...process.env, COOP_DATA_DIR: dataDir }, stdio: 'ignore' })
    child.on('exit', (code) => (code === 0 ? resolveRun() : reject(new Error(`coop ${args.join(' ')} exited with ${code}`))))
  })
}

/** A new page on the app, navigated by the sidebar to `title`'s page, which must load without errors. */
export async function openAppPage(app: BrowserApp, title: string): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } })
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  await page.goto(app.url)
  await page.getByRole('link', { name: title }).click()
  await page.getByRole('heading', { name: title, exact: true }).waitFor()
  expect(problems).toEqual([])
  return page
}
