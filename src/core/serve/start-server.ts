import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { join, resolve } from 'node:path'
import { eventNames } from '../../shared/channels'
import { contentSecurityPolicy } from '../../shared/content-security-policy'
import { fail } from '../../shared/result'
import { dispatch } from '../bridge/dispatch'
import { createHandlers } from '../bridge/handlers'
import type { Core } from '../core'
import { CoopError } from '../errors/coop-error'
import { RepoWatcher } from '../repos/watch-repositories'
import {
  bearerToken,
  cookieToken,
  createToken,
  isAllowedHost,
  isAllowedOrigin,
  sessionCookie,
  tokensEqual,
} from './access'
import { readStaticFile } from './static-files'

export interface ServeOptions {
  readonly core: Core
  /** The built renderer (out/renderer). */
  readonly rendererDir: string
  /** 0 picks a free port. */
  readonly port?: number
  readonly token?: string
  /** Re-index repositories when their HEAD or refs move (on by default, like the desktop app). */
  readonly watch?: boolean
}

export interface RunningServer {
  /** The address to open, with the launch token in it. */
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

const MAX_BODY_BYTES = 1024 * 1024

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy('production'),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/**
 * Browser mode: the renderer and the bridge contract over HTTP on 127.0.0.1 only. Every request
 * needs the launch token (a cookie set when the printed URL is opened, or a Bearer header), a
 * loopback Host, and no foreign Origin. Calls go through the same dispatch as Electron IPC.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const rendererDir = resolve(options.rendererDir)
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new CoopError('unsupported', `The app is not built (no ${join(rendererDir, 'index.html')}): run npm run build`)
  }
  const token = options.token ?? createToken()
  const handlers = createHandlers(options.core, { kind: 'browser' })
  const streams = new Set<ServerResponse>()
  const offEvents = options.core.events.onAny((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const res of streams) res.write(frame)
  }, eventNames)

  const watcher = options.watch === false ? null : new RepoWatcher(options.core.repos, options.core.events, options.core.logger)
  let port = 0
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.core.logger.log('error', 'browser mode request failed', { url: req.url?.split('?')[0], error })
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error')
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    if (!isAllowedHost(req, port)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: unexpected Host header')
    if (!isAllowedOrigin(req, port)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: cross-origin request')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST')
      // Calls need the header, not just the cookie: a cross-site form can send cookies, never headers.
      if (!tokensEqual(token, bearerToken(req))) return sendJson(res, 401, fail('forbidden', 'Missing or wrong access token'))
      const channel = decodeURIComponent(url.pathname.slice('/api/call/'.length))
      const body = await readJsonBody(req)
      if (!body.ok) return sendJson(res, 400, fail('invalid_input', body.message))
      return sendJson(res, 200, await dispatch(handlers, channel, body.value, options.core.logger))
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    const fromQuery = url.searchParams.get('token')
    const authorised = tokensEqual(token, cookieToken(req)) || tokensEqual(token, bearerToken(req)) || tokensEqual(token, fromQuery)
    if (!authorised) {
      return send(res, 401, 'text/plain; charset=utf-8', 'Unauthorized: open the address printed by coop serve (it carries the access token)')
    }
    if (tokensEqual(token, fromQuery)) res.setHeader('Set-Cookie', sessionCookie(token))

    if (url.pathname === '/api/events') return openEventStream(req, res, streams)
    const file = await readStaticFile(rendererDir, url.pathname)
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    res.setHeader('Cache-Control', url.pathname === '/' || url.pathname.endsWith('.html') ? 'no-store' : 'no-cache')
    return send(res, 200, file.contentType, req.method === 'HEAD' ? '' : file.body)
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new CoopError('unsupported', `Port ${options.port} is in use: choose another with --port, or --port 0 for any free port`)
          : error,
      )
    })
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as { port: number }).port

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: () => {
      watcher?.close()
      return closeServer(server, streams, offEvents)
    },
  }
}

function openEventStream(req: IncomingMessage, res: ServerResponse, streams: Set<ServerResponse>): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
  res.write(': connected\n\n')
  streams.add(res)
  // A comment every 15 s keeps proxies and idle timers from closing a quiet stream.
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 15_000)
  req.on('close', () => {
    clearInterval(heartbeat)
    streams.delete(res)
  })
}

async function readJsonBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return { ok: false, message: 'Send the request as application/json' }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return { ok: false, message: 'Request body is larger than 1 MiB' }
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, message: 'Request body is not valid JSON' }
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': contentType })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value))
}

function closeServer(server: Server, streams: Set<ServerResponse>, offEvents: () => void): Promise<void> {
  offEvents()
  for (const res of streams) res.end()
  streams.clear()
  return new Promise((resolveClose) => {
    server.close(() => resolveClose())
    server.closeAllConnections()
  })
}
