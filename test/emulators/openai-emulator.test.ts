import OpenAI, {
  APIConnectionTimeoutError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from 'openai'
import { afterEach, describe, expect, it } from 'vitest'
import { startOpenAIEmulator, type OpenAIEmulator, type OpenAIEmulatorOptions } from './openai-emulator'

const API_KEY = 'sk-test-openai-key-456'
const MODEL = 'gpt-4o-mini'

const started: OpenAIEmulator[] = []

async function start(options: OpenAIEmulatorOptions = {}): Promise<OpenAIEmulator> {
  const emu = await startOpenAIEmulator({ apiKey: API_KEY, text: 'The answer is 42.', ...options })
  started.push(emu)
  return emu
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((emu) => emu.close()))
})

function client(emu: OpenAIEmulator, options: { apiKey?: string; maxRetries?: number; timeout?: number; basePath?: string } = {}) {
  const { basePath = '/v1', ...rest } = options
  return new OpenAI({ apiKey: API_KEY, baseURL: emu.url + basePath, maxRetries: 0, ...rest })
}

const hello = { model: MODEL, messages: [{ role: 'user' as const, content: 'Hi' }] }

describe('OpenAI emulator, driven by the official SDK', () => {
  it('answers a normal call with a chat.completion and usage', async () => {
    const emu = await start()
    const completion = await client(emu).chat.completions.create(hello)

    expect(completion.id).toMatch(/^chatcmpl-/)
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: MODEL,
      choices: [{ index: 0, message: { role: 'assistant', content: 'The answer is 42.' }, finish_reason: 'stop' }],
    })
    expect(completion.usage?.completion_tokens).toBe(4)
    expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + 4)
  })

  it('streams chunks the SDK stream helper assembles, with a final usage chunk and [DONE]', async () => {
    const emu = await start()
    const stream = client(emu).chat.completions.stream({ ...hello, stream_options: { include_usage: true } })
    const deltas: string[] = []
    stream.on('content', (delta) => deltas.push(delta))
    const final = await stream.finalChatCompletion()

    expect(deltas.join('')).toBe('The answer is 42.')
    expect(final.choices[0]?.message.content).toBe('The answer is 42.')
    expect(final.choices[0]?.finish_reason).toBe('stop')
    expect(final.usage?.completion_tokens).toBe(4)
    expect(emu.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } })
  })

  it('sends usage only when asked, and ends the raw stream with data: [DONE]', async () => {
    const emu = await start()
    const stream = await client(emu).chat.completions.create({ ...hello, stream: true })
    const chunks = []
    for await (const chunk of stream) chunks.push(chunk)

    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true)
    expect(chunks.some((chunk) => chunk.usage)).toBe(false)
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop')

    const raw = await fetch(`${emu.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...hello, stream: true }),
    }).then((r) => r.text())
    expect(raw.endsWith('data: [DONE]\n\n')).toBe(true)
  })

  it('rejects an unknown top-level field the way the API does', async () => {
    const emu = await start()
    // Not a literal, so TypeScript lets the extra field through, as a careless caller might.
    const params = { ...hello, max_output_tokens: 50 }
    const error = await client(emu)
      .chat.completions.create(params)
      .catch((e: unknown) => e)

    expect(error).toBeInstanceOf(BadRequestError)
    expect((error as BadRequestError).status).toBe(400)
    expect((error as BadRequestError).error).toMatchObject({
      message: 'Unrecognized request argument supplied: max_output_tokens',
      type: 'invalid_request_error',
    })
  })

  it('requires messages, and stream_options only with stream', async () => {
    const emu = await start()
    const messageOf = (body: Record<string, unknown>) =>
      client(emu)
        .chat.completions.create(hello, { body })
        .then(
          () => 'accepted',
          (e: BadRequestError) => (e.error as { message: string }).message,
        )

    expect(await messageOf({ model: MODEL })).toBe("Missing required parameter: 'messages'.")
    expect(await messageOf({ ...hello, stream_options: { include_usage: true } })).toMatch(/only allowed when 'stream' is enabled/)
  })

  it('accepts store: false and records it', async () => {
    const emu = await start()
    await client(emu).chat.completions.create({ ...hello, store: false, max_completion_tokens: 32, temperature: 0 })

    expect(emu.requests[0]?.body).toEqual({ ...hello, store: false, max_completion_tokens: 32, temperature: 0 })
  })

  it('rejects a wrong key, and a missing one, with AuthenticationError', async () => {
    const emu = await start()
    const wrong = await client(emu, { apiKey: 'sk-wrong' })
      .chat.completions.create(hello)
      .catch((e: unknown) => e)
    expect(wrong).toBeInstanceOf(AuthenticationError)
    expect((wrong as AuthenticationError).code).toBe('invalid_api_key')

    const missing = await fetch(`${emu.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(hello),
    })
    expect(missing.status).toBe(401)
  })

  it('sends the key only in the Authorization header', async () => {
    const emu = await start()
    await client(emu).chat.completions.create(hello)

    const [request] = emu.requests
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(request?.rawBody).not.toContain(API_KEY)
    expect(request?.path).toBe('/v1/chat/completions')
  })

  it('emulates a keyless local server under another base path', async () => {
    const emu = await start({ requireKey: false, basePath: '/v1beta/openai', models: ['gemini-2.5-flash'] })
    const gemini = client(emu, { apiKey: 'unused', basePath: '/v1beta/openai' })
    const completion = await gemini.chat.completions.create({ ...hello, model: 'gemini-2.5-flash' })
    const models = await gemini.models.list()

    expect(completion.choices[0]?.message.content).toBe('The answer is 42.')
    expect(models.data.map((m) => m.id)).toEqual(['gemini-2.5-flash'])
    const wrongPath = await client(emu).chat.completions.create(hello).catch((e: unknown) => e)
    expect(wrongPath).toBeInstanceOf(NotFoundError)
  })

  it('lists configured models on GET /v1/models', async () => {
    const emu = await start({ models: ['gpt-4o-mini', 'gpt-4.1'] })
    const models = await client(emu).models.list()

    expect(models.data.map((m) => m.id)).toEqual(['gpt-4o-mini', 'gpt-4.1'])
    expect(models.data[0]).toMatchObject({ object: 'model' })
  })

  it('returns a scripted 429 as RateLimitError, then the SDK retry succeeds', async () => {
    const emu = await start()
    emu.respondWith({ kind: 'error', status: 429, retryAfterSeconds: 30 })
    const error = await client(emu).chat.completions.create(hello).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).headers.get('retry-after')).toBe('30')
    expect((error as RateLimitError).code).toBe('rate_limit_exceeded')

    emu.respondWith({ kind: 'error', status: 429, retryAfterMs: 50 }, { kind: 'text', text: 'Second time lucky.' })
    const completion = await client(emu, { maxRetries: 1 }).chat.completions.create(hello)
    expect(completion.choices[0]?.message.content).toBe('Second time lucky.')
    expect(emu.requests).toHaveLength(3)
    expect(emu.requests[2]?.headers['x-stainless-retry-count']).toBe('1')
  })

  it('scripts a 500 and a hang', async () => {
    const emu = await start()
    emu.respondWith({ kind: 'error', status: 500 }, { kind: 'hang' })
    const serverError = await client(emu).chat.completions.create(hello).catch((e: unknown) => e)
    const hung = await client(emu, { timeout: 200 }).chat.completions.create(hello).catch((e: unknown) => e)

    expect(serverError).toBeInstanceOf(InternalServerError)
    expect(hung).toBeInstanceOf(APIConnectionTimeoutError)
  })
})
