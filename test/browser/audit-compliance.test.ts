import { createPublicKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keyIdOf } from '../../src/core/audit/signing-key'
import { openCore } from '../../src/core/create-core'
import type { AttestationReport } from '../../src/shared/attestation-types'
import type { AuditPage } from '../../src/shared/audit-types'
import { startOpenAIEmulator, type OpenAIEmulator } from '../emulators/openai-emulator'
import { SIGNING_KEY } from '../helpers/audit-key'
import { RESULTS, startBrowserApp, type BrowserApp, openAppPage } from '../helpers/browser-app'
import { runCoop } from '../helpers/run-coop'
import { suiteTempDir } from '../helpers/temp-dir'
import { createLoopbackCertificate, startTlsFront, trustInThisProcess, type TlsFront } from '../helpers/tls-front'

/**
 * The Audit and Compliance pages in the real renderer. The profile is made with the CLI, in-process:
 * providers pointed at loopback emulators of the OpenAI API (the remote kinds behind a TLS front, as
 * the real APIs are), questions asked with `coop ask` (one refused by policy), a policy change, and
 * some 300 setting changes so the table has to page. The audit log is signed with a key given in
 * COOP_AUDIT_SIGNING_KEY, to the CLI and to the server alike, so no keychain is needed.
 */

/** Realistic-looking, made up: the scrubber lets obvious placeholders through, so these must not look fake. */
const OA_KEY = 'sk-proj-Wd3Lq8Zr5Tm1Xc7Nv2Kb9Hs4Jp6Fy0GaUe-Ro3Qi'
const PLANTED_TOKEN = 'ghp_L4vR8qN2mX7sT1bK9cW3hZ6yP0dF5gJ2uE8o'
const QUESTIONS = {
  oa: `Where does the pipeline read ${PLANTED_TOKEN} from?`,
  local: 'Which module owns the settlement retries?',
  ds: 'Summarise the quarterly ledger rules.',
} as const
const SETTING_CHANGES = 300

let app: BrowserApp
let remote: OpenAIEmulator
let local: OpenAIEmulator
let front: TlsFront
let dataDir: string
/** Records in the log once the profile is made: what the Audit page first shows. */
let initialTotal: number
let publicKeyPem: string
/** The report the Compliance page saved, for the verify tests. */
let savedReport: string | null = null

const env = () => ({ COOP_DATA_DIR: dataDir, COOP_AUDIT_SIGNING_KEY: SIGNING_KEY, COOP_OA_API_KEY: OA_KEY })

async function coop(...args: string[]): Promise<string> {
  const run = await runCoop(args, { env: env() })
  if (run.code !== 0) throw new Error(`coop ${args.join(' ')} exited with ${run.code}: ${run.stderr}`)
  return run.stdout
}

beforeAll(async () => {
  const certificate = createLoopbackCertificate(suiteTempDir('coop-audit-tls-'))
  trustInThisProcess(certificate)
  remote = await startOpenAIEmulator({ apiKey: OA_KEY, models: ['gpt-x', 'deepseek-chat'], text: 'The pipeline reads it from the vault.' })
  local = await startOpenAIEmulator({ requireKey: false, models: ['m1'], text: 'The settlement module.' })
  front = await startTlsFront(remote.url, certificate)

  dataDir = suiteTempDir('coop-audit-data-')
  await coop('providers', 'add', 'local', '--kind', 'openai-compatible', '--base-url', `${local.url}/v1`, '--model', 'm1')
  await coop('providers', 'add', 'oa', '--kind', 'openai', '--base-url', `${front.url}/v1`, '--model', 'gpt-x')
  // DeepSeek has no no-training commitment: blocked until someone approves it.
  await coop('providers', 'add', 'ds', '--kind', 'deepseek', '--base-url', `${front.url}/v1`, '--model', 'deepseek-chat')
  await coop('ask', QUESTIONS.oa, '--provider', 'oa')
  await coop('ask', QUESTIONS.local, '--provider', 'local')
  const refused = await runCoop(['ask', QUESTIONS.ds, '--provider', 'ds'], { env: env() })
  expect(refused.code, refused.stderr).not.toBe(0)
  expect(remote.requests).toHaveLength(1)
  await coop('providers', 'set', 'local', '--allow-model', 'm1')
  await coop('policy', 'offline', 'on')
  await coop('policy', 'offline', 'off')

  // Enough real setting changes that the table needs a second page (200 a page).
  const core = openCore({ dataDir, version: 'test', env: { COOP_AUDIT_SIGNING_KEY: SIGNING_KEY } })
  try {
    for (let i = 0; i < SETTING_CHANGES; i++) core.policy.setOffline(i % 2 === 0)
  } finally {
    await core.close()
  }
  initialTotal = (JSON.parse(await coop('audit', 'list', '--limit', '1', '--json')) as AuditPage).total
  publicKeyPem = createPublicKey(SIGNING_KEY).export({ type: 'spki', format: 'pem' }).toString()
  app = await startBrowserApp(dataDir, { COOP_AUDIT_SIGNING_KEY: SIGNING_KEY, COOP_OA_API_KEY: OA_KEY, NODE_EXTRA_CA_CERTS: certificate.certFile })
})

afterAll(async () => {
  await app?.close()
  await Promise.all([front?.close(), remote?.close(), local?.close()])
})

function openPage(title: 'Audit' | 'Compliance'): Promise<Page> {
  return openAppPage(app, title)
}

/** Everything the page shows, its frames included: none of it may be a question, a planted secret or a key. */
async function expectNoSecrets(page: Page): Promise<void> {
  const privateKeyBody = SIGNING_KEY.split('\n')[1] ?? SIGNING_KEY
  for (const frame of page.frames()) {
    const html = await frame.content()
    for (const secret of [...Object.values(QUESTIONS), PLANTED_TOKEN, OA_KEY, privateKeyBody]) expect(html).not.toContain(secret)
  }
}

async function downloaded(download: Download): Promise<string> {
  const path = await download.path()
  return readFileSync(path, 'utf8')
}

function rowsOf(page: Page) {
  return page.getByTestId('audit-row')
}

async function descriptions(page: Page): Promise<string[]> {
  return rowsOf(page).getByTestId('audit-description').allTextContents()
}

describe('Audit page', () => {
  it('lists the records newest first with what each was about, and filters them by kind and provider', async () => {
    const page = await openPage('Audit')
    const table = page.getByTestId('audit-table')
    await table.waitFor()
    expect(await table.getAttribute('data-total')).toBe(String(initialTotal))
    expect(await table.getAttribute('aria-rowcount')).toBe(String(initialTotal + 1))
    expect(await rowsOf(page).first().getAttribute('data-seq')).toBe(String(initialTotal))
    expect(await descriptions(page)).toContain('offline_mode: true → false')
    await page.screenshot({ path: join(RESULTS, 'audit.png'), fullPage: true })

    await page.getByTestId('audit-kind').selectOption('llm_request')
    await page.locator(`[data-testid="audit-table"][data-total="5"]`).waitFor()
    expect(new Set(await rowsOf(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind'))))).toEqual(new Set(['llm_request']))
    const lines = await descriptions(page)
    expect(lines).toHaveLength(5)
    expect(lines.find((l) => l.startsWith('succeeded oa'))).toMatch(/^succeeded oa gpt-x · retention flag · \d+\/\d+ tokens · 1 redaction$/)
    expect(lines.find((l) => l.startsWith('succeeded local'))).toMatch(/^succeeded local m1 · retention local · \d+\/\d+ tokens$/)
    expect(lines).toContain('started oa gpt-x · retention flag · 1 redaction')
    expect(lines.find((l) => l.startsWith('blocked'))).toMatch(/^blocked ds deepseek-chat · .*blocked until an approval is recorded/)

    // Selecting a record shows its data as recorded: ids, counts, the key's fingerprint; never the key.
    await rowsOf(page).filter({ hasText: 'succeeded oa' }).click()
    const data = JSON.parse((await page.getByTestId('audit-record-data').textContent()) ?? '') as Record<string, unknown>
    expect(data).toMatchObject({ provider: 'oa', model: 'gpt-x', status: 'succeeded', retentionMode: 'flag', keySource: 'env', redactions: { total: 1 } })
    expect(data.keyFingerprint).toMatch(/^sha256:[0-9a-f]{12}$/)
    expect(await rowsOf(page).filter({ hasText: 'succeeded oa' }).getAttribute('aria-selected')).toBe('true')

    // Provider and kind together; then the provider alone (its configuration records too).
    await page.getByTestId('audit-provider').selectOption('ds')
    await page.locator(`[data-testid="audit-table"][data-total="1"]`).waitFor()
    expect(await descriptions(page)).toEqual([expect.stringMatching(/^blocked ds deepseek-chat/)])
    await page.getByTestId('audit-kind').selectOption('')
    await page.locator(`[data-testid="audit-table"][data-total="2"]`).waitFor()
    expect(await descriptions(page)).toEqual([expect.stringMatching(/^blocked ds/), expect.stringMatching(/^ds \(deepseek\)/)])

    await page.getByTestId('audit-provider').selectOption('')
    await page.getByTestId('audit-kind').selectOption('policy_override')
    await page.locator(`[data-testid="audit-table"][data-total="1"]`).waitFor()
    expect(await descriptions(page)).toEqual(['local allowed_models: [] → [m1]'])

    // Everything happened today: the 7-day window holds it all.
    await page.getByTestId('audit-kind').selectOption('')
    await page.locator('[data-testid="audit-since"] label', { hasText: '7 days' }).click()
    await page.locator(`[data-testid="audit-table"][data-total="${initialTotal}"]`).waitFor()
    await expectNoSecrets(page)
    await page.close()
  })

  it('loads older records as the table scrolls, down to the first', async () => {
    const page = await openPage('Audit')
    const table = page.getByTestId('audit-table')
    await table.waitFor()
    expect(initialTotal).toBeGreaterThan(SETTING_CHANGES)
    expect(await table.getAttribute('data-rows')).toBe('200')
    expect(await page.getByTestId('audit-loaded').textContent()).toContain('scroll for older records')

    // Only the rows in view exist, whatever the log's length.
    expect(await rowsOf(page).count()).toBeLessThan(60)

    const scroller = page.getByTestId('audit-scroller')
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight))
    await page.locator(`[data-testid="audit-table"][data-rows="${initialTotal}"]`).waitFor()
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight))
    await page.locator('[data-testid="audit-row"][data-seq="1"]').waitFor()
    expect(await page.getByTestId('audit-loaded').textContent()).toBe(`${initialTotal.toLocaleString('en-US')} of ${initialTotal.toLocaleString('en-US')} loaded.`)
    expect(await page.locator('[data-testid="audit-row"][data-seq="1"]').getByTestId('audit-description').textContent()).toBe('local (openai-compatible) · ' + `${local.url}/v1 · models m1`)

    // The keyboard moves the selection: Home goes to the newest record.
    await table.focus()
    await page.keyboard.press('Home')
    await page.locator(`[data-testid="audit-record"][data-seq="${initialTotal}"]`).waitFor()
    await page.keyboard.press('ArrowDown')
    await page.locator(`[data-testid="audit-record"][data-seq="${initialTotal - 1}"]`).waitFor()
    expect(await table.getAttribute('aria-activedescendant')).toBe(await page.locator('[data-testid="audit-row"][aria-selected="true"]').getAttribute('id'))
    await page.close()
  })

  it('verifies the chain as intact, with its head hash and signed checkpoints', async () => {
    const page = await openPage('Audit')
    await page.getByTestId('audit-verify').click()
    const result = page.getByTestId('audit-verify-result')
    await result.waitFor()
    expect(await result.getAttribute('data-ok')).toBe('true')
    expect(await result.getAttribute('role')).toBe('status')
    expect(await page.getByTestId('audit-verify-headline').textContent()).toBe(`Intact: ${initialTotal.toLocaleString('en-US')} records, #1 to #${initialTotal}`)
    expect(await page.getByTestId('audit-head-hash').textContent()).toMatch(/^[0-9a-f]{64}$/)
    expect(await page.getByTestId('audit-checkpoints').textContent()).toMatch(/^(\d+) of \1 signed checkpoints? verified, the latest at #\d+\.$/)
    await page.close()
  })

  it('exports the chain as JSON lines (manifest first) and as CSV with its manifest beside it', async () => {
    const page = await openPage('Audit')
    await page.getByTestId('audit-table').waitFor()
    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()])
    expect(jsonl.suggestedFilename()).toMatch(/^coop-audit-\d{4}-\d{2}-\d{2}\.jsonl$/)
    const lines = (await downloaded(jsonl)).trimEnd().split('\n')
    const manifest = JSON.parse(lines[0] ?? '') as { format: string; records: number; keyId: string; publicKey: string }
    expect(manifest).toMatchObject({ format: 'coop-audit-export', records: lines.length - 1, keyId: keyIdOf(createPublicKey(SIGNING_KEY)), publicKey: publicKeyPem })
    // The export records itself: it is the last line, and the table shows it at the top.
    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ kind: 'export', data: { format: 'jsonl' } })
    expect(await page.getByTestId('audit-export-saved').textContent()).toContain(`${jsonl.suggestedFilename()} (${manifest.records.toLocaleString('en-US')} records)`)
    await page.locator(`[data-testid="audit-row"][data-kind="export"][data-seq="${initialTotal + 1}"]`).waitFor()

    await page.locator('[data-testid="audit-export-format"] label', { hasText: 'CSV' }).click()
    const files: Download[] = []
    page.on('download', (download) => files.push(download))
    await page.getByTestId('audit-export').click()
    await expect.poll(() => files.length).toBe(2)
    const [csv, csvManifest] = files as [Download, Download]
    expect(csvManifest.suggestedFilename()).toBe(`${csv.suggestedFilename()}.manifest.json`)
    expect((await downloaded(csv)).split('\n')[0]).toBe('seq,at,kind,actor,data,prev_hash,hash')
    expect(JSON.parse(await downloaded(csvManifest))).toMatchObject({ format: 'coop-audit-export', records: initialTotal + 2 })
    await expectNoSecrets(page)
    await page.close()
  })

  it('shows the public signing key and its id, and keeps a new retention setting', async () => {
    const page = await openPage('Audit')
    expect(await page.getByTestId('audit-key-id').textContent()).toBe(keyIdOf(createPublicKey(SIGNING_KEY)))
    expect(await page.getByTestId('audit-public-key').textContent()).toBe(publicKeyPem)
    expect(await page.getByTestId('audit-public-key').evaluate((el) => el.tagName)).toBe('PRE')
    const [pub] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-key-save').click()])
    expect(pub.suggestedFilename()).toBe('coop-audit.pub')
    expect(await downloaded(pub)).toBe(publicKeyPem)

    const days = page.getByTestId('audit-retention-days')
    expect(await days.inputValue()).toBe('90')
    await days.fill('0')
    await page.getByTestId('audit-retention-save').click()
    await page.getByTestId('audit-retention-invalid').waitFor()
    await days.fill('120')
    await page.getByTestId('audit-retention-save').click()
    expect(await page.getByTestId('audit-retention-saved').textContent()).toBe('Records are kept for 120 days.')
    await page.locator('[data-testid="audit-row"][data-kind="setting_changed"]', { hasText: 'audit_retention_days: 90 → 120' }).first().waitFor()
    await page.reload()
    expect(await page.getByTestId('audit-retention-days').inputValue()).toBe('120')
    await expectNoSecrets(page)
    await page.close()
  })
})

describe('Compliance page', () => {
  it('generates a signed report: the share, the counts, and the full page in a sandboxed frame', async () => {
    const page = await openPage('Compliance')
    await page.locator('[data-testid="report-window"] label', { hasText: '30 days' }).click()
    await page.getByTestId('report-generate').click()
    const report = page.getByTestId('report')
    await report.waitFor()
    expect(await report.getAttribute('data-days')).toBe('30')
    const fact = async (key: string) => page.getByTestId(`report-fact-${key}`).locator('dd').textContent()
    expect(await fact('requests')).toBe('3 (2 sent)')
    expect(await fact('zero-retention')).toBe('100% (2 of 2 sent)')
    expect(await fact('by-mode')).toBe('local 1 · contract 0 · flag 1 · none 0')
    expect(await fact('blocked')).toBe('1')
    expect(await fact('redactions')).toBe('1 in 1 request')
    expect(await fact('key-sources')).toBe('keychain 0 · env 1 · none 1')
    expect(await fact('chain')).toBe('intact when signed')
    expect(await fact('key-id')).toBe(keyIdOf(createPublicKey(SIGNING_KEY)))
    expect(Number(await fact('changes'))).toBeGreaterThan(SETTING_CHANGES)

    // The rendered report: sandboxed without scripts, and saying it verified.
    const frame = page.getByTestId('report-frame')
    expect(await frame.getAttribute('sandbox')).toBe('')
    const inside = page.frameLocator('[data-testid="report-frame"]')
    expect(await inside.locator('h1').textContent()).toContain('Coop attestation')
    expect(await inside.locator('body').textContent()).toContain('Signature verified')
    await page.screenshot({ path: join(RESULTS, 'compliance.png'), fullPage: true })

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-save-json').click()])
    expect(json.suggestedFilename()).toMatch(/^coop-attestation-\d{4}-\d{2}-\d{2}\.json$/)
    savedReport = await downloaded(json)
    const saved = JSON.parse(savedReport) as AttestationReport
    expect(saved).toMatchObject({ format: 'coop-attestation', body: { window: { days: 30 }, requests: { total: 3, sent: 2 } } })
    expect(await fact('changes')).toBe(String(saved.body.configurationChanges.total))
    expect(await fact('head')).toBe(saved.body.auditChain.headHash)

    const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-save-html').click()])
    expect(html.suggestedFilename()).toBe(json.suggestedFilename().replace(/\.json$/, '.html'))
    const page_ = await downloaded(html)
    expect(page_).toMatch(/^<!doctype html>/)
    expect(page_).not.toMatch(/<script/i)

    // Browser mode cannot make a PDF: the print dialog opens on a hidden frame that runs no scripts.
    expect(await page.getByTestId('report-pdf').getAttribute('data-mode')).toBe('print')
    await page.getByTestId('report-pdf').click()
    const printFrame = page.locator('[data-testid="print-frame"][data-state="printing"]')
    await printFrame.waitFor({ state: 'attached' })
    expect(await printFrame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals')
    await expectNoSecrets(page)
    await page.close()
  })

  it('verifies the saved report against the public key, and shows an altered copy failing', async () => {
    expect(savedReport, 'the previous test saves the report').not.toBeNull()
    const text = savedReport ?? ''
    const page = await openPage('Compliance')
    await page.getByTestId('verify-report-file').setInputFiles({ name: 'report.json', mimeType: 'application/json', buffer: Buffer.from(text) })
    // The file is read asynchronously into the box.
    await expect.poll(() => page.getByTestId('verify-report-text').inputValue()).toBe(text)
    await page.getByTestId('verify-key-file').setInputFiles({ name: 'coop-audit.pub', mimeType: 'text/plain', buffer: Buffer.from(publicKeyPem) })
    await page.getByTestId('verify-submit').click()
    const result = page.getByTestId('check-result')
    await result.waitFor()
    expect(await result.getAttribute('data-status')).toBe('verified')
    expect(await page.getByTestId('check-status').textContent()).toBe('Verified')
    expect(await page.getByTestId('check-message').textContent()).toContain('(the public key you gave)')
    expect(await page.frameLocator('[data-testid="check-frame"]').locator('body').textContent()).toContain('Signature verified')
    expect(await page.getByTestId('check-frame').getAttribute('sandbox')).toBe('')

    // One count changed after signing.
    const altered = JSON.parse(text) as { body: { requests: { tokens: { input: number } } } }
    altered.body.requests.tokens.input += 1
    const alteredText = JSON.stringify(altered, null, 2)
    await page.getByTestId('verify-report-file').setInputFiles({ name: 'altered.json', mimeType: 'application/json', buffer: Buffer.from(alteredText) })
    await expect.poll(() => page.getByTestId('verify-report-text').inputValue()).toBe(alteredText)
    await page.getByTestId('verify-submit').click()
    await page.locator('[data-testid="check-result"][data-status="failed"]').waitFor()
    expect(await result.getAttribute('data-problem')).toBe('bad_signature')
    expect(await page.getByTestId('check-message').textContent()).toContain('the report was altered after it was signed')
    expect(await page.getByTestId('check-status').textContent()).toBe('Does not verify')
    expect(await page.frameLocator('[data-testid="check-frame"]').locator('body').textContent()).toContain('NOT VERIFIED')

    // Pasted, and cut short: nothing to render.
    await page.getByTestId('verify-report-text').fill('{"format": "coop-attestation",')
    await page.getByTestId('verify-submit').click()
    await page.locator('[data-testid="check-result"][data-status="unreadable"]').waitFor()
    expect(await result.getAttribute('data-problem')).toBe('malformed_json')
    expect(await page.getByTestId('check-frame').count()).toBe(0)
    await page.close()
  })

  it('charts requests per day by retention mode, blocked ones apart', async () => {
    const page = await openPage('Compliance')
    const chart = page.getByTestId('retention-chart')
    await chart.waitFor()
    const svg = chart.locator('svg[role="img"]')
    expect(await svg.getAttribute('aria-label')).toMatch(/^Requests per day by retention mode from .+: 3 in total, 1 runs locally, 1 no-store flag, 1 blocked by policy$/)
    expect(await svg.locator(':scope > title').textContent()).toBe(await svg.getAttribute('aria-label'))
    expect(Number(await chart.getAttribute('data-days'))).toBeGreaterThanOrEqual(30)
    const segments = await chart.getByTestId('retention-segment').evaluateAll((els) => els.map((el) => [el.getAttribute('data-mode'), Number(el.getAttribute('data-count'))] as const))
    expect(Object.fromEntries(segments)).toEqual({ local: 1, flag: 1, blocked: 1 })
    expect(await chart.locator('[data-testid="retention-legend"][data-mode="none"]').getAttribute('data-count')).toBe('0')

    await page.locator('[data-testid="retention-window"] label', { hasText: '7 days' }).click()
    await page.locator('[data-testid="retention-window"][data-value="7"]').waitFor()
    await page.locator('[data-testid="retention-chart"][data-days="8"], [data-testid="retention-chart"][data-days="9"]').waitFor()
    expect(await page.getByTestId('retention-chart').getAttribute('data-total')).toBe('3')
    await page.close()
  })
})

describe('tamper evidence', () => {
  it('Verify names the record edited behind the app’s back', async () => {
    // What an attacker with the file could do: lift the guard and rewrite a refusal as a success.
    const { seq } = (JSON.parse(await coop('audit', 'list', '--kind', 'llm_request', '--provider', 'ds', '--json')) as AuditPage).records[0] ?? { seq: 0 }
    const db = new Database(join(dataDir, 'audit.db'))
    try {
      db.exec('DROP TRIGGER records_no_update')
      const changed = db.prepare(`UPDATE records SET data = json_set(data, '$.status', 'succeeded') WHERE seq = ?`).run(seq).changes
      expect(changed).toBe(1)
    } finally {
      db.close()
    }

    const page = await openPage('Audit')
    await page.getByTestId('audit-verify').click()
    const result = page.getByTestId('audit-verify-result')
    await result.waitFor()
    expect(await result.getAttribute('data-ok')).toBe('false')
    expect(await result.getAttribute('role')).toBe('alert')
    expect(await result.getAttribute('data-problem-kind')).toBe('edited')
    expect(await result.getAttribute('data-problem-seq')).toBe(String(seq))
    expect(await page.getByTestId('audit-verify-headline').textContent()).toBe(`Edited at record #${seq}`)
    expect(await page.getByTestId('audit-verify-problem').textContent()).not.toBe('')
    await page.screenshot({ path: join(RESULTS, 'audit-tampered.png'), fullPage: true })
    await page.close()
  })
})
