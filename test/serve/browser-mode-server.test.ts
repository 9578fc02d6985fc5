import { request } from 'node:http'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/core/core'
import { openCore } from '../../src/core/create-core'
import { startServer, type RunningServer } from '../../src/core/serve/start-server'
import { channelNames } from '../../src/shared/contract'
import { FixtureRepo, ada } from '../helpers/git-fixture'
import { tempDir } from '../helpers/temp-dir'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request, so tests can send the Host and Origin headers a browser never lets pages forge. */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

let core: Core
let server: RunningServer
let dataDir: string

async function start(): Promise<{ token: string; port: number }> {
  dataDir = tempDir('coop-data-')
  const renderer = tempDir('coop-renderer-')
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Coop</title>')
  mkdirSync(join(renderer, 'assets'))
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  core = openCore({ dataDir, version: '0.0.0-test' })
  server = await startServer({ core, rendererDir: renderer, port: 0 })
  const token = new URL(server.url).searchParams.get('token') ?? ''
  return { token, port: server.port }
}

afterEach(async () => {
  await server?.close()
  await core?.close()
})

const call = (port: number, token: string, channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(port, `/api/call/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('browser mode access control', () => {
  it('listens on 127.0.0.1 and prints a URL carrying a long random token', async () => {
    const { token } = await start()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/)
    expect(token).toHaveLength(43)
  })

  it('answers 401 without the token, for the page, assets, calls and events', async () => {
    const { port, token } = await start()
    expect((await send(port, '/')).status).toBe(401)
    expect((await send(port, '/assets/app.js')).status).toBe(401)
    expect((await send(port, '/api/events')).status).toBe(401)
    expect((await call(port, 'wrong', 'repos:list', {})).status).toBe(401)
    expect((await call(port, `${token}x`, 'repos:list', {})).status).toBe(401)
  })

  it('sets an HttpOnly SameSite=Strict cookie when the printed URL is opened, which then admits assets', async () => {
    const { port, token } = await start()
    const page = await send(port, `/?token=${token}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Coop</title>')
    const cookie = String(page.headers['set-cookie'])
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    const asset = await send(port, '/assets/app.js', { headers: { cookie: cookie.split(';')[0] ?? '' } })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toContain('text/javascript')
  })

  it('requires the Bearer header for calls: the cookie alone (what a forged form sends) is refused', async () => {
    const { port, token } = await start()
    const res = await send(port, '/api/call/repos%3Alist', {
      method: 'POST',
      headers: { cookie: `coop_session=${token}`, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(401)
  })

  it('refuses foreign Host headers (DNS rebinding) and foreign origins', async () => {
    const { port, token } = await start()
    expect((await send(port, `/?token=${token}`, { headers: { host: `evil.example:${port}` } })).status).toBe(403)
    expect((await call(port, token, 'repos:list', {}, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await call(port, token, 'repos:list', {}, { origin: `http://localhost:${port}` })).status).toBe(200)
  })

  it('serves nothing outside the renderer folder', async () => {
    const { port, token } = await start()
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/%00']) {
      const res = await send(port, path, { headers: { authorization: `Bearer ${token}` } })
      expect([400, 404]).toContain(res.status)
      expect(res.body).not.toContain('root:')
    }
  })
})

describe('browser mode bridge', () => {
  it('routes every contract channel through dispatch', async () => {
    const { port, token } = await start()
    for (const channel of channelNames) {
      const res = await call(port, token, channel, {})
      expect(res.status, channel).toBe(200)
      const result = JSON.parse(res.body) as { ok: boolean; error?: { code: string } }
      // Each channel answers with a result value: a value, or a validation/host error — never "unknown".
      expect(result.ok || result.error?.code !== 'unknown_channel', channel).toBe(true)
    }
    const unknown = JSON.parse((await call(port, token, 'nope:nothing', {})).body)
    expect(unknown).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'Unknown channel: nope:nothing' } })
  })

  it('validates input and reports core errors as result values', async () => {
    const { port, token } = await start()
    const invalid = JSON.parse((await call(port, token, 'repos:add', { path: 42 })).body)
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const extra = JSON.parse((await call(port, token, 'repos:list', { sneaky: true })).body)
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const missing = JSON.parse((await call(port, token, 'repos:add', { path: '/nonexistent/coop' })).body)
    expect(missing).toEqual({ ok: false, error: { code: 'path_missing', message: 'Path does not exist: /nonexistent/coop' } })
    const picker = JSON.parse((await call(port, token, 'dialog:pickFolder', {})).body)
    expect(picker).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    const info = JSON.parse((await call(port, token, 'app:info', {})).body)
    expect(info).toMatchObject({ ok: true, value: { host: 'browser', capabilities: { pickFolder: false, printToPdf: false } } })
    const notJson = await send(port, '/api/call/repos%3Alist', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{not json',
    })
    expect(notJson.status).toBe(400)
  })

  it('streams index events over SSE while a repository added through the API is indexed', async () => {
    const { port, token } = await start()
    const repo = FixtureRepo.create()
    repo.write('a.txt', 'a\n').commit('one', ada)
    repo.write('b.txt', 'b\n').commit('two', ada)

    const frames: string[] = []
    const finished = new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: `/api/events?token=${token}`, headers: { host: `127.0.0.1:${port}` } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream')
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          frames.push(chunk)
          if (frames.join('').includes('event: index:finished')) {
            req.destroy()
            resolve()
          }
        })
      })
      req.on('error', (error) => (frames.join('').includes('index:finished') ? resolve() : reject(error)))
      req.end()
      // Add only once the stream is open, so no event is missed.
      setTimeout(() => void call(port, token, 'repos:add', { path: repo.path }), 100)
    })
    await finished
    const text = frames.join('')
    expect(text).toContain('event: index:progress')
    const finishedFrame = text.split('\n\n').find((frame) => frame.startsWith('event: index:finished')) ?? ''
    expect(JSON.parse(finishedFrame.split('data: ')[1] ?? '')).toMatchObject({ outcome: { kind: 'succeeded', result: { commits: 2 } } })
  })

  it('writes neither the token nor request bodies to the log or the database', async () => {
    const { port, token } = await start()
    await call(port, token, 'repos:add', { path: '/nonexistent/secret-path-7731' })
    await server.close()
    await core.close()
    for (const name of readdirSync(dataDir, { recursive: true, encoding: 'utf8' })) {
      const full = join(dataDir, name)
      try {
        const content = readFileSync(full)
        expect(content.includes(token), name).toBe(false)
        expect(content.includes('secret-path-7731'), name).toBe(false)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error
      }
    }
  })
})
