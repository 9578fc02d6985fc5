/** Stable error codes: what crosses the bridge when a call fails. */
export const errorCodes = [
  'invalid_input',
  'unknown_channel',
  'forbidden',
  'not_found',
  'path_missing',
  'not_a_repository',
  'empty_repository',
  'git_failed',
  'unsupported',
  'storage_failed',
  'keychain_unavailable',
  'cancelled',
  'blocked',
  'provider_error',
  'timeout',
  'internal',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface BridgeError {
  readonly code: ErrorCode
  readonly message: string
}

/** Every bridge call resolves to a value, never a thrown error: Electron keeps only `message` of those. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: BridgeError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } }
}
