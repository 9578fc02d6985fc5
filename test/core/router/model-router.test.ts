import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { writeFileSync } from 'node:fs'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import { openCore } from '../../../src/core/create-core'
import { createFileLogger } from '../../../src/core/log/logger'
import { startAnthropicEmulator } from '../../emulators/anthropic-emulator'
import type { LoopbackServer } from '../../emulators/loopback-server'
import { startOpenAIEmulator } from '../../emulators/openai-emulator'
import { FixtureRepo } from '../../helpers/git-fixture'
import { tempDir } from '../../helpers/temp-dir'
import { everythingWritten } from '../../helpers/written-files'

// Random-looking (not "EXAMPLE") so the scrubber's fake-fixture exemptions do not apply.
const OPENAI_KEY = 'sk-proj-Q7vX2mLk9Rt4WbZs8NcYp3HdFj6GaE1uKo5'
const ANTHROPIC_KEY = 'sk-ant-api03-Zr8Kq2VnT5xLw9MbC3pJh7YdG4sF6aE1uRo0'
const GITHUB_TOKEN = 'ghp_R4nd0mT0k3nW1thN0Patt3rnX9qZ2vL7mK8pQ'
const DOTENV_VALUE = 'pg-pass-7Hq2Xw9Lz4'
const QUESTION = 'Why does the retry loop in the payment client give up so early?'

const servers: LoopbackServer[] = []
const cores: Core[] = []

afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function openai(options: Parameters<typeof startOpenAIEmulator>[0] = {}) {
  const server = await startOpenAIEmulator({ apiKey: OPENAI_KEY, models: ['gpt-x'], text: 'Because the budget is two attempts.', ...options })
  servers.push(server)
  return server
}

async function anthropic() {
  const server = await startAnthropicEmulator({ apiKey: ANTHROPIC_KEY, models: ['claude-x'], text: 'It gives up after the deadline.' })
  servers.push(server)
  return server
}

function core(env: NodeJS.ProcessEnv = {}) {
  const dataDir = tempDir()
  const c = openCore({ dataDir, version: 'test', logger: createFileLogger(dataDir), env: { COOP_OA_API_KEY: OPENAI_KEY, COOP_CL_API_KEY: ANTHROPIC_KEY, ...env } })
  cores.push(c)
  return c
}

async function ask(c: Core, request: Parameters<Core['router']['ask']>[0], cwd = process.cwd(), signal?: AbortSignal) {
  let text = ''
  const outcome = await c.router.ask(request, { cwd, signal, onText: (t) => (text += t) })
  return { outcome, text }
}

describe('model router against the OpenAI emulator', () => {
  it('streams the answer, applies store:false and the retention headers, and sends the key only in the auth header', async () => {
    const server = await openai()
    const c = core()
    c.providers.add({ id: 'oa', kind: 'openai', baseUrl: `${server.url}/v1`, models: [{ model: 'gpt-x', inputPrice: 2, outputPrice: 8 }] })
    const { outcome, text } = await ask(c, { question: QUESTION, provider: 'oa' })

    expect(text).toBe('Because the budget is two attempts.')
    expect(outcome).toMatchObject({ status: 'succeeded', provider: 'oa', model: 'gpt-x', retentionMode: 'flag', attempts: 1, error: null })
    expect(outcome.usage?.inputTokens).toBeGreaterThan(0)
    expect(outcome.costUsd).toBeCloseTo(((outcome.usage?.inputTokens ?? 0) * 2 + (outcome.usage?.outputTokens ?? 0) * 8) / 1e6, 12)
    expect(server.requests).toHaveLength(1)
    const [request] = server.requests
    const body = request?.body as Record<string, unknown>
    expect(body).toMatchObject({ model: 'gpt-x', store: false, stream: true, stream_options: { include_usage: true }, max_completion_tokens: 2048 })
    expect(body).not.toHaveProperty('retention_policy')
    expect(JSON.stringify(body.messages)).toContain('confidential')
    expect(request?.headers).toMatchObject({ 'x-data-retention-policy': 'none', 'x-no-training': 'true', 'x-no-logging': 'true', 'x-enterprise-mode': 'true', 'x-use-case': 'code-intelligence' })
    expect(request?.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`)
    const elsewhere = { ...request?.headers, authorization: '' }
    expect(JSON.stringify(elsewhere) + (request?.rawBody ?? '')).not.toContain(OPENAI_KEY)
  })

  it('redacts planted secrets (tokens, stored keys, .env values of indexed repositories) before they leave', async () => {
    const server = await openai()
    const c = core()
    // An indexed repository whose untracked .env holds a password: its value is redacted anywhere.
    const repo = FixtureRepo.create().write('README.md', 'hi\n')
    repo.commit('first')
    writeFileSync(join(repo.path, '.env'), `DATABASE_PASSWORD="${DOTENV_VALUE}"\n`)
    await c.repos.index(repo.path, { code: false })
    c.providers.add({ id: 'oa', kind: 'openai', baseUrl: `${server.url}/v1`, models: ['gpt-x'] })
    const file = join(tempDir(), 'client.ts')
    writeFileSync(file, `const token = '${GITHUB_TOKEN}'\nconst other = '${ANTHROPIC_KEY}'\nconnect('${DOTENV_VALUE}')\nconst max_tokens = 10\n`)
    const { outcome } = await ask(c, { question: `${QUESTION} my key is ${OPENAI_KEY}`, provider: 'oa', files: [{ path: file }] })

    expect(outcome.status).toBe('succeeded')
    expect(outcome.redactions).toBe(4)
    const raw = server.requests[0]?.rawBody ?? ''
    for (const secret of [GITHUB_TOKEN, ANTHROPIC_KEY, DOTENV_VALUE, OPENAI_KEY]) expect(raw).not.toContain(secret)
    expect(raw).toContain('[REDACTED:github-token#1]')
    expect(raw).toContain('[REDACTED:key:oa#1]')
    expect(raw).toContain('[REDACTED:key:cl#1]')
    expect(raw).toContain('[REDACTED:env:DATABASE_PASSWORD#1]')
    expect(raw).toContain('max_tokens = 10')

    const written = everythingWritten(c.dataDir)
    for (const secret of [OPENAI_KEY, ANTHROPIC_KEY, GITHUB_TOKEN, DOTENV_VALUE, QUESTION, 'Because the budget']) expect(written).not.toContain(secret)
  })

  it('retries 429 after Retry-After and 5xx with backoff, and does not retry a 400', async () => {
    const server = await openai()
    const c = core()
    c.providers.add({ id: 'oa', kind: 'openai', baseUrl: `${server.url}/v1`, models: ['gpt-x'] })
    server.respondWith({ kind: 'error', status: 429, retryAfterMs: 20 }, { kind: 'error', status: 503 })
    const retried = await ask(c, { question: QUESTION, provider: 'oa' })
    expect(retried.outcome).toMatchObject({ status: 'succeeded', attempts: 3 })
    expect(server.requests).toHaveLength(3)

    server.respondWith({ kind: 'error', status: 500 }, { kind: 'error', status: 500 }, { kind: 'error', status: 500 })
    const failed = await ask(c, { question: QUESTION, provider: 'oa' })
    expect(failed.outcome).toMatchObject({ status: 'failed', attempts: 3, fallbackFrom: [], error: { code: 'provider_error', status: 500 } })

    const before = server.requests.length
    const bad = await ask(c, { question: QUESTION, provider: 'oa', model: 'not-a-model' })
    expect(bad.outcome).toMatchObject({ status: 'failed', attempts: 1, error: { status: 404 } })
    expect(server.requests.length - before).toBe(1)

    server.respondWith({ kind: 'error', status: 429, retryAfterSeconds: 3600 })
    const tooLong = await ask(c, { question: QUESTION, provider: 'oa' })
    expect(tooLong.outcome).toMatchObject({ status: 'failed', attempts: 1 })
    expect(tooLong.outcome.error?.message).toContain('wait 3600 s')
  })

  it('times out a server that hangs, and a stop cancels a request at once', async () => {
    const server = await openai()
    const c = core()
    c.providers.add({ id: 'oa', kind: 'openai', baseUrl: `${server.url}/v1`, models: ['gpt-x'], timeoutMs: 200 })
    server.respondWith({ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' })
    const timedOut = await ask(c, { question: QUESTION, provider: 'oa' })
    expect(timedOut.outcome).toMatchObject({ status: 'failed', attempts: 3, error: { code: 'timeout' } })

    c.providers.setTimeout('oa', 60_000)
    server.respondWith({ kind: 'hang' })
    const controller = new AbortController()
    const pending = ask(c, { question: QUESTION, provider: 'oa' }, process.cwd(), controller.signal)
    while (server.requests.length < 4) await new Promise((r) => setTimeout(r, 10))
    controller.abort()
    const cancelled = await pending
    expect(cancelled.outcome).toMatchObject({ status: 'cancelled', attempts: 1 })
    expect(c.router.usage().rows[0]).toMatchObject({ provider: 'oa', requests: 2, failed: 2 })
  })

  it('falls back only to a provider with equal or stricter retention', async () => {
    const primary = await openai()
    const local = await openai({ apiKey: undefined, requireKey: false, text: 'Local answer.' })
    const weaker = await openai({ apiKey: 'sk-other', text: 'Weaker answer.' })
    const c = core({ COOP_WEAK_API_KEY: 'sk-other' })
    c.providers.add({ id: 'oa', kind: 'openai', baseUrl: `${primary.url}/v1`, models: ['gpt-x'] })
    c.providers.add({ id: 'weak', kind: 'deepseek', baseUrl: `${weaker.url}/v1`, models: ['gpt-x'] })
    c.policy.approve('weak', 'tester', 'fallback test')
    c.providers.add({ id: 'loc', kind: 'openai-compatible', baseUrl: `${local.url}/v1`, models: ['gpt-x'] })
    primary.respondWith({ kind: 'error', status: 500 }, { kind: 'error', status: 500 }, { kind: 'error', status: 500 })

    const { outcome, text } = await ask(c, { question: QUESTION, provider: 'oa', fallback: ['weak', 'loc'] })
    expect(text).toBe('Local answer.')
    expect(outcome).toMatchObject({ status: 'succeeded', provider: 'loc', retentionMode: 'local', fallbackFrom: ['oa'] })
    expect(weaker.requests).toHaveLength(0)
    // A local server gets no key and no gateway headers.
    expect(local.requests[0]?.headers.authorization).toBeUndefined()
    expect(local.requests[0]?.headers['x-data-retention-policy']).toBeUndefined()
  })
})

describe('model router against a Gemini-style OpenAI-compatible endpoint', () => {
  it('sends no store flag (only OpenAI honours it), asks for no Gemini features, and records no retention control', async () => {
    const server = await openai({ basePath: '/v1beta/openai', apiKey: 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY', models: ['gemini-x'] })
    const c = core({ COOP_GEM_API_KEY: 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY' })
    c.providers.add({ id: 'gem', kind: 'gemini', baseUrl: `${server.url}/v1beta/openai/`, models: ['gemini-x'] })
    const { outcome, text } = await ask(c, { question: QUESTION, provider: 'gem' })
    expect(text).toBe('Because the budget is two attempts.')
    expect(outcome).toMatchObject({ status: 'succeeded', retentionMode: 'none' })
    const body = server.requests[0]?.body as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model', 'stream', 'stream_options'])
    const preview = await c.router.preview({ question: QUESTION, provider: 'gem' }, process.cwd())
    expect(preview.controls).toEqual(expect.arrayContaining(['no cached content', 'no grounding or search tools', 'no session state']))
  })
})

describe('model router against the Anthropic emulator', () => {
  it('sends only fields the Messages API accepts and records contract retention once an agreement is recorded', async () => {
    const server = await anthropic()
    const c = core()
    c.providers.add({ id: 'cl', kind: 'anthropic', baseUrl: server.url, models: ['claude-x'] })
    const none = await ask(c, { question: QUESTION, provider: 'cl' })
    expect(none.text).toBe('It gives up after the deadline.')
    expect(none.outcome).toMatchObject({ status: 'succeeded', retentionMode: 'none' })
    expect(none.outcome.usage?.outputTokens).toBeGreaterThan(0)

    c.policy.update('cl', { agreementVerifiedOn: '2026-01-15' })
    const contract = await ask(c, { question: QUESTION, provider: 'cl' })
    expect(contract.outcome.retentionMode).toBe('contract')
    const body = server.requests[1]?.body as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model', 'stream', 'system'])
    expect(body.system).toContain('confidential')
    expect(server.requests[1]?.headers['x-data-retention-policy']).toBe('none')
  })

  it('refuses the annotation for the public API, and sends it to a gateway configured to accept it', async () => {
    const server = await anthropic()
    const c = core()
    c.providers.add({ id: 'cl', kind: 'anthropic', models: ['claude-x'] })
    expect(() => c.policy.update('cl', { retentionAnnotation: true })).toThrow(/rejects unknown body fields/)
    const gateway = await openai({ apiKey: undefined, requireKey: false })
    c.providers.add({ id: 'gw', kind: 'openai-compatible', baseUrl: `https://gateway.example.com/v1`, models: ['gpt-x'] })
    c.policy.update('gw', { retentionAnnotation: true })
    // A remote self-hosted server has no published no-training posture: it needs an approval first.
    c.policy.approve('gw', 'tester', 'our own gateway')
    const preview = await c.router.preview({ question: QUESTION, provider: 'gw' }, process.cwd())
    expect(preview.body).toMatchObject({ retention_policy: { store_conversation: false, use_for_training: false, use_for_fine_tuning: false, allow_logging: false } })
    expect(server.requests).toHaveLength(0)
    expect(gateway.requests).toHaveLength(0)
  })
})

describe('policy in the router', () => {
  it('blocks DeepSeek until an approval is recorded, and never contacts a blocked or disabled provider', async () => {
    const server = await openai({ apiKey: 'sk-ds' })
    const c = core({ COOP_DS_API_KEY: 'sk-ds' })
    c.providers.add({ id: 'ds', kind: 'deepseek', baseUrl: `${server.url}/v1`, models: ['gpt-x'] })
    const blocked = await ask(c, { question: QUESTION, provider: 'ds' })
    expect(blocked.outcome).toMatchObject({ status: 'blocked', error: { code: 'blocked' } })
    expect(blocked.outcome.error?.message).toContain('coop providers approve ds')
    expect(server.requests).toHaveLength(0)

    c.policy.approve('ds', 'Dana Reviewer', 'evaluation on public code only')
    expect((await ask(c, { question: QUESTION, provider: 'ds' })).outcome.status).toBe('succeeded')
    expect(server.requests).toHaveLength(1)

    c.providers.setEnabled('ds', false)
    expect((await ask(c, { question: QUESTION, provider: 'ds' })).outcome.status).toBe('blocked')
    c.providers.setEnabled('ds', true)
    c.policy.update('ds', { allowedModels: ['other-model'] })
    expect((await ask(c, { question: QUESTION, provider: 'ds', model: 'gpt-x' })).outcome.error?.message).toContain('allow-list')
    expect(server.requests).toHaveLength(1)
    expect(c.router.usage().rows.find((r) => r.provider === 'ds')).toMatchObject({ requests: 4, failed: 3 })
  })

  it('offline mode refuses a remote provider before any socket opens, and still calls a local one', async () => {
    const local = await openai({ apiKey: undefined, requireKey: false, text: 'offline answer' })
    const c = core()
    c.providers.add({ id: 'oa', kind: 'openai', baseUrl: 'https://203.0.113.7/v1', models: ['gpt-x'] })
    c.providers.add({ id: 'loc', kind: 'openai-compatible', baseUrl: `${local.url}/v1`, models: ['gpt-x'] })
    c.policy.setOffline(true)
    const sockets: Socket[] = []
    const onSocket = (message: unknown) => sockets.push((message as { socket: Socket }).socket)
    subscribe('net.client.socket', onSocket)
    try {
      const remote = await ask(c, { question: QUESTION, provider: 'oa' })
      expect(remote.outcome).toMatchObject({ status: 'blocked' })
      expect(remote.outcome.error?.message).toContain('Offline mode')
      expect(sockets).toEqual([])
      const answered = await ask(c, { question: QUESTION, provider: 'loc' })
      expect(answered.text).toBe('offline answer')
      expect(sockets.length).toBeGreaterThan(0)
      expect(sockets.map((socket) => socket.remoteAddress ?? socket.localAddress).every((host) => host === '127.0.0.1')).toBe(true)
    } finally {
      unsubscribe('net.client.socket', onSocket)
    }
  })

  it('a dry run shows exactly what would go out, key masked, and sends nothing', async () => {
    const server = await openai()
    const c = core()
    c.providers.add({ id: 'oa', kind: 'openai', baseUrl: `${server.url}/v1`, models: ['gpt-x'] })
    const repo = tempDir()
    writeFileSync(join(repo, 'a.ts'), 'line 1\nline 2\nconst t = "' + GITHUB_TOKEN + '"\nline 4\n')
    const preview = await c.router.preview({ question: QUESTION, provider: 'oa', files: [{ path: 'a.ts', startLine: 2, endLine: 3 }] }, repo)
    expect(server.requests).toHaveLength(0)
    expect(preview).toMatchObject({
      provider: 'oa',
      method: 'POST',
      url: `${server.url}/v1/chat/completions`,
      retentionMode: 'flag',
      key: { source: 'env' },
      files: [{ path: 'a.ts', startLine: 2, endLine: 3 }],
      redactions: { total: 1, byRule: { 'github-token': 1 } },
    })
    expect(preview.headers.authorization).toMatch(/^Bearer ••••\(sha256:[0-9a-f]{12}\)$/)
    expect(JSON.stringify(preview)).not.toContain(OPENAI_KEY)
    expect(JSON.stringify(preview.body)).toContain('line 2')
    expect(JSON.stringify(preview.body)).not.toContain('line 4')
    // The preview's hash is the hash of the body that is then sent.
    await ask(c, { question: QUESTION, provider: 'oa', files: [{ path: join(repo, 'a.ts'), startLine: 2, endLine: 3 }] }, repo)
    expect(server.requests[0]?.body).toEqual(preview.body)
  })
})
