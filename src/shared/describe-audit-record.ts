import type { AuditKind, AuditRecord } from './audit-types'

/** How each kind is named in the table and the kind filter. */
export const kindLabels: Readonly<Record<AuditKind, string>> = {
  llm_request: 'Model request',
  key_set: 'Key set',
  key_removed: 'Key removed',
  provider_added: 'Provider added',
  provider_removed: 'Provider removed',
  provider_enabled: 'Provider enabled',
  provider_disabled: 'Provider disabled',
  approval: 'Approval',
  approval_revoked: 'Approval revoked',
  policy_override: 'Policy override',
  setting_changed: 'Setting changed',
  export: 'Export',
  prune: 'Prune',
}

type Data = AuditRecord['data']

function formatCount(value: number, locale?: string): string {
  return value.toLocaleString(locale)
}

/**
 * One line saying what a record is about (the app's audit table and `coop audit list`), from its data: "succeeded openai gpt-4.1 · retention flag ·
 * 812/64 tokens", "offline_mode: false → true". Records hold ids, counts and settings, never content,
 * so the line can show whatever is there; a field of an unexpected type is left out rather than guessed.
 */
export function describeRecord(record: Pick<AuditRecord, 'kind' | 'data'>, locale?: string): string {
  const d = record.data
  const provider = text(d, 'provider')
  switch (record.kind) {
    case 'llm_request':
      return describeRequest(d, locale)
    case 'key_set':
      return join(`key for ${provider ?? '?'}`, text(d, 'fingerprint'), text(d, 'source'), d.rotated === true ? 'replaced the previous key' : null)
    case 'key_removed':
      return join(`key for ${provider ?? '?'} removed`, text(d, 'fingerprint'))
    case 'provider_added': {
      const models = list(d, 'models')
      return join(`${provider ?? '?'}${text(d, 'kind') ? ` (${text(d, 'kind')})` : ''}`, text(d, 'baseUrl'), models && models.length > 0 ? `models ${models.join(', ')}` : null)
    }
    case 'provider_removed':
    case 'provider_enabled':
    case 'provider_disabled':
      return provider ?? '?'
    case 'approval': {
      const by = text(d, 'by')
      const reason = text(d, 'reason')
      return `${provider ?? '?'} approved${by ? ` by ${by}` : ''}${reason ? `: ${reason}` : ''}`
    }
    case 'approval_revoked':
      return `approval of ${provider ?? '?'} revoked`
    case 'policy_override':
    case 'setting_changed':
      return describeChange(d)
    case 'export':
      return describeExport(d)
    case 'prune':
      return describePrune(d, locale)
    default:
      return compactJson(d)
  }
}

function describeRequest(d: Data, locale?: string): string {
  const status = text(d, 'status') ?? 'request'
  const head = [status, text(d, 'provider'), text(d, 'model')].filter((part) => part !== null && part !== '').join(' ')
  if (status === 'blocked') return join(head, text(d, 'reason'))
  const mode = text(d, 'retentionMode')
  const input = number(d, 'inputTokens')
  const output = number(d, 'outputTokens')
  const redactions = isRecord(d.redactions) ? number(d.redactions, 'total') : null
  const code = number(d, 'statusCode')
  // A cancelled request's error class is "cancelled": said once is enough.
  const failure = text(d, 'errorClass') === status ? null : text(d, 'errorClass')
  const fallback = list(d, 'fallbackFrom')
  return join(
    head,
    mode ? `retention ${mode}` : null,
    input !== null || output !== null ? `${formatCount(input ?? 0, locale)}/${formatCount(output ?? 0, locale)} tokens` : null,
    redactions ? `${formatCount(redactions, locale)} ${redactions === 1 ? 'redaction' : 'redactions'}` : null,
    status === 'failed' || status === 'cancelled' ? [code !== null ? `HTTP ${code}` : null, failure].filter(Boolean).join(' ') || null : null,
    fallback && fallback.length > 0 ? `fallback from ${fallback.join(', ')}` : null,
  )
}

function describeChange(d: Data): string {
  const setting = text(d, 'setting') ?? 'setting'
  const provider = text(d, 'provider')
  return `${provider ? `${provider} ` : ''}${setting}: ${formatValue(d.from)} → ${formatValue(d.to)}`
}

function describeExport(d: Data): string {
  if (d.what === 'attestation') {
    const days = number(d, 'days')
    return join(`attestation report${days !== null ? `, last ${days} ${days === 1 ? 'day' : 'days'}` : ''}`, text(d, 'out'))
  }
  return join(`export ${text(d, 'format') ?? ''}`.trim(), text(d, 'destination'))
}

function describePrune(d: Data, locale?: string): string {
  const removed = number(d, 'removed')
  const through = number(d, 'removedThroughSeq')
  const cutoff = text(d, 'cutoff')
  return join(
    `removed ${removed !== null ? formatCount(removed, locale) : '?'} ${removed === 1 ? 'record' : 'records'}${through !== null ? ` through #${through}` : ''}`,
    cutoff ? `older than ${cutoff.slice(0, 10)}` : null,
  )
}

/** A setting's value as people read it: true, 30, none, [m1, m2]. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'none'
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`
  if (typeof value === 'object') return compactJson(value)
  return String(value)
}

const MAX_JSON = 160

function compactJson(value: unknown): string {
  const json = JSON.stringify(value) ?? ''
  return json.length > MAX_JSON ? `${json.slice(0, MAX_JSON - 1)}…` : json
}

function join(...parts: (string | null)[]): string {
  return parts.filter((part): part is string => part !== null && part !== '').join(' · ')
}

function text(d: Data, key: string): string | null {
  const value = d[key]
  return typeof value === 'string' ? value : null
}

function number(d: Data, key: string): number | null {
  const value = d[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function list(d: Data, key: string): string[] | null {
  const value = d[key]
  return Array.isArray(value) ? value.map(String) : null
}

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
