import type { ProviderKind } from '../../shared/provider-kinds'
import type { AskFile } from './ask-files'
import { CONFIDENTIAL_INSTRUCTION, RETENTION_ANNOTATION, type RetentionPlan } from '../policy/retention'

export const DEFAULT_MAX_TOKENS = 2048

const SYSTEM_PROMPT = `You are Coop, a code-intelligence assistant answering a developer's question about their code. Answer precisely and say when the context given is not enough. ${CONFIDENTIAL_INSTRUCTION}`

/** The question and files as one user message: each file fenced, with its path and the lines sent. */
export function userMessage(question: string, files: readonly AskFile[]): string {
  if (files.length === 0) return question
  const blocks = files.map((f) => `File ${f.path} (lines ${f.startLine}-${f.endLine}):\n${fence(f.text)}`)
  return `${blocks.join('\n\n')}\n\nQuestion: ${question}`
}

/** A fence longer than any backtick run inside the text, so file content cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const ticks = '`'.repeat(longest + 1)
  return `${ticks}\n${text}\n${ticks}`
}

/**
 * The JSON body for the provider's API, before scrubbing. Only fields that API accepts: the public
 * APIs reject unknown ones, so `store` goes to OpenAI only and the annotation only where configured.
 */
export function chatBody(kind: ProviderKind, model: string, user: string, plan: RetentionPlan, maxTokens = DEFAULT_MAX_TOKENS): Record<string, unknown> {
  const annotation = plan.sendAnnotation ? { retention_policy: { ...RETENTION_ANNOTATION } } : {}
  if (kind === 'anthropic') {
    return { model, max_tokens: maxTokens, system: SYSTEM_PROMPT, messages: [{ role: 'user', content: user }], stream: true, ...annotation }
  }
  return {
    model,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: user },
    ],
    // OpenAI replaced max_tokens with max_completion_tokens; compatible servers still read max_tokens.
    ...(kind === 'openai' ? { max_completion_tokens: maxTokens } : { max_tokens: maxTokens }),
    stream: true,
    stream_options: { include_usage: true },
    ...(plan.sendStoreFalse ? { store: false } : {}),
    ...annotation,
  }
}
