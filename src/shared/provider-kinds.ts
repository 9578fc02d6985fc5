/**
 * The kinds of model provider Coop can talk to, each through its official SDK. `openai-compatible`
 * is any server that speaks the OpenAI API (Ollama, llama.cpp server, vLLM, LM Studio): the local,
 * air-gapped path, so it has no default address.
 */
export const PROVIDER_KINDS = ['anthropic', 'openai', 'gemini', 'openai-compatible', 'deepseek'] as const

export type ProviderKind = (typeof PROVIDER_KINDS)[number]

export const PROVIDER_KIND_RULE = `A provider kind is one of ${PROVIDER_KINDS.join(', ')}`

export function isProviderKind(value: string): value is ProviderKind {
  return (PROVIDER_KINDS as readonly string[]).includes(value)
}

/** Where a provider of this kind is reached when no base URL is configured; null: one must be given. */
export function defaultBaseUrl(kind: ProviderKind): string | null {
  switch (kind) {
    case 'anthropic':
      return 'https://api.anthropic.com'
    case 'openai':
      return 'https://api.openai.com/v1'
    case 'gemini':
      // Gemini's OpenAI-compatible endpoint.
      return 'https://generativelanguage.googleapis.com/v1beta/openai/'
    case 'deepseek':
      return 'https://api.deepseek.com'
    case 'openai-compatible':
      return null
  }
}
