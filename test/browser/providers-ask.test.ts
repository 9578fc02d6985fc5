import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAnthropicEmulator, type AnthropicEmulator } from '../emulators/anthropic-emulator'
import { startOpenAIEmulator, type OpenAIEmulator } from '../emulators/openai-emulator'
import { RESULTS, runCoop as runBuiltCoop, startBrowserApp, type BrowserApp, openAppPage } from '../helpers/browser-app'
import { ada, FixtureRepo } from '../helpers/git-fixture'
import { runCoop } from '../helpers/run-coop'
import { suiteTempDir } from '../helpers/temp-dir'
import { createLoopbackCertificate, startTlsFront, type TlsFront } from '../helpers/tls-front'

/**
 * The model router in the real renderer: providers configured with the CLI, keys from the environment
 * and from the app's write-only field (the system keychain), questions to loopback emulators of the
 * OpenAI and Anthropic APIs. Remote kinds must use https, so those emulators sit behind a TLS front
 * whose certificate the server trusts through NODE_EXTRA_CA_CERTS.
 */

/** Realistic-looking, made up: the scrubber lets obvious placeholders through, so these must not look fake. */
const OA_KEY = 'sk-proj-T4fq9WcLm2Xz7RbN1vKd8HsJ3pYe6GuA0oQi5ZnCt'
const ANTHROPIC_KEY = 'sk-ant-api03-Vb7Qm2Lx9Kc4Rt8Nw1Zy6Hp3Jd5Fs0GaUe-Tk2Mq'
const PLANTED_TOKEN = 'ghp_q7Xv2LmR9sKd4TbW8nHc1ZyPf6GjA3uE0oNt'
const REMOTE_TEXT = 'The settings file reads the deploy token from the config.'
const ANTHROPIC_TEXT = 'Answered by the Anthropic emulator with the keychain key.'
const LOCAL_TEXT = 'A local answer that never arrives.'
const ANTHROPIC_ID = 'e2e-anthropic'

let app: BrowserApp
let remote: OpenAIEmulator
let local: OpenAIEmulator
let anthropic: AnthropicEmulator
const fronts: TlsFront[] = []
let anthropicUrl: string
let remoteUrl: string
let dataDir: string

function fingerprintOf(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12)}`
}

async function coop(...args: string[]): Promise<void> {
  const run = await runCoop(args, { env: { COOP_DATA_DIR: dataDir } })
  if (run.code !== 0) throw new Error(`coop ${args.join(' ')} exited with ${run.code}: ${run.stderr}`)
}

beforeAll(async () => {
  const certificate = createLoopbackCertificate(suiteTempDir('coop-router-tls-'))
  remote = await startOpenAIEmulator({ apiKey: OA_KEY, models: ['gpt-x', 'deepseek-chat'], text: REMOTE_TEXT })
  local = await startOpenAIEmulator({ requireKey: false, models: ['m1'], text: LOCAL_TEXT })
  anthropic = await startAnthropicEmulator({ apiKey: ANTHROPIC_KEY, models: ['claude-x'], text: ANTHROPIC_TEXT })
  const remoteFront = await startTlsFront(remote.url, certificate)
  const anthropicFront = await startTlsFront(anthropic.url, certificate)
  fronts.push(remoteFront, anthropicFront)
  remoteUrl = remoteFront.url
  anthropicUrl = anthropicFront.url

  // A repository with a planted secret, for relative file paths and the scrubber.
  const repo = FixtureRepo.create({ dir: suiteTempDir('coop-router-repo-') })
  repo.write('config/settings.ts', `export const deployToken = '${PLANTED_TOKEN}'\nexport const region = 'eu-west-1'\nexport const retries = 3\nexport const unused = true\n`).commit('Add settings', ada)

  dataDir = suiteTempDir('coop-router-data-')
  await runBuiltCoop(['index', repo.path], dataDir)
  await coop('providers', 'add', 'local', '--kind', 'openai-compatible', '--base-url', `${local.url}/v1`, '--model', 'm1')
  await coop('providers', 'add', 'oa', '--kind', 'openai', '--base-url', `${remoteUrl}/v1`, '--model', 'gpt-x')
  await coop('providers', 'model', 'oa', 'gpt-x', '--input-price', '2', '--output-price', '8')
  // DeepSeek has no no-training commitment: blocked until someone approves it.
  await coop('providers', 'add', 'ds', '--kind', 'deepseek', '--base-url', `${remoteUrl}/v1`, '--model', 'deepseek-chat')
  app = await startBrowserApp(dataDir, { COOP_OA_API_KEY: OA_KEY, NODE_EXTRA_CA_CERTS: certificate.certFile })
})

afterAll(async () => {
  await app?.close()
  // The key set through the app lives in the session's keychain: leave nothing behind if a test failed
  // before removing it. Exit 1 (no such key) is the usual answer, so the code is not checked.
  if (dataDir) await runCoop(['keys', 'remove', ANTHROPIC_ID], { env: { COOP_DATA_DIR: dataDir } })
  await Promise.all([...fronts.map((f) => f.close()), remote?.close(), local?.close(), anthropic?.close()])
})

function openPage(title: 'Providers' | 'Ask' | 'Usage'): Promise<Page> {
  return openAppPage(app, title)
}

function card(page: Page, id: string): Locator {
  return page.locator(`[data-testid="provider-card"][data-provider-id="${id}"]`)
}

interface Question {
  readonly provider: string
  readonly question: string
  readonly inRepo?: boolean
  readonly files?: readonly string[]
}

async function fillQuestion(page: Page, q: Question): Promise<void> {
  const provider = page.getByTestId('ask-provider')
  await provider.locator(`option[value="${q.provider}"]`).waitFor({ state: 'attached' })
  await provider.selectOption(q.provider)
  if (q.inRepo) {
    const repo = page.getByTestId('ask-repo')
    await repo.locator('option:nth-child(2)').waitFor({ state: 'attached' })
    await repo.selectOption({ index: 1 })
  }
  for (const file of q.files ?? []) {
    await page.getByTestId('ask-file-input').fill(file)
    await page.getByTestId('ask-file-add').click()
  }
  await page.getByTestId('ask-question').fill(q.question)
}

async function outcomeOf(page: Page): Promise<Locator> {
  const outcome = page.getByTestId('ask-outcome')
  await outcome.waitFor()
  return outcome
}

describe('Providers page', () => {
  it('lists providers with key fingerprints and policy standing, never a key', async () => {
    const page = await openPage('Providers')
    const oa = card(page, 'oa')
    await oa.waitFor()
    expect(await oa.getByTestId('key-fingerprint').textContent()).toBe(fingerprintOf(OA_KEY))
    expect(await oa.getByTestId('key-source').getAttribute('data-value')).toBe('env')
    expect(await oa.getByTestId('provider-locality').getAttribute('data-value')).toBe('remote')
    expect(await oa.getByTestId('retention-mode').getAttribute('data-value')).toBe('flag')
    expect(await oa.getAttribute('data-blocked')).toBe('false')
    const link = oa.getByTestId('policy-link').first()
    expect(await link.getAttribute('target')).toBe('_blank')
    expect(await link.getAttribute('rel')).toContain('noopener')
    expect(await link.getAttribute('href')).toMatch(/^https:\/\//)
    expect(await oa.getByTestId('posture-verified').getAttribute('data-value')).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    const localCard = card(page, 'local')
    expect(await localCard.getByTestId('provider-locality').getAttribute('data-value')).toBe('local')
    expect(await localCard.getByTestId('retention-mode').getAttribute('data-value')).toBe('local')
    expect(await localCard.getByTestId('key-none').count()).toBe(1)

    const ds = card(page, 'ds')
    expect(await ds.getAttribute('data-blocked')).toBe('true')
    const critical = ds.locator('[data-testid="finding"][data-severity="critical"]')
    expect(await critical.getAttribute('data-code')).toBe('no-training-unapproved')
    expect(await ds.getByTestId('provider-blocked').textContent()).toContain('does not commit to keeping API inputs out of training')

    expect(await page.content()).not.toContain(OA_KEY)
    await page.screenshot({ path: join(RESULTS, 'providers.png'), fullPage: true })
    await page.close()
  })

  it('records approvals, agreements and allow-lists, runs the compliance check, switches offline mode and shows refusals', async () => {
    const page = await openPage('Providers')
    const ds = card(page, 'ds')
    await ds.getByTestId('approval-by-input').fill('Grace Hopper')
    await ds.getByTestId('approval-reason-input').fill('Evaluated for the compiler pilot')
    await ds.getByTestId('approval-submit').click()
    await ds.getByTestId('approval-record').waitFor()
    expect(await ds.getByTestId('approval-by').textContent()).toBe('Grace Hopper')
    expect(await ds.getByTestId('approval-reason').textContent()).toBe('Evaluated for the compiler pilot')
    await page.locator('[data-testid="provider-card"][data-provider-id="ds"][data-blocked="false"]').waitFor()
    expect(await ds.locator('[data-testid="finding"][data-code="approved"]').getAttribute('data-severity')).toBe('info')

    await ds.getByTestId('approval-revoke').click()
    await page.locator('[data-testid="provider-card"][data-provider-id="ds"][data-blocked="true"]').getByTestId('approval-by-input').waitFor()

    await page.getByTestId('compliance-run').click()
    const report = page.getByTestId('compliance-report')
    await report.waitFor()
    expect(await report.getAttribute('data-blocked')).toBe('ds')
    expect(await report.locator('[data-testid="finding"][data-provider="ds"][data-severity="critical"]').count()).toBe(1)

    // Offline mode: remote providers are not called, the local one still is.
    // click, not check(): the switch follows core's answer, so it flips only after the round trip.
    await page.getByTestId('offline-toggle').click()
    await page.locator('[data-testid="provider-card"][data-provider-id="oa"][data-blocked="true"]').waitFor()
    expect(await card(page, 'oa').getByTestId('provider-blocked').textContent()).toContain('offline mode')
    expect(await card(page, 'local').getAttribute('data-blocked')).toBe('false')
    await page.getByTestId('offline-toggle').click()
    await page.locator('[data-testid="provider-card"][data-provider-id="oa"][data-blocked="false"]').waitFor()

    // A recorded zero-retention agreement moves oa from the store:false flag to `contract`, and back.
    const oa = card(page, 'oa')
    await oa.getByTestId('agreement-date').fill(new Date().toISOString().slice(0, 10))
    await oa.getByTestId('agreement-save').click()
    await oa.locator('[data-testid="retention-mode"][data-value="contract"]').waitFor()
    await oa.getByTestId('agreement-clear').click()
    await oa.locator('[data-testid="retention-mode"][data-value="flag"]').waitFor()

    // The allow-list is kept by core: it is there after a reload, and an empty one allows any model.
    await card(page, 'local').getByTestId('allow-list-input').fill('m1,  m2, m1')
    await card(page, 'local').getByTestId('allow-list-save').click()
    await card(page, 'local').getByTestId('retention-saved').getByText('Allowed models: m1, m2.').waitFor()
    expect(await card(page, 'local').getByTestId('allow-list-input').inputValue()).toBe('m1, m2')
    await page.reload()
    await card(page, 'local').waitFor()
    expect(await card(page, 'local').getByTestId('allow-list-input').inputValue()).toBe('m1, m2')
    await card(page, 'local').getByTestId('allow-list-input').fill('')
    await card(page, 'local').getByTestId('allow-list-save').click()
    await card(page, 'local').getByTestId('retention-saved').getByText('Any model is allowed.').waitFor()
    await page.reload()
    await card(page, 'local').waitFor()
    expect(await card(page, 'local').getByTestId('allow-list-input').inputValue()).toBe('')

    // A refusal from core is shown in its words.
    const form = page.getByTestId('add-provider-form')
    await form.getByTestId('add-provider-id').fill('oa')
    await form.getByTestId('add-provider-kind').selectOption('openai')
    await form.getByTestId('add-provider-submit').click()
    expect(await form.getByTestId('add-provider-error').textContent()).toContain('There is already a provider oa')
    await page.close()
  })
})

describe('Ask page', () => {
  it('previews exactly what would be sent, sending nothing, then Send streams the answer from one request', async () => {
    const page = await openPage('Ask')
    await fillQuestion(page, { provider: 'oa', inRepo: true, files: ['config/settings.ts:1-3'], question: 'What does this file configure?' })
    await page.getByTestId('ask-preview').click()
    const preview = page.getByTestId('egress-preview')
    await preview.waitFor()

    expect(await preview.getByTestId('preview-url').textContent()).toBe(`POST ${remoteUrl}/v1/chat/completions`)
    const authorization = await preview.locator('[data-testid="preview-header"][data-name="authorization"] td').textContent()
    expect(authorization).toBe(`Bearer ••••(${fingerprintOf(OA_KEY)})`)
    expect(await preview.locator('[data-testid="preview-header"][data-name="x-no-training"] td').textContent()).toBe('true')
    expect(await preview.getByTestId('retention-mode').getAttribute('data-value')).toBe('flag')
    expect(await preview.getByTestId('preview-controls').textContent()).toContain('store: false')
    expect(await preview.locator('[data-testid="preview-redaction"][data-rule="github-token"]').getAttribute('data-count')).toBe('1')
    const file = preview.getByTestId('preview-file')
    expect(await file.getAttribute('data-path')).toBe('config/settings.ts')
    expect(await file.getAttribute('data-lines')).toBe('1-3')
    const body = JSON.parse((await preview.getByTestId('preview-body').textContent()) ?? '') as { store: boolean; messages: { content: string }[] }
    expect(body.store).toBe(false)
    expect(body.messages.at(-1)?.content).toContain('[REDACTED:github-token#1]')
    expect(body.messages.at(-1)?.content).toContain("region = 'eu-west-1'")
    expect(body.messages.at(-1)?.content).not.toContain('unused')

    const html = await page.content()
    expect(html).not.toContain(PLANTED_TOKEN)
    expect(html).not.toContain(OA_KEY)
    expect(remote.requests).toHaveLength(0)
    await page.screenshot({ path: join(RESULTS, 'ask-preview.png'), fullPage: true })

    await page.getByTestId('ask-send').click()
    const outcome = await outcomeOf(page)
    expect(await outcome.getAttribute('data-status')).toBe('succeeded')
    expect(await page.getByTestId('answer-text').textContent()).toBe(REMOTE_TEXT)
    expect(await outcome.getByTestId('ask-cost').textContent()).toMatch(/^\$/)
    expect(await outcome.getByTestId('ask-redactions').textContent()).toBe('1')

    // Exactly one request reached the API, with the env key, scrubbed as previewed.
    expect(remote.requests).toHaveLength(1)
    const [sent] = remote.requests
    expect(sent?.headers.authorization).toBe(`Bearer ${OA_KEY}`)
    expect(sent?.rawBody).not.toContain(PLANTED_TOKEN)
    expect(sent?.body).toMatchObject({ model: 'gpt-x', store: false, stream: true })
    expect(await page.content()).not.toContain(OA_KEY)
    await page.screenshot({ path: join(RESULTS, 'ask-answer.png'), fullPage: true })
    await page.close()
  })

  it('adds a provider and sets its key in the write-only field; the keychain key is used, only its fingerprint shown', async () => {
    const page = await openPage('Providers')
    const form = page.getByTestId('add-provider-form')
    await form.getByTestId('add-provider-id').fill(ANTHROPIC_ID)
    await form.getByTestId('add-provider-kind').selectOption('anthropic')
    await form.getByTestId('add-provider-base-url').fill(anthropicUrl)
    await form.getByTestId('add-provider-models').fill('claude-x')
    await form.getByTestId('add-provider-submit').click()
    const added = card(page, ANTHROPIC_ID)
    await added.waitFor()
    expect(await added.getByTestId('key-none').count()).toBe(1)

    const field = added.getByTestId('key-input')
    expect(await field.getAttribute('type')).toBe('password')
    await field.fill(ANTHROPIC_KEY)
    await added.getByTestId('key-save').click()
    // Without a keychain (no D-Bus session) core refuses: say so rather than time out.
    await added.locator('[data-testid="key-saved"], [data-testid="key-error"]').waitFor()
    const refusal = added.getByTestId('key-error')
    expect(await refusal.count(), (await refusal.count()) > 0 ? `keychain: ${await refusal.textContent()}` : '').toBe(0)
    const saved = added.getByTestId('key-saved')
    expect(await saved.textContent()).toContain(fingerprintOf(ANTHROPIC_KEY))
    await added.getByTestId('key-fingerprint').waitFor()
    expect(await added.getByTestId('key-fingerprint').textContent()).toBe(fingerprintOf(ANTHROPIC_KEY))
    expect(await added.getByTestId('key-source').getAttribute('data-value')).toBe('keychain')
    expect(await field.inputValue()).toBe('')
    expect(await page.content()).not.toContain(ANTHROPIC_KEY)

    const ask = await openPage('Ask')
    await fillQuestion(ask, { provider: ANTHROPIC_ID, question: 'Who answers this?' })
    await ask.getByTestId('ask-send').click()
    expect(await (await outcomeOf(ask)).getAttribute('data-status')).toBe('succeeded')
    expect(await ask.getByTestId('answer-text').textContent()).toBe(ANTHROPIC_TEXT)
    expect(anthropic.requests).toHaveLength(1)
    expect(anthropic.requests[0]?.headers['x-api-key'] ?? anthropic.requests[0]?.headers.authorization).toContain(ANTHROPIC_KEY)
    expect(await ask.content()).not.toContain(ANTHROPIC_KEY)
    await ask.close()

    await page.reload()
    const reloaded = card(page, ANTHROPIC_ID)
    await reloaded.waitFor()
    expect(await reloaded.getByTestId('key-last-used').getAttribute('data-value')).not.toBe('')
    await reloaded.getByTestId('key-remove').click()
    await reloaded.getByTestId('key-none').waitFor()
    expect(await page.content()).not.toContain(ANTHROPIC_KEY)

    // Removing the provider takes a confirmation.
    await reloaded.getByTestId('provider-remove').click()
    await reloaded.getByTestId('provider-remove-confirm').click()
    await reloaded.waitFor({ state: 'detached' })
    await page.close()
  })

  it('stops a question whose answer hangs: it ends cancelled', async () => {
    local.respondWith({ kind: 'hang' })
    const page = await openPage('Ask')
    await fillQuestion(page, { provider: 'local', question: 'Will this ever answer?' })
    await page.getByTestId('ask-send').click()
    // The request is in flight at the server before Stop is pressed.
    await expect.poll(() => local.requests.length, { timeout: 30_000 }).toBe(1)
    const stop = page.getByTestId('ask-stop')
    await stop.click()
    const outcome = await outcomeOf(page)
    expect(await outcome.getAttribute('data-status')).toBe('cancelled')
    expect(await outcome.getByTestId('ask-error').getAttribute('data-code')).toBe('cancelled')
    expect(await page.getByTestId('ask-stop').count()).toBe(0)
    expect(local.requests).toHaveLength(1)
    await page.close()
  })

  it('refuses a blocked provider before anything is sent', async () => {
    const before = remote.requests.length
    const page = await openPage('Ask')
    await fillQuestion(page, { provider: 'ds', question: 'Can you see this?' })
    expect(await page.getByTestId('ask-provider-blocked').textContent()).toContain('does not commit to keeping API inputs out of training')
    await page.getByTestId('ask-send').click()
    const outcome = await outcomeOf(page)
    expect(await outcome.getAttribute('data-status')).toBe('blocked')
    expect(await outcome.getByTestId('ask-error').textContent()).toContain('blocked until an approval is recorded')
    expect(await page.getByTestId('answer-text').textContent()).toBe('')
    expect(remote.requests).toHaveLength(before)
    await page.close()
  })
})

describe('Usage page', () => {
  it('charts requests per day by retention mode and lists them per provider and model', async () => {
    const page = await openPage('Usage')
    const report = page.getByTestId('usage-report')
    await report.waitFor()
    expect(await report.getAttribute('data-requests')).toBe('4')

    const chart = page.getByTestId('usage-chart')
    expect(await chart.getAttribute('data-total')).toBe('4')
    const svg = chart.locator('svg[role="img"]')
    expect(await svg.getAttribute('aria-label')).toContain('4 in total')
    expect(await svg.locator(':scope > title').textContent()).toContain('Requests per day')
    const segments = await chart.getByTestId('usage-segment').evaluateAll((els) => els.map((el) => [el.getAttribute('data-mode'), Number(el.getAttribute('data-count'))] as const))
    const byMode = Object.fromEntries(['local', 'contract', 'flag', 'none'].map((mode) => [mode, segments.filter(([m]) => m === mode).reduce((n, [, c]) => n + c, 0)]))
    // oa went under store:false, the local server stayed local; Anthropic without an agreement and the refused ds request: none.
    expect(byMode).toEqual({ local: 1, contract: 0, flag: 1, none: 2 })

    const row = (provider: string) => page.locator(`[data-testid="usage-row"][data-provider="${provider}"]`)
    expect(await row('oa').getAttribute('data-requests')).toBe('1')
    expect(await row('oa').getByTestId('usage-cost').textContent()).toMatch(/^\$/)
    expect(await row('local').getAttribute('data-failed')).toBe('1')
    expect(await row('local').getByTestId('usage-cost').textContent()).toBe('—')
    expect(await row('ds').getAttribute('data-failed')).toBe('1')
    await page.screenshot({ path: join(RESULTS, 'usage.png'), fullPage: true })

    await page.locator('[data-testid="usage-window"] label', { hasText: '7 days' }).click()
    await page.locator('[data-testid="usage-window"][data-value="7"]').waitFor()
    await page.getByTestId('usage-report').waitFor()
    expect(Number(await page.getByTestId('usage-chart').getAttribute('data-days'))).toBeGreaterThanOrEqual(7)
    expect(await page.getByTestId('usage-chart').getAttribute('data-total')).toBe('4')
    await page.close()
  })
})
