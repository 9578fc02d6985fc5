import type { RequestOf } from '../../../../shared/contract'
import { defaultBaseUrl, type ProviderKind } from '../../../../shared/provider-kinds'
import { parseModelList } from './model-list'

export interface AddProviderFields {
  readonly id: string
  readonly kind: ProviderKind
  readonly baseUrl: string
  /** Comma-separated model names. */
  readonly models: string
  /** Milliseconds as typed; '' for the default. */
  readonly timeoutMs: string
}

export type AddProviderParse =
  | { readonly ok: true; readonly request: RequestOf<'providers:add'> }
  | { readonly ok: false; readonly field: keyof AddProviderFields; readonly message: string }

const MAX_TIMEOUT_MS = 3_600_000

/**
 * The add-provider form as a bridge request, or the first field to fix. The same rules as the contract,
 * checked here so a slip is pointed out at its field; core still checks everything (the base URL too).
 */
export function parseAddProvider(fields: AddProviderFields): AddProviderParse {
  const id = fields.id.trim()
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) return { ok: false, field: 'id', message: 'A provider id is lowercase letters, digits and dashes' }
  const baseUrl = fields.baseUrl.trim()
  if (baseUrl === '' && defaultBaseUrl(fields.kind) === null) {
    return { ok: false, field: 'baseUrl', message: `A provider of kind ${fields.kind} needs a base URL (like http://localhost:11434/v1 for Ollama)` }
  }
  const timeout = fields.timeoutMs.trim()
  let timeoutMs: number | undefined
  if (timeout !== '') {
    timeoutMs = Number(timeout)
    if (!/^\d+$/.test(timeout) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
      return { ok: false, field: 'timeoutMs', message: `The timeout is a whole number of milliseconds, from 1 to ${MAX_TIMEOUT_MS}` }
    }
  }
  const models = parseModelList(fields.models)
  return {
    ok: true,
    request: {
      id,
      kind: fields.kind,
      ...(baseUrl !== '' ? { baseUrl } : {}),
      ...(models.length > 0 ? { models } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    },
  }
}
