// The plumbing both provider emulators share: a node:http server on 127.0.0.1 port 0 that records
// every request, a queue of scripted replies for the next requests, and JSON/SSE writers.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request exactly as it arrived, so tests can assert on what a client really sent. */
export interface RecordedRequest {
  readonly method: string
  readonly path: string
  /** Node lower-cases header names. */
  readonly headers: IncomingHttpHeaders
  readonly rawBody: string
  /** The parsed JSON body; undefined when the body was empty or not JSON (see bodyParseError). */
  readonly body: unknown
  readonly bodyParseError: string | undefined
}

/**
 * What the emulator does with the next valid request instead of its default answer.
 * Scripted replies are consumed only by requests that pass authentication and validation, so an
 * invalid request is still rejected the way the real API would reject it.
 */
export type ScriptedReply =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'error'
      readonly status: number
      readonly message?: string
      /** Sent as `retry-after` (seconds), the header both providers send on 429. */
      readonly retryAfterSeconds?: number
      /** Sent as `retry-after-ms`, which both official SDKs prefer when present. */
      readonly retryAfterMs?: number
    }
  | { readonly kind: 'hang' }

export interface LoopbackServer {
  readonly url: string
  readonly requests: RecordedRequest[]
  /** Queues replies for the next valid requests, in order. */
  respondWith(...replies: ScriptedReply[]): void
  /** Takes the next scripted reply, if any. */
  takeScriptedReply(): ScriptedReply | undefined
  /** Stops listening and drops every open connection, including hung ones. */
  close(): Promise<void>
}

export type RequestHandler = (request: RecordedRequest, res: ServerResponse, server: LoopbackServer) => void

export async function startLoopbackServer(handle: RequestHandler): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = []
  const script: ScriptedReply[] = []

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8')
      const parsed = parseJsonBody(rawBody)
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        headers: req.headers,
        rawBody,
        body: parsed.body,
        bodyParseError: parsed.error,
      }
      requests.push(recorded)
      handle(recorded, res, loopback)
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  const loopback: LoopbackServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith: (...replies) => void script.push(...replies),
    takeScriptedReply: () => script.shift(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // A hung request keeps its socket open; close() would otherwise wait for it forever.
        server.closeAllConnections()
      }),
  }
  return loopback
}

function parseJsonBody(rawBody: string): { body: unknown; error: string | undefined } {
  if (rawBody.length === 0) return { body: undefined, error: undefined }
  try {
    return { body: JSON.parse(rawBody) as unknown, error: undefined }
  } catch (error) {
    return { body: undefined, error: error instanceof Error ? error.message : String(error) }
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const payload = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  })
  res.end(payload)
}

/** Writes each frame as its own chunk, the way a real server flushes events as they are produced. */
export function sendEventStream(
  res: ServerResponse,
  frames: readonly string[],
  headers: Readonly<Record<string, string>> = {},
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  })
  for (const frame of frames) res.write(frame)
  res.end()
}

/** Headers a scripted error carries, e.g. retry-after on a 429. */
export function retryHeaders(reply: Extract<ScriptedReply, { kind: 'error' }>): Record<string, string> {
  const headers: Record<string, string> = {}
  if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds)
  if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs)
  return headers
}

/** Splits text into word-sized pieces (keeping the spaces) to stream as deltas. */
export function splitIntoDeltas(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? []
}

/** A rough token count, enough to give usage fields plausible, deterministic values. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4))
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

let counter = 0
/** A unique-enough id with a provider's prefix (msg_…, chatcmpl-…). */
export function makeId(prefix: string): string {
  counter += 1
  return `${prefix}${Date.now().toString(36)}${counter.toString(36).padStart(6, '0')}`
}
