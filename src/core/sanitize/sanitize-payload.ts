import { createSecretFinder, type SecretSpan } from './find-secrets'
import { formatRules } from './format-rules'
import { keywordRule } from './keyword-rules'
import { knownSecretRules, type KnownSecret } from './known-secrets'
import { providerRules } from './provider-rules'
import { RedactionLedger, type SanitizeReport } from './redaction-ledger'
import type { SecretRule } from './secret-rule'

export type { Redaction, SanitizeReport } from './redaction-ledger'

export interface SanitizeOptions {
  /**
   * The user's own secrets to redact wherever they appear verbatim: API keys from the keychain, values from .env files
   * of indexed repositories. Each with a label for the placeholder (e.g. 'keychain:openai', 'env:DATABASE_URL').
   */
  readonly knownSecrets?: readonly KnownSecret[]
  /** More rules of the caller's, e.g. the router's match of stored keys by fingerprint. */
  readonly extraRules?: readonly SecretRule[]
}

const BUILT_IN_RULES: readonly SecretRule[] = [...providerRules, ...formatRules, keywordRule]

/** One call's rules and numbering: placeholders are stable across every string of one request. */
class Scrubber {
  private readonly ledger = new RedactionLedger()
  private readonly findSecrets: (text: string) => SecretSpan[]
  private readonly skippedShort: number

  constructor(options: SanitizeOptions) {
    const known = knownSecretRules(options.knownSecrets ?? [])
    this.findSecrets = createSecretFinder([...known.rules, ...(options.extraRules ?? []), ...BUILT_IN_RULES])
    this.skippedShort = known.skippedShort
  }

  notePlaceholdersIn(text: string): void {
    this.ledger.notePlaceholdersIn(text)
  }

  scrub(text: string): string {
    const spans = this.findSecrets(text)
    if (spans.length === 0) return text
    let out = ''
    let at = 0
    for (const span of spans) {
      out += text.slice(at, span.start) + this.ledger.redact(span.rule, text.slice(span.start, span.end)).placeholder
      at = span.end
    }
    return out + text.slice(at)
  }

  report(): SanitizeReport {
    return this.ledger.report(this.skippedShort)
  }
}

/** Replaces every secret in `text` with `[REDACTED:<rule>#<n>]`. Text without secrets comes back unchanged (the same string). */
export function sanitizeText(text: string, options: SanitizeOptions = {}): { text: string; report: SanitizeReport } {
  const scrubber = new Scrubber(options)
  scrubber.notePlaceholdersIn(text)
  return { text: scrubber.scrub(text), report: scrubber.report() }
}

/**
 * Walks a JSON-like request payload (messages arrays, nested content blocks, tool inputs) and scrubs every string
 * value (not keys). Returns a new object; the input is not mutated. Inline base64 data (image and document sources)
 * is passed through: it is not text, and a token-shaped run inside it is chance.
 */
export function sanitizeLlmRequestPayload<T>(payload: T, options: SanitizeOptions = {}): { payload: T; report: SanitizeReport } {
  const scrubber = new Scrubber(options)
  // First every existing placeholder, so new numbers follow them wherever in the payload they are.
  visitStrings(payload, (text) => (scrubber.notePlaceholdersIn(text), text))
  const scrubbed = visitStrings(payload, (text) => scrubber.scrub(text)) as T
  return { payload: scrubbed, report: scrubber.report() }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** `{ type: 'base64', data: '…' }`: Anthropic's image and document sources. */
function isBase64Source(value: Record<string, unknown>): boolean {
  return value.type === 'base64' && typeof value.data === 'string'
}

/** A copy of `value` with each string replaced by `map(string)`; other values (numbers, Dates, buffers) are kept as they are. */
function visitStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value)
  if (Array.isArray(value)) return value.map((item) => visitStrings(item, map))
  if (!isPlainObject(value)) return value
  // fromEntries defines own properties, so a `__proto__` key in parsed JSON stays a key.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'data' && isBase64Source(value) ? item : visitStrings(item, map)]))
}
