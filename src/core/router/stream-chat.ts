import type Anthropic from '@anthropic-ai/sdk'
import type OpenAI from 'openai'
import type { TokenUsage } from '../../shared/router-types'
import type { ProviderKind } from '../../shared/provider-kinds'
import { loadSdks } from './sdk-modules'

/** Where and how one request goes: everything the SDK client needs, the key only for this call. */
export interface ChatTarget {
  readonly kind: ProviderKind
  readonly baseUrl: string
  /** Null for servers that take no key: the SDK gets a placeholder that the guarded fetch drops. */
  readonly key: string | null
  readonly timeoutMs: number
  readonly headers: Readonly<Record<string, string>>
  readonly fetch: typeof fetch
}

export interface ChatResult {
  readonly usage: TokenUsage | null
  readonly stopReason: string | null
}

/** Stands in for a missing key so the SDK builds the request; the guarded fetch removes the header. */
export const NO_KEY = 'coop-no-key'

/**
 * Sends one already-sanitized body through the provider's official SDK and streams the answer's text to
 * `onText`. No retries here (the router decides those, honouring Retry-After); the SDK's timeout covers
 * a server that never answers, and `signal` cancels.
 */
export async function streamChat(target: ChatTarget, body: Record<string, unknown>, signal: AbortSignal | undefined, onText: (text: string) => void): Promise<ChatResult> {
  // logLevel off: ANTHROPIC_LOG/OPENAI_LOG=debug must not print requests (and their code) to the console.
  const sdks = await loadSdks()
  const common = { baseURL: target.baseUrl, timeout: target.timeoutMs, maxRetries: 0, fetch: target.fetch, defaultHeaders: target.headers, logLevel: 'off' as const }
  if (target.kind === 'anthropic') {
    const client = new sdks.Anthropic({ ...common, apiKey: target.key ?? NO_KEY, authToken: null })
    const stream = await client.messages.create(body as unknown as Anthropic.MessageCreateParamsStreaming, { signal })
    let input = 0
    let output = 0
    let stopReason: string | null = null
    for await (const event of stream) {
      if (event.type === 'message_start') {
        input = event.message.usage.input_tokens
        output = event.message.usage.output_tokens
      } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        onText(event.delta.text)
      } else if (event.type === 'message_delta') {
        output = event.usage.output_tokens
        stopReason = event.delta.stop_reason
      }
    }
    return { usage: { inputTokens: input, outputTokens: output }, stopReason }
  }
  // Explicit nulls: OPENAI_ORG_ID and friends in the environment must not ride along to other providers.
  const client = new sdks.OpenAI({ ...common, apiKey: target.key ?? NO_KEY, organization: null, project: null, adminAPIKey: null, webhookSecret: null })
  const stream = await client.chat.completions.create(body as unknown as OpenAI.ChatCompletionCreateParamsStreaming, { signal })
  let usage: TokenUsage | null = null
  let stopReason: string | null = null
  for await (const chunk of stream) {
    const choice = chunk.choices[0]
    const text = choice?.delta.content
    if (text) onText(text)
    if (choice?.finish_reason) stopReason = choice.finish_reason
    if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens }
  }
  return { usage, stopReason }
}
