import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const fakeProtocol = vi.hoisted(() => ({ registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }))
vi.mock('electron', () => ({ protocol: fakeProtocol }))

const { registerAppScheme, resolveRendererPath, respondWithRendererFile, serveRenderer } = await import('./protocol')

const CSP = "default-src 'self'"
let root: string
let rendererDir: string

// A built renderer next to a secret it must never serve: <tmp>/secret.txt beside <tmp>/renderer/.
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'coop-protocol-'))
  rendererDir = join(root, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>')
  await writeFile(join(rendererDir, 'assets', 'index.js'), 'console.log("coop")')
  await writeFile(join(root, 'secret.txt'), 'top secret')
  await symlink(join(root, 'secret.txt'), join(rendererDir, 'assets', 'leak.txt'))
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

function get(url: string, method = 'GET'): Promise<Response> {
  return respondWithRendererFile(new Request(url, { method }), rendererDir, CSP)
}

describe('respondWithRendererFile', () => {
  it.each(['coop://app/', 'coop://app', 'coop://app/index.html'])('serves index.html for %s', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CSP)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<div id="root">')
  })

  it('serves assets with their content type', async () => {
    const response = await get('coop://app/assets/index.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await response.text()).toBe('console.log("coop")')
  })

  it.each([
    'coop://app/../../etc/passwd',
    'coop://app/../secret.txt',
    'coop://app/%2e%2e/%2e%2e/etc/passwd',
    'coop://app/%2e%2e%2fsecret.txt',
    'coop://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'coop://app/..%5csecret.txt',
    'coop://app/%252e%252e%252fsecret.txt',
    'coop://app/assets/leak.txt',
    'coop://app/index.html%00.js',
    'coop://app/%E0%A4%A',
    'coop://app/assets',
    'coop://app/missing.js',
    'coop://evil/index.html',
  ])('answers 404 for %s', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('top secret')
  })

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('coop://app/index.html', 'POST')).status).toBe(405)
    const head = await get('coop://app/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})

describe('resolveRendererPath', () => {
  it('maps the root to index.html and keeps paths under the folder', () => {
    expect(resolveRendererPath('coop://app/', '/srv/renderer')).toBe('/srv/renderer/index.html')
    expect(resolveRendererPath('coop://app/assets/a.js', '/srv/renderer')).toBe('/srv/renderer/assets/a.js')
    expect(resolveRendererPath('coop://app/%2e%2e%2fsecret.txt', '/srv/renderer')).toBeNull()
    expect(resolveRendererPath('https://app/index.html', '/srv/renderer')).toBeNull()
  })
})

describe('registration', () => {
  it('registers coop: as a standard, secure scheme without CORS', () => {
    registerAppScheme()
    expect(fakeProtocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'coop', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })

  it('handles coop: requests from the renderer folder', async () => {
    serveRenderer(rendererDir, CSP)
    const [scheme, handler] = fakeProtocol.handle.mock.calls[0] ?? []
    expect(scheme).toBe('coop')
    const response = (await handler(new Request('coop://app/'))) as Response
    expect(response.status).toBe(200)
  })
})
