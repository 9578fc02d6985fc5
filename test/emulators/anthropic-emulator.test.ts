import Anthropic, {
  APIConnectionTimeoutError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  OverloadedError,
  RateLimitError,
} from '@anthropic-ai/sdk'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startAnthropicEmulator, type AnthropicEmulator } from './anthropic-emulator'

const API_KEY = 'sk-ant-test-key-123'
const MODEL = 'claude-sonnet-4-6'

let emu: AnthropicEmulator

beforeEach(async () => {
  emu = await startAnthropicEmulator({ apiKey: API_KEY, text: 'The answer is 42.' })
})

afterEach(async () => {
  await emu.close()
})

function client(options: { apiKey?: string; maxRetries?: number; timeout?: number } = {}): Anthropic {
  return new Anthropic({ apiKey: API_KEY, baseURL: emu.url, maxRetries: 0, ...options })
}

const hello = { model: MODEL, max_tokens: 64, messages: [{ role: 'user' as const, content: 'Hi' }] }

describe('Anthropic emulator, driven by the official SDK', () => {
  it('answers a normal call with a real-shaped Message', async () => {
    const message = await client().messages.create(hello)

    expect(message.id).toMatch(/^msg_/)
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: MODEL,
      content: [{ type: 'text', text: 'The answer is 42.' }],
      stop_reason: 'end_turn',
    })
    expect(message.usage.input_tokens).toBeGreaterThan(0)
    expect(message.usage.output_tokens).toBe(4)
  })

  it('streams the real event sequence, which the SDK stream helper assembles', async () => {
    const stream = client().messages.stream(hello)
    const texts: string[] = []
    stream.on('text', (text) => texts.push(text))
    const events: string[] = []
    for await (const event of stream) events.push(event.type)
    const final = await stream.finalMessage()

    expect(texts.join('')).toBe('The answer is 42.')
    expect(final.content).toMatchObject([{ type: 'text', text: 'The answer is 42.' }])
    expect(final.stop_reason).toBe('end_turn')
    expect(final.usage.output_tokens).toBe(4)
    expect(events).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ])
    expect(emu.requests[0]?.body).toMatchObject({ stream: true })
  })

  it('writes each SSE frame as event/data pairs, with a ping after content_block_start', async () => {
    const response = await fetch(`${emu.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({ ...hello, stream: true }),
    })
    const raw = await response.text()
    const types = [...raw.matchAll(/^event: (\S+)\ndata: (.+)\n\n/gm)].map((m) => {
      expect(JSON.parse(m[2] ?? '')).toMatchObject({ type: m[1] })
      return m[1]
    })
    expect(types.slice(0, 3)).toEqual(['message_start', 'content_block_start', 'ping'])
    expect(types.at(-1)).toBe('message_stop')
  })

  it('rejects an unknown top-level field the way the API does', async () => {
    const error = await client()
      .messages.create(hello, { body: { ...hello, reasoning_effort: 'high' } })
      .catch((e: unknown) => e)

    expect(error).toBeInstanceOf(BadRequestError)
    expect((error as BadRequestError).status).toBe(400)
    expect((error as BadRequestError).error).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'reasoning_effort: Extra inputs are not permitted' },
    })
  })

  it('requires max_tokens, a leading user message and alternating roles', async () => {
    const messageOf = (body: Record<string, unknown>) =>
      client()
        .messages.create(hello, { body })
        .then(
          () => 'accepted',
          (e: BadRequestError) => (e.error as { error: { message: string } }).error.message,
        )

    expect(await messageOf({ model: MODEL, messages: hello.messages })).toBe('max_tokens: Field required')
    expect(await messageOf({ ...hello, messages: [{ role: 'assistant', content: 'Hi' }] })).toBe(
      'messages: first message must use the "user" role',
    )
    expect(
      await messageOf({
        ...hello,
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'user', content: 'again' },
        ],
      }),
    ).toMatch(/roles must alternate/)
    expect(
      await messageOf({
        ...hello,
        temperature: 0.2,
        system: 'Be brief.',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello' },
          { role: 'user', content: [{ type: 'text', text: 'Bye' }] },
        ],
      }),
    ).toBe('accepted')
  })

  it('rejects a missing or wrong key with 401 authentication_error', async () => {
    const wrong = await client({ apiKey: 'sk-ant-wrong' })
      .messages.create(hello)
      .catch((e: unknown) => e)
    expect(wrong).toBeInstanceOf(AuthenticationError)
    expect((wrong as AuthenticationError).error).toMatchObject({ error: { type: 'authentication_error' } })

    const viaHeader = await fetch(`${emu.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify(hello),
    })
    expect(viaHeader.status).toBe(200)

    const missing = await fetch(`${emu.url}/v1/messages`, {
      method: 'POST',
      headers: { 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify(hello),
    })
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ error: { type: 'authentication_error', message: 'x-api-key header is required' } })
  })

  it('requires the anthropic-version header', async () => {
    const response = await fetch(`${emu.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify(hello),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error' } })
  })

  it('sends the key only in the auth header, never in the body or URL', async () => {
    await client().messages.create(hello)

    const [request] = emu.requests
    // SDK 1.x sends an apiKey as a bearer token; the API also takes x-api-key (see the 401 test).
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(request?.headers['x-api-key']).toBeUndefined()
    expect(request?.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(request?.rawBody).not.toContain(API_KEY)
    expect(request?.path).not.toContain(API_KEY)
    expect(request?.body).toEqual(hello)
  })

  it('returns a scripted 429 as RateLimitError with retry-after', async () => {
    emu.respondWith({ kind: 'error', status: 429, retryAfterSeconds: 7, message: 'slow down' })
    const error = await client()
      .messages.create(hello)
      .catch((e: unknown) => e)

    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).headers.get('retry-after')).toBe('7')
    expect((error as RateLimitError).error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } })
  })

  it('lets the SDK retry after a 429 and succeed on the next scripted answer', async () => {
    emu.respondWith({ kind: 'error', status: 429, retryAfterSeconds: 1 }, { kind: 'text', text: 'Second time lucky.' })
    const started = Date.now()
    const message = await client({ maxRetries: 1 }).messages.create(hello)

    expect(message.content).toEqual([{ type: 'text', text: 'Second time lucky.' }])
    expect(emu.requests).toHaveLength(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(emu.requests[1]?.headers['x-stainless-retry-count']).toBe('1')
  })

  it('scripts 500 api_error and 529 overloaded_error', async () => {
    emu.respondWith({ kind: 'error', status: 500 }, { kind: 'error', status: 529 })
    const first = await client().messages.create(hello).catch((e: unknown) => e)
    const second = await client().messages.create(hello).catch((e: unknown) => e)

    expect(first).toBeInstanceOf(InternalServerError)
    expect((first as InternalServerError).error).toMatchObject({ error: { type: 'api_error' } })
    expect(second).toBeInstanceOf(OverloadedError)
    expect((second as OverloadedError).error).toMatchObject({ error: { type: 'overloaded_error' } })
  })

  it('can hang, so the SDK times out', async () => {
    emu.respondWith({ kind: 'hang' })
    const error = await client({ timeout: 200 })
      .messages.create(hello)
      .catch((e: unknown) => e)

    expect(error).toBeInstanceOf(APIConnectionTimeoutError)
    expect(emu.requests).toHaveLength(1)
  })
})
