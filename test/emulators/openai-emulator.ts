// A loopback emulator of OpenAI's `POST /v1/chat/completions` and `GET /v1/models`. The base path
// is configurable so it also stands in for OpenAI-compatible servers (e.g. Gemini's
// `/v1beta/openai`), and the key can be optional, as on local servers.
import type { ServerResponse } from 'node:http'
import {
  estimateTokens,
  isRecord,
  makeId,
  retryHeaders,
  sendEventStream,
  sendJson,
  splitIntoDeltas,
  startLoopbackServer,
  type LoopbackServer,
  type RecordedRequest,
  type ScriptedReply,
} from './loopback-server'

export type { RecordedRequest, ScriptedReply } from './loopback-server'

export interface OpenAIEmulatorOptions {
  /** Path before `/chat/completions` and `/models`; default `/v1`. */
  readonly basePath?: string
  /** false for local servers that take no key; default true. */
  readonly requireKey?: boolean
  /** When set, any other bearer token gets 401; otherwise any non-empty token is accepted. */
  readonly apiKey?: string
  /** Listed by GET /models; when set, other models get 404 model_not_found. */
  readonly models?: readonly string[]
  /** The answer's text when no reply is scripted. */
  readonly text?: string
}

export type OpenAIEmulator = LoopbackServer

/** ChatCompletionCreateParamsBase's fields in openai 7.57; the API rejects anything else. */
const ALLOWED_FIELDS: ReadonlySet<string> = new Set([
  'messages',
  'model',
  'audio',
  'frequency_penalty',
  'function_call',
  'functions',
  'logit_bias',
  'logprobs',
  'max_completion_tokens',
  'max_tokens',
  'metadata',
  'modalities',
  'moderation',
  'n',
  'parallel_tool_calls',
  'prediction',
  'presence_penalty',
  'prompt_cache_key',
  'prompt_cache_options',
  'prompt_cache_retention',
  'reasoning_effort',
  'response_format',
  'safety_identifier',
  'seed',
  'service_tier',
  'stop',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'user',
  'verbosity',
  'web_search_options',
])

const ROLES: ReadonlySet<string> = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function'])
const DEFAULT_TEXT = 'Hello from the OpenAI emulator.'
const DEFAULT_MODELS = ['gpt-4o-mini']

interface OpenAIErrorBody {
  readonly message: string
  readonly type: string
  readonly param?: string | null
  readonly code?: string | null
}

export function startOpenAIEmulator(options: OpenAIEmulatorOptions = {}): Promise<OpenAIEmulator> {
  return startLoopbackServer((request, res, server) => handleRequest(request, res, server, options))
}

function handleRequest(
  request: RecordedRequest,
  res: ServerResponse,
  server: LoopbackServer,
  options: OpenAIEmulatorOptions,
): void {
  const basePath = (options.basePath ?? '/v1').replace(/\/+$/, '')
  const route = `${request.method} ${request.path}`
  if (route !== `POST ${basePath}/chat/completions` && route !== `GET ${basePath}/models`) {
    return sendError(res, 404, { message: `Invalid URL (${route})`, type: 'invalid_request_error' })
  }
  const authProblem = findAuthProblem(request, options)
  if (authProblem !== undefined) return sendError(res, 401, authProblem)

  if (request.method === 'GET') return listModels(res, options)

  const problem = findBodyProblem(request, options)
  if (problem !== undefined) return sendError(res, problem.status, problem.error)
  const body = request.body as ChatBody

  const reply: ScriptedReply = server.takeScriptedReply() ?? { kind: 'text', text: options.text ?? DEFAULT_TEXT }
  switch (reply.kind) {
    case 'hang':
      return
    case 'error':
      return sendError(res, reply.status, scriptedError(reply.status, reply.message), retryHeaders(reply))
    case 'text':
      return body.stream === true ? streamCompletion(res, body, reply.text) : sendCompletion(res, body, reply.text)
  }
}

interface ChatBody {
  readonly model: string
  readonly messages: readonly unknown[]
  readonly stream?: boolean
  readonly stream_options?: { readonly include_usage?: boolean } | null
}

function findAuthProblem(request: RecordedRequest, options: OpenAIEmulatorOptions): OpenAIErrorBody | undefined {
  if (options.requireKey === false) return undefined
  const header = request.headers.authorization
  const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : ''
  if (token.length === 0) {
    return {
      message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      type: 'invalid_request_error',
    }
  }
  if (options.apiKey !== undefined && token !== options.apiKey) {
    return { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' }
  }
  return undefined
}

type BodyProblem = { status: number; error: OpenAIErrorBody }

function invalid(message: string, param: string | null, code: string | null = null): BodyProblem {
  return { status: 400, error: { message, type: 'invalid_request_error', param, code } }
}

function findBodyProblem(request: RecordedRequest, options: OpenAIEmulatorOptions): BodyProblem | undefined {
  if (request.bodyParseError !== undefined || !isRecord(request.body)) {
    return invalid(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)",
      null,
    )
  }
  const body = request.body
  for (const field of Object.keys(body)) {
    if (!ALLOWED_FIELDS.has(field)) return invalid(`Unrecognized request argument supplied: ${field}`, null)
  }
  if (typeof body.model !== 'string' || body.model.length === 0) {
    return invalid('you must provide a model parameter', null)
  }
  if (!('messages' in body)) {
    return invalid("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter')
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return invalid("Invalid 'messages': empty array. Expected an array with minimum length 1.", 'messages', 'empty_array')
  }
  for (const [index, message] of body.messages.entries()) {
    const param = `messages.[${index}]`
    if (!isRecord(message)) return invalid(`Invalid type for '${param}': expected an object.`, param)
    if (typeof message.role !== 'string' || !ROLES.has(message.role)) {
      return invalid(`Invalid value: '${String(message.role)}'. Supported values are: ${[...ROLES].map((r) => `'${r}'`).join(', ')}.`, `${param}.role`)
    }
    const mayOmitContent = message.role === 'assistant' && ('tool_calls' in message || 'function_call' in message)
    if (!('content' in message) && !mayOmitContent) {
      return invalid(`Missing required parameter: '${param}.content'.`, `${param}.content`, 'missing_required_parameter')
    }
  }
  if ('stream' in body && body.stream !== null && typeof body.stream !== 'boolean') {
    return invalid(`Invalid type for 'stream': expected a boolean, but got ${typeof body.stream} instead.`, 'stream')
  }
  if (body.stream_options !== undefined && body.stream_options !== null && body.stream !== true) {
    return invalid("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options')
  }
  if ('store' in body && body.store !== null && typeof body.store !== 'boolean') {
    return invalid(`Invalid type for 'store': expected a boolean, but got ${typeof body.store} instead.`, 'store')
  }
  if (options.models !== undefined && !options.models.includes(body.model)) {
    return {
      status: 404,
      error: {
        message: `The model \`${body.model}\` does not exist or you do not have access to it.`,
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      },
    }
  }
  return undefined
}

function sendError(
  res: ServerResponse,
  status: number,
  error: OpenAIErrorBody,
  headers: Readonly<Record<string, string>> = {},
): void {
  sendJson(res, status, { error: { param: null, code: null, ...error } }, { 'x-request-id': makeId('req_'), ...headers })
}

function scriptedError(status: number, message: string | undefined): OpenAIErrorBody {
  if (status === 429) {
    return {
      message: message ?? 'Rate limit reached for requests. Please try again later.',
      type: 'requests',
      code: 'rate_limit_exceeded',
    }
  }
  if (status >= 500) {
    return { message: message ?? 'The server had an error while processing your request. Sorry about that!', type: 'server_error' }
  }
  return { message: message ?? 'Scripted error', type: 'invalid_request_error' }
}

function listModels(res: ServerResponse, options: OpenAIEmulatorOptions): void {
  const models = options.models ?? DEFAULT_MODELS
  sendJson(res, 200, {
    object: 'list',
    data: models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'system' })),
  })
}

function countUsage(body: ChatBody, text: string) {
  const prompt_tokens = estimateTokens(JSON.stringify(body.messages))
  const completion_tokens = splitIntoDeltas(text).length
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens }
}

function sendCompletion(res: ServerResponse, body: ChatBody, text: string): void {
  sendJson(res, 200, {
    id: makeId('chatcmpl-'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: countUsage(body, text),
    system_fingerprint: 'fp_emulator',
  })
}

/** Role chunk, one chunk per delta, a finish chunk, an optional usage chunk, then [DONE]. */
function streamCompletion(res: ServerResponse, body: ChatBody, text: string): void {
  const includeUsage = body.stream_options?.include_usage === true
  const base = {
    id: makeId('chatcmpl-'),
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    system_fingerprint: 'fp_emulator',
  }
  // With include_usage, every chunk carries usage: null until the final usage-only chunk.
  const chunk = (delta: Record<string, unknown>, finish_reason: string | null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason }],
    ...(includeUsage ? { usage: null } : {}),
  })
  const chunks: unknown[] = [
    chunk({ role: 'assistant', content: '', refusal: null }, null),
    ...splitIntoDeltas(text).map((content) => chunk({ content }, null)),
    chunk({}, 'stop'),
  ]
  if (includeUsage) chunks.push({ ...base, choices: [], usage: countUsage(body, text) })
  sendEventStream(res, [...chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`), 'data: [DONE]\n\n'], {
    'x-request-id': makeId('req_'),
  })
}
