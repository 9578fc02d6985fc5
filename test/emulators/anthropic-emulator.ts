// A loopback emulator of Anthropic's `POST /v1/messages` that rejects what the real API rejects,
// so tests that point the official SDK at it prove something about the request.
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

export interface AnthropicEmulatorOptions {
  /** When set, any other key gets 401; otherwise any non-empty key is accepted. */
  readonly apiKey?: string
  /** When set, other models get 404 not_found_error. */
  readonly models?: readonly string[]
  /** The answer's text when no reply is scripted. */
  readonly text?: string
}

export type AnthropicEmulator = LoopbackServer

/**
 * Body fields the Messages API accepts. The stable ones are MessageCreateParamsBase's body params
 * in @anthropic-ai/sdk 1.14; temperature/top_p/top_k are no longer in the SDK's types but the API
 * still accepts them for older models; context_management and mcp_servers are beta body params.
 */
const ALLOWED_FIELDS: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'max_tokens',
  'system',
  'metadata',
  'stop_sequences',
  'stream',
  'temperature',
  'top_p',
  'top_k',
  'tools',
  'tool_choice',
  'thinking',
  'service_tier',
  'container',
  'cache_control',
  'diagnostics',
  'inference_geo',
  'output_config',
  'speed',
  'context_management',
  'mcp_servers',
])

const ERROR_TYPE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
}

const DEFAULT_TEXT = 'Hello from the Anthropic emulator.'

export function startAnthropicEmulator(options: AnthropicEmulatorOptions = {}): Promise<AnthropicEmulator> {
  return startLoopbackServer((request, res, server) => handleRequest(request, res, server, options))
}

function handleRequest(
  request: RecordedRequest,
  res: ServerResponse,
  server: LoopbackServer,
  options: AnthropicEmulatorOptions,
): void {
  if (request.method !== 'POST' || request.path !== '/v1/messages') {
    return sendError(res, 404, 'Not found')
  }
  const apiKey = readApiKey(request)
  if (apiKey === undefined) {
    return sendError(res, 401, 'x-api-key header is required')
  }
  if (options.apiKey !== undefined && apiKey !== options.apiKey) {
    return sendError(res, 401, 'invalid x-api-key')
  }
  if (typeof request.headers['anthropic-version'] !== 'string') {
    return sendError(res, 400, 'anthropic-version: header is required')
  }
  const problem = findBodyProblem(request)
  if (problem !== undefined) return sendError(res, problem.status, problem.message)
  const body = request.body as MessagesBody
  if (options.models !== undefined && !options.models.includes(body.model)) {
    return sendError(res, 404, `model: ${body.model}`)
  }

  const reply: ScriptedReply = server.takeScriptedReply() ?? { kind: 'text', text: options.text ?? DEFAULT_TEXT }
  switch (reply.kind) {
    case 'hang':
      return
    case 'error':
      return sendError(res, reply.status, reply.message ?? defaultErrorMessage(reply.status), retryHeaders(reply))
    case 'text':
      return body.stream === true ? streamMessage(res, body, reply.text) : sendMessage(res, body, reply.text)
  }
}

/**
 * The API takes the key as `x-api-key` or as `Authorization: Bearer`; @anthropic-ai/sdk 1.x sends
 * an apiKey as a bearer token, older clients and curl examples use x-api-key.
 */
function readApiKey(request: RecordedRequest): string | undefined {
  const header = request.headers['x-api-key']
  if (typeof header === 'string' && header.length > 0) return header
  const authorization = request.headers.authorization
  const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : ''
  return token.length > 0 ? token : undefined
}

interface MessagesBody {
  readonly model: string
  readonly messages: readonly { readonly role: string; readonly content: unknown }[]
  readonly max_tokens: number
  readonly system?: unknown
  readonly stream?: boolean
}

function findBodyProblem(request: RecordedRequest): { status: number; message: string } | undefined {
  if (request.bodyParseError !== undefined || !isRecord(request.body)) {
    return { status: 400, message: 'There was an error parsing the body: expected a JSON object' }
  }
  const body = request.body
  for (const field of Object.keys(body)) {
    if (!ALLOWED_FIELDS.has(field)) return { status: 400, message: `${field}: Extra inputs are not permitted` }
  }
  for (const field of ['model', 'messages', 'max_tokens']) {
    if (!(field in body)) return { status: 400, message: `${field}: Field required` }
  }
  if (typeof body.model !== 'string' || body.model.length === 0) {
    return { status: 400, message: 'model: Input should be a valid string' }
  }
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1) {
    return { status: 400, message: 'max_tokens: Input should be a valid integer greater than or equal to 1' }
  }
  if ('stream' in body && typeof body.stream !== 'boolean') {
    return { status: 400, message: 'stream: Input should be a valid boolean' }
  }
  if ('system' in body && typeof body.system !== 'string' && !Array.isArray(body.system)) {
    return { status: 400, message: 'system: Input should be a valid string or list' }
  }
  return findMessagesProblem(body.messages)
}

function findMessagesProblem(messages: unknown): { status: number; message: string } | undefined {
  if (!Array.isArray(messages)) return { status: 400, message: 'messages: Input should be a valid list' }
  if (messages.length === 0) return { status: 400, message: 'messages: at least one message is required' }
  let previousRole: string | undefined
  for (const [index, message] of messages.entries()) {
    if (!isRecord(message)) return { status: 400, message: `messages.${index}: Input should be a valid dictionary` }
    const { role, content } = message
    if (role !== 'user' && role !== 'assistant') {
      return { status: 400, message: `messages.${index}.role: Input should be 'user' or 'assistant'` }
    }
    if (typeof content !== 'string' && !Array.isArray(content)) {
      return { status: 400, message: `messages.${index}.content: Input should be a valid string or list` }
    }
    if (index === 0 && role !== 'user') {
      return { status: 400, message: 'messages: first message must use the "user" role' }
    }
    if (role === previousRole) {
      return {
        status: 400,
        message: `messages: roles must alternate between "user" and "assistant", but found multiple "${role}" roles in a row`,
      }
    }
    previousRole = role
  }
  return undefined
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const type = ERROR_TYPE_BY_STATUS[status] ?? 'api_error'
  sendJson(res, status, { type: 'error', error: { type, message }, request_id: makeId('req_') }, {
    'request-id': makeId('req_'),
    ...headers,
  })
}

function defaultErrorMessage(status: number): string {
  switch (status) {
    case 429:
      return 'Number of request tokens has exceeded your per-minute rate limit'
    case 529:
      return 'Overloaded'
    default:
      return 'Internal server error'
  }
}

function countInputTokens(body: MessagesBody): number {
  return estimateTokens(JSON.stringify(body.system ?? '') + JSON.stringify(body.messages))
}

function sendMessage(res: ServerResponse, body: MessagesBody, text: string): void {
  sendJson(res, 200, {
    id: makeId('msg_'),
    type: 'message',
    role: 'assistant',
    model: body.model,
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: countInputTokens(body), output_tokens: splitIntoDeltas(text).length },
  })
}

/** The event sequence the real API streams for a single text block. */
function streamMessage(res: ServerResponse, body: MessagesBody, text: string): void {
  const deltas = splitIntoDeltas(text)
  const events: { type: string; [key: string]: unknown }[] = [
    {
      type: 'message_start',
      message: {
        id: makeId('msg_'),
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: countInputTokens(body), output_tokens: 1 },
      },
    },
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    { type: 'ping' },
    ...deltas.map((delta) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: delta } })),
    { type: 'content_block_stop', index: 0 },
    {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: deltas.length },
    },
    { type: 'message_stop' },
  ]
  sendEventStream(
    res,
    events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`),
    { 'request-id': makeId('req_') },
  )
}
