import type { Transport } from '../../../shared/api'
import { eventNames, type ChannelName, type EventName } from '../../../shared/channels'
import { errorCodes, fail, type BridgeError, type ErrorCode, type Result } from '../../../shared/result'

/** The part of EventSource the transport uses, so tests can hand in a fake. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void
  close(): void
  readonly readyState: number
}

export interface HttpTransportOptions {
  /** The per-launch token from `coop serve`; null when the page was opened without one. */
  readonly token: string | null
  /** Origin of the server; '' (the default) means the page's own origin. */
  readonly baseUrl?: string
  readonly fetch?: typeof fetch
  readonly createEventSource?: (url: string) => EventSourceLike
}

const EVENT_SOURCE_CLOSED = 2
const MAX_SERVER_MESSAGE = 300

/**
 * Browser mode's side of the bridge: calls are `POST /api/call/<channel>` answering a Result, events
 * arrive on one shared Server-Sent Events stream. Every failure becomes a Result, never a throw.
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const baseUrl = options.baseUrl ?? ''
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init))
  const createEventSource = options.createEventSource ?? ((url: string) => new EventSource(url))
  const listeners = new Map<EventName, Set<{ readonly listener: (payload: unknown) => void }>>()
  let source: EventSourceLike | null = null

  async function call(channel: ChannelName, request: unknown): Promise<Result<unknown>> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (options.token) headers.Authorization = `Bearer ${options.token}`
    let response: Response
    try {
      response = await fetchFn(`${baseUrl}/api/call/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(request ?? {}),
        credentials: 'same-origin',
        cache: 'no-store',
      })
    } catch (error) {
      return fail('internal', `Could not reach the Coop server (${describeError(error)}). Is “coop serve” still running?`)
    }
    if (response.status !== 200) return failureForStatus(channel, response.status, await readServerMessage(response))
    let body: unknown
    try {
      body = await response.json()
    } catch (error) {
      return fail('internal', `The Coop server sent an unreadable answer to ${channel} (${describeError(error)})`)
    }
    return toResult(body) ?? fail('internal', `The Coop server sent an answer to ${channel} that is not a result`)
  }

  function openEvents(): EventSourceLike {
    const query = options.token ? `?token=${encodeURIComponent(options.token)}` : ''
    const opened = createEventSource(`${baseUrl}/api/events${query}`)
    for (const name of eventNames) {
      opened.addEventListener(name, (event) => deliver(name, event.data))
    }
    opened.addEventListener('error', () => {
      // The browser retries a dropped stream by itself; a refused one (401/403) is closed for good.
      if (opened.readyState === EVENT_SOURCE_CLOSED) console.error('The Coop event stream was refused; live progress is off until the page is reopened')
    })
    return opened
  }

  function deliver(name: EventName, data: unknown): void {
    let payload: unknown
    try {
      payload = JSON.parse(String(data))
    } catch (error) {
      console.error(`Dropped a ${name} event whose data is not JSON`, error)
      return
    }
    for (const entry of [...(listeners.get(name) ?? [])]) {
      try {
        entry.listener(payload)
      } catch (error) {
        console.error(`A ${name} listener threw`, error)
      }
    }
  }

  function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    source ??= openEvents()
    // One entry per subscription, so subscribing the same function twice needs two unsubscribes.
    const entry = { listener }
    let set = listeners.get(event)
    if (!set) {
      set = new Set()
      listeners.set(event, set)
    }
    set.add(entry)
    return () => {
      listeners.get(event)?.delete(entry)
    }
  }

  return { call, subscribe }
}

function failureForStatus(channel: ChannelName, status: number, serverMessage: string | null): Result<never> {
  const detail = serverMessage ? ` Server said: ${serverMessage}` : ''
  if (status === 401) {
    return fail(
      'forbidden',
      `This page is not signed in to Coop (HTTP 401). Open the link that “coop serve” printed again; its token changes at every launch.${detail}`,
    )
  }
  if (status === 403) return fail('forbidden', `The Coop server refused ${channel} (HTTP 403).${detail}`)
  return fail('internal', `The Coop server failed to answer ${channel} (HTTP ${status}).${detail}`)
}

/** The server's own explanation of a non-200 answer, when it sent one (a failed Result or plain text). */
async function readServerMessage(response: Response): Promise<string | null> {
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    console.warn('Could not read the body of a failed Coop call', error)
    return null
  }
  let message = text
  try {
    const parsed: unknown = JSON.parse(text)
    const result = toResult(parsed)
    if (result && !result.ok) message = result.error.message
  } catch {
    // Not JSON: the plain text is the message.
  }
  message = message.trim()
  if (message === '') return null
  return message.length > MAX_SERVER_MESSAGE ? `${message.slice(0, MAX_SERVER_MESSAGE)}…` : message
}

/** A Result, when `body` has that shape; an unknown error code (a newer server) is kept as `internal`. */
export function toResult(body: unknown): Result<unknown> | null {
  if (typeof body !== 'object' || body === null) return null
  const record = body as Record<string, unknown>
  if (record.ok === true) return Object.hasOwn(record, 'value') ? { ok: true, value: record.value } : null
  if (record.ok !== false) return null
  const error = toBridgeError(record.error)
  return error ? { ok: false, error } : null
}

function toBridgeError(value: unknown): BridgeError | null {
  if (typeof value !== 'object' || value === null) return null
  const { code, message } = value as Record<string, unknown>
  if (typeof message !== 'string') return null
  return { code: isErrorCode(code) ? code : 'internal', message }
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (errorCodes as readonly string[]).includes(code)
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
