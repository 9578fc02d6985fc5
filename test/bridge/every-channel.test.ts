import { request } from 'node:http'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createHandlers } from '../../src/core/bridge/handlers'
import { openCore } from '../../src/core/create-core'
import { startServer } from '../../src/core/serve/start-server'
import { createSenderCheck, registerBridge } from '../../src/main/ipc'
import { channelNames, contract } from '../../src/shared/contract'
import { tempDir } from '../helpers/temp-dir'

/** The preload, loaded with `electron` faked at the boundary: what it exposes is what the page gets. */
const exposed = await vi.hoisted(async () => {
  const calls: unknown[][] = []
  return { calls }
})
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (...args: unknown[]) => exposed.calls.push(args) },
  ipcRenderer: { invoke: async () => ({ ok: true, value: null }), on: () => undefined, removeListener: () => undefined },
}))
await import('../../src/preload/index')
const preloadApi = exposed.calls[0]?.[1] as Record<string, Record<string, unknown>>

function post(port: number, token: string, channel: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/call/${encodeURIComponent(channel)}`,
        headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end('{}')
  })
}

describe('the bridge contract', () => {
  it('gives every channel a schema, a main handler, a preload entry and a browser-mode route', async () => {
    const dataDir = tempDir('coop-data-')
    const renderer = tempDir('coop-renderer-')
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>')
    const core = openCore({ dataDir, version: '0.0.0-test' })
    const handlers = createHandlers(core, { kind: 'browser' })

    const registered: string[] = []
    registerBridge({ handle: (name: string) => registered.push(name), removeHandler: () => undefined }, handlers, createSenderCheck({ appOrigin: 'coop://app', isOurWebContents: () => true }))

    const server = await startServer({ core, rendererDir: renderer, port: 0 })
    const token = new URL(server.url).searchParams.get('token') ?? ''
    try {
      expect(channelNames.length).toBeGreaterThan(0)
      for (const name of channelNames) {
        const [namespace = '', method = ''] = name.split(':')
        expect(contract[name].request, `${name}: schema`).toBeInstanceOf(z.ZodType)
        expect(typeof handlers[name], `${name}: core handler`).toBe('function')
        expect(registered, `${name}: main handler`).toContain(name)
        expect(typeof preloadApi[namespace]?.[method], `${name}: preload entry`).toBe('function')
        const reply = await post(server.port, token, name)
        expect(reply.status, `${name}: browser-mode route`).toBe(200)
        expect(JSON.parse(reply.body).error?.code, `${name}: browser-mode route`).not.toBe('unknown_channel')
      }
      expect(registered.sort()).toEqual([...channelNames].sort())
    } finally {
      await server.close()
      await core.close()
    }
  })
})
