import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startOpenAIEmulator, type OpenAIEmulator } from '../emulators/openai-emulator'
import { runCoop } from '../helpers/run-coop'
import { tempDir } from '../helpers/temp-dir'
import { everythingWritten } from '../helpers/written-files'

const ROOT = resolve(import.meta.dirname, '../..')
const BIN = join(ROOT, 'bin', 'coop.mjs')
const KEY = 'sk-proj-Hq4Zr8Vn2Lw5MbC9pJx7YdG3sF6aE1uKo0T'
const QUESTION = 'What does the settlement job do when the ledger is locked?'
const PLANTED = 'ghp_Zk4Q9vR2mX7bN3cL8pW5tY1hJ6gF0dS2aK9q'

const servers: OpenAIEmulator[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function emulator(text = 'It waits and retries.') {
  const server = await startOpenAIEmulator({ apiKey: KEY, models: ['gpt-x'], text })
  servers.push(server)
  return server
}

/** A data dir with provider `oa` pointing at the emulator, and a key in the environment. */
async function setUp(server: OpenAIEmulator) {
  const dataDir = tempDir()
  const env = { COOP_OA_API_KEY: KEY }
  const run = (args: string[], cwd?: string) => runCoop(['--data-dir', dataDir, ...args], { env, ...(cwd ? { cwd } : {}) })
  expect((await run(['providers', 'add', 'oa', '--kind', 'openai', '--base-url', `${server.url}/v1`, '--model', 'gpt-x'])).code).toBe(0)
  expect((await run(['providers', 'model', 'oa', 'gpt-x', '--input-price', '2', '--output-price', '8', '--context', '128000'])).stdout).toBe(
    'oa gpt-x: context 128000 tokens, $2 / $8 per million tokens in / out\n',
  )
  return { dataDir, env, run }
}

describe('coop ask', () => {
  it('streams the answer to stdout, a summary to stderr, and counts it in coop usage', async () => {
    const server = await emulator()
    const { run } = await setUp(server)
    const work = tempDir()
    writeFileSync(join(work, 'job.ts'), `line one\nconst token = "${PLANTED}"\nline three\n`)

    const asked = await run(['ask', QUESTION, '--provider', 'oa', '--file', 'job.ts:2-3'], work)
    expect(asked.code).toBe(0)
    expect(asked.stdout).toBe('It waits and retries.\n')
    expect(asked.stderr).toMatch(/^— oa gpt-x · retention flag · \d+ in \/ \d+ out · \$0\.\d+ · 1 redacted\n$/)
    const raw = server.requests[0]?.rawBody ?? ''
    expect(raw).not.toContain(PLANTED)
    expect(raw).toContain('File job.ts (lines 2-3)')

    const json = await run(['ask', QUESTION, '--provider', 'oa', '--json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'succeeded', answer: 'It waits and retries.', provider: 'oa', model: 'gpt-x', retentionMode: 'flag', attempts: 1 })

    const usage = JSON.parse((await run(['usage', '--json'])).stdout) as { rows: unknown[]; totals: { requests: number; costUsd: number } }
    expect(usage.rows).toEqual([expect.objectContaining({ provider: 'oa', model: 'gpt-x', requests: 2, failed: 0 })])
    expect(usage.totals.requests).toBe(2)
    expect(usage.totals.costUsd).toBeGreaterThan(0)
    const table = (await run(['usage'])).stdout
    expect(table.split('\n').slice(0, 2)).toEqual([
      'PROVIDER  MODEL  REQUESTS  FAILED  IN TOKENS  OUT TOKENS  COST',
      expect.stringMatching(/^oa {8}gpt-x {9}2 {7}0 +\d+ +\d+ {2}\$0\.\d+$/),
    ])
  })

  it('--dry-run prints the egress preview and sends nothing', async () => {
    const server = await emulator()
    const { run } = await setUp(server)
    const text = await run(['ask', `${QUESTION} ${PLANTED}`, '--provider', 'oa', '--dry-run'])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(`POST ${server.url}/v1/chat/completions`)
    expect(text.stdout).toMatch(/authorization: Bearer ••••\(sha256:[0-9a-f]{12}\)/)
    expect(text.stdout).toContain('redactions: 1 (github-token 1)')
    expect(text.stdout).toContain('"store": false')
    expect(text.stdout).not.toContain(KEY)
    expect(text.stdout).not.toContain(PLANTED)
    const json = JSON.parse((await run(['ask', QUESTION, '--provider', 'oa', '--dry-run', '--json'])).stdout) as { url: string; retentionMode: string }
    expect(json).toMatchObject({ url: `${server.url}/v1/chat/completions`, retentionMode: 'flag' })
    expect(server.requests).toHaveLength(0)
  })

  it('exits 1 with the reason when policy blocks the provider, and 2 for usage mistakes', async () => {
    const server = await emulator()
    const { run } = await setUp(server)
    expect((await run(['providers', 'add', 'ds', '--kind', 'deepseek', '--base-url', `${server.url}/v1`, '--model', 'gpt-x'])).code).toBe(0)
    const blocked = await run(['ask', QUESTION, '--provider', 'ds'])
    expect(blocked.code).toBe(1)
    expect(blocked.stderr).toContain('coop: blocked: DeepSeek API does not commit to keeping API inputs out of training')
    const json = await run(['ask', QUESTION, '--provider', 'ds', '--json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'blocked', error: { code: 'blocked' } })
    expect(server.requests).toHaveLength(0)

    const check = await run(['providers', 'check'])
    expect(check.code).toBe(1)
    expect(check.stdout).toMatch(/\nCRITICAL ds {2}no-training-unapproved: DeepSeek API/)
    expect(check.stdout).toContain('Blocked until resolved: ds')
    expect((await run(['providers', 'approve', 'ds', '--by', 'Dana', '--reason', 'public code only'])).stdout).toMatch(/^Approved ds: by Dana at .+: public code only\n$/)
    const after = await run(['providers', 'check', '--json'])
    expect(after.code).toBe(0)
    expect(JSON.parse(after.stdout)).toMatchObject({ blockedProviders: [] })

    expect((await run(['ask', QUESTION, '--provider', 'oa', '--max-tokens', 'lots'])).code).toBe(2)
    expect((await run(['ask', QUESTION, '--provider', 'oa', '--file', 'missing.ts'])).stderr).toBe('coop: Cannot read missing.ts: no such file\n')
  })

  it('coop policy and coop providers set change what may be called', async () => {
    const server = await emulator()
    const { run } = await setUp(server)
    expect(JSON.parse((await run(['policy', 'offline', 'on', '--json'])).stdout)).toEqual({ offline: true, blockedEndpoints: ['files', 'batches', 'fine-tuning'] })
    expect((await run(['policy', 'show'])).stdout).toBe('offline mode: on (local providers only)\nblocked endpoints: files, batches, fine-tuning\n')
    // 127.0.0.1 is this machine, but an `openai` provider is a hosted API whatever its URL: offline refuses it.
    expect((await run(['ask', QUESTION, '--provider', 'oa'])).stderr).toContain('Offline mode is on and oa is not a local provider')
    await run(['policy', 'offline', 'off'])
    expect((await run(['policy', 'unblock', 'batches', '--json'])).stdout).toContain('"files"')

    const set = await run(['providers', 'set', 'oa', '--agreement-verified', '2026-10-01', '--allow-model', 'gpt-x', '--timeout-ms', '5000', '--json'])
    expect(JSON.parse(set.stdout)).toMatchObject({ timeoutMs: 5000, policy: { retentionMode: 'contract', agreementVerifiedOn: '2026-10-01', allowedModels: ['gpt-x'] } })
    // The public API (no --base-url) would reject the annotation; a gateway (oa points at one) may take it.
    await run(['providers', 'add', 'pub', '--kind', 'openai'])
    expect((await run(['providers', 'set', 'pub', '--retention-annotation'])).stderr).toContain('cannot take the retention_policy annotation')
    expect(JSON.parse((await run(['providers', 'set', 'oa', '--retention-annotation', '--json'])).stdout)).toMatchObject({ policy: { retentionAnnotation: true } })
    expect((await run(['ask', QUESTION, '--provider', 'oa', '--model', 'gpt-y'])).stderr).toContain("not on oa's allow-list")
    expect((await run(['providers', 'set', 'oa', '--no-agreement-verified', '--allow-any-model'])).stdout).toBe('oa: retention flag; models any; timeout 5000 ms\n')
    expect(server.requests).toHaveLength(0)
  })
})

describe('coop ask as a real process', () => {
  it('stops on Ctrl-C (recorded as cancelled), and writes neither the key nor the prompt anywhere', async () => {
    const server = await emulator()
    const { dataDir, env, run } = await setUp(server)
    server.respondWith({ kind: 'hang' })
    const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, 'ask', `${QUESTION} ${PLANTED}`, '--provider', 'oa'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 20))
    child.kill('SIGINT')
    const code = await new Promise<number | null>((r) => child.on('exit', r))
    expect(code).toBe(130)
    expect(stderr).toContain('coop: cancelled: Stopped')

    const answered = await run(['ask', QUESTION, '--provider', 'oa'])
    expect(answered.code).toBe(0)
    const usage = JSON.parse((await run(['usage', '--json'])).stdout) as { rows: { requests: number; failed: number }[] }
    expect(usage.rows[0]).toMatchObject({ requests: 2, failed: 1 })
    const written = everythingWritten(dataDir)
    for (const secret of [KEY, QUESTION, PLANTED, 'It waits and retries']) expect(written).not.toContain(secret)
  })
})
