import type { SdkModules } from './sdk-modules'

/** How a failed attempt is handled: retried after a wait, or final. */
export type FailureClass =
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'connection' }
  | { readonly kind: 'http'; readonly status: number; readonly retryAfterMs: number | null }
  | { readonly kind: 'other' }

export const MAX_ATTEMPTS = 3
/** A Retry-After longer than this is not waited out: the call fails (or falls back) and says when to retry. */
export const MAX_RETRY_AFTER_MS = 60_000
const BASE_DELAY_MS = 500
const MAX_DELAY_MS = 8_000

/**
 * Reads what the official SDKs' errors carry (APIError.status/headers, the timeout and abort classes).
 * Takes the loaded SDKs: an error from one means they are loaded already.
 */
export function classifyFailure(error: unknown, { Anthropic, OpenAI }: SdkModules): FailureClass {
  if (error instanceof Anthropic.APIUserAbortError || error instanceof OpenAI.APIUserAbortError) return { kind: 'cancelled' }
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'cancelled' }
  if (error instanceof Anthropic.APIConnectionTimeoutError || error instanceof OpenAI.APIConnectionTimeoutError) return { kind: 'timeout' }
  if (error instanceof Anthropic.APIConnectionError || error instanceof OpenAI.APIConnectionError) return { kind: 'connection' }
  if ((error instanceof Anthropic.APIError || error instanceof OpenAI.APIError) && typeof error.status === 'number') {
    return { kind: 'http', status: error.status, retryAfterMs: retryAfter(error.headers) }
  }
  return { kind: 'other' }
}

/** 408, 409, 429 and 5xx, timeouts and dropped connections are worth another try; 4xx mistakes are not. */
export function isRetryable(failure: FailureClass): boolean {
  if (failure.kind === 'timeout' || failure.kind === 'connection') return true
  if (failure.kind !== 'http') return false
  return failure.status === 408 || failure.status === 409 || failure.status === 429 || failure.status >= 500
}

/**
 * The wait before attempt `attempt + 1`: the server's Retry-After when it gave one, else exponential
 * backoff with jitter. Null: do not retry (out of attempts, or the server asks for too long a wait).
 */
export function retryDelay(failure: FailureClass, attempt: number, random: () => number = Math.random): number | null {
  if (attempt >= MAX_ATTEMPTS || !isRetryable(failure)) return null
  if (failure.kind === 'http' && failure.retryAfterMs !== null) return failure.retryAfterMs <= MAX_RETRY_AFTER_MS ? failure.retryAfterMs : null
  const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1))
  return Math.round(backoff * (0.75 + random() * 0.25))
}

/** `retry-after-ms` (both SDK vendors send it), else `retry-after` in seconds or as an HTTP date. */
export function retryAfter(headers: unknown, now = Date.now()): number | null {
  if (!(headers instanceof Headers)) return null
  const ms = Number(headers.get('retry-after-ms') ?? Number.NaN)
  if (Number.isFinite(ms) && ms >= 0) return ms
  const value = headers.get('retry-after')
  if (value === null) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/** Resolves after `ms`, or rejects at once when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
