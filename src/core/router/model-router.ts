import { createHash, randomUUID } from 'node:crypto'
import type { AskOutcome, AskRequest, EgressPreview, RetentionMode, UsageReport } from '../../shared/router-types'
import { CoopError, isCoopError } from '../errors/coop-error'
import { fingerprintOf, type KeyStore } from '../keys/key-store'
import type { Audit } from '../audit/audit-service'
import type { Logger } from '../log/logger'
import type { Policy, Clearance } from '../policy/policy-service'
import { RETENTION_HEADERS, RETENTION_RANK, retentionPlan, type RetentionPlan } from '../policy/retention'
import { sanitizeLlmRequestPayload, type SanitizeReport } from '../sanitize/sanitize-payload'
import { readAskFiles } from './ask-files'
import { chatBody, userMessage } from './chat-request'
import { DryRunCapture, guardedFetch, type CapturedRequest } from './guarded-fetch'
import { classifyFailure, retryDelay, sleep, type FailureClass } from './retry-policy'
import { loadSdks } from './sdk-modules'
import { streamChat, type ChatTarget } from './stream-chat'
import { unsentOutcome } from './unsent-outcome'
import { costOf, type UsageLedger } from './usage-ledger'
import { EnvFileSecrets, keyFingerprintRule } from './user-secrets'

export interface RouterDeps {
  readonly audit: Audit
  readonly policy: Policy
  readonly keys: KeyStore
  readonly ledger: UsageLedger
  /** Work trees of indexed repositories: their .env values are redacted. */
  readonly repoPaths: () => readonly string[]
  readonly logger: Logger
  readonly now?: () => Date
}

export interface AskOptions {
  /** Where relative `--file` paths start. */
  readonly cwd: string
  readonly signal?: AbortSignal
  readonly onText?: (text: string) => void
  /** Lets a host know the id before the answer starts (the app's stop button). */
  readonly requestId?: string
}

/** One provider's request, built and scrubbed: what goes out, and what the records say about it. */
interface Prepared {
  readonly clearance: Clearance
  readonly plan: RetentionPlan
  readonly body: Record<string, unknown>
  readonly report: SanitizeReport
  readonly payloadSha256: string
}

/** A stand-in key for dry runs: the SDK builds the real headers, and this is masked in the preview. */
const PREVIEW_KEY = 'coop-preview-key-0000000000000000'

/**
 * Every model call of the product: policy first (nothing is contacted before it passes), then the
 * request is built and scrubbed, recorded (or not sent), and streamed through the official SDK with
 * retries honouring Retry-After and fallback only to providers with equal or stricter retention.
 */
export class ModelRouter {
  private readonly envSecrets = new EnvFileSecrets()
  private readonly now: () => Date

  constructor(private readonly deps: RouterDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  /** Exactly what `ask` would send to the first provider, key masked; nothing is sent or recorded. */
  async preview(request: AskRequest, cwd: string): Promise<EgressPreview> {
    checkQuestion(request.question)
    const files = await readAskFiles(request.files ?? [], cwd)
    const prepared = this.prepare(request.provider, request.model, userMessage(request.question, files), request.maxTokens)
    const { provider } = prepared.clearance
    const key = this.deps.keys.describe(provider.id)
    let captured: CapturedRequest | undefined
    const target = this.target(prepared, key ? PREVIEW_KEY : null, (c) => (captured = c))
    await streamChat(target, prepared.body, undefined, () => undefined).catch((error: unknown) => {
      if (!hasCause(error, DryRunCapture)) throw unwrap(error)
    })
    if (!captured) throw new CoopError('internal', 'The dry run captured no request')
    const headers = Object.fromEntries(Object.entries(captured.headers).map(([name, value]) => [name, value.includes(PREVIEW_KEY) ? value.replace(PREVIEW_KEY, `••••(${key?.fingerprint ?? ''})`) : value]))
    return {
      provider: provider.id,
      kind: provider.kind,
      model: prepared.clearance.model,
      method: captured.method,
      url: captured.url,
      headers,
      body: JSON.parse(captured.body) as unknown,
      redactions: { total: prepared.report.redactions, byRule: prepared.report.byRule },
      retentionMode: prepared.plan.mode,
      controls: prepared.plan.controls,
      key,
      files: files.map((f) => ({ path: f.path, startLine: f.startLine, endLine: f.endLine, bytes: f.bytes })),
      payloadSha256: prepared.payloadSha256,
    }
  }

  /**
   * Asks the question and streams the answer's text to `onText`. Resolves with how it ended, including
   * `blocked`, `failed` and `cancelled`; throws only for mistakes in the request itself (a missing file,
   * an unknown provider, no model).
   */
  async ask(request: AskRequest, options: AskOptions): Promise<AskOutcome> {
    checkQuestion(request.question)
    const files = await readAskFiles(request.files ?? [], options.cwd)
    const user = userMessage(request.question, files)
    const chain = [request.provider, ...(request.fallback ?? []).filter((id) => id !== request.provider)]
    const tried: string[] = []
    let floor: RetentionMode | undefined
    let last: AskOutcome | undefined
    for (const [index, id] of chain.entries()) {
      const requestId = index === 0 && options.requestId ? options.requestId : randomUUID()
      let prepared: Prepared
      try {
        prepared = this.prepare(id, index === 0 ? request.model : undefined, user, request.maxTokens)
      } catch (error) {
        if (!isCoopError(error) || error.code !== 'blocked') throw error
        if (index > 0) {
          this.deps.logger.log('info', 'fallback skipped: provider blocked', { provider: id })
          continue
        }
        return this.recordBlocked(requestId, id, request.model, error)
      }
      if (floor !== undefined && RETENTION_RANK[prepared.plan.mode] < RETENTION_RANK[floor]) {
        this.deps.logger.log('info', 'fallback skipped: weaker retention', { provider: id, mode: prepared.plan.mode, required: floor })
        continue
      }
      floor ??= prepared.plan.mode
      const outcome = await this.send(requestId, prepared, [...tried], options)
      if (outcome.status !== 'failed' || !outcome.fallbackAllowed) return outcome.outcome
      last = outcome.outcome
      tried.push(id)
    }
    if (!last) throw new CoopError('blocked', 'No provider in the fallback list may be called')
    return last
  }

  usage(days?: number): UsageReport {
    return this.deps.ledger.report(days)
  }

  private prepare(id: string, model: string | undefined, user: string, maxTokens: number | undefined): Prepared {
    const clearance = this.deps.policy.clear(id, model)
    const plan = retentionPlan(clearance.provider, clearance.policy)
    const raw = chatBody(clearance.provider.kind, clearance.model, user, plan, maxTokens)
    const { payload, report } = sanitizeLlmRequestPayload(raw, {
      knownSecrets: this.envSecrets.collect(this.deps.repoPaths()),
      extraRules: [keyFingerprintRule(this.deps.keys.fingerprints())],
    })
    return { clearance, plan, body: payload, report, payloadSha256: sha256(JSON.stringify(payload)) }
  }

  private target(prepared: Prepared, key: string | null, capture?: (request: CapturedRequest) => void): ChatTarget {
    const { provider } = prepared.clearance
    const baseUrl = provider.baseUrl
    if (baseUrl === null) throw new CoopError('invalid_input', `Provider ${provider.id} has no base URL`)
    return {
      kind: provider.kind,
      baseUrl,
      key,
      timeoutMs: provider.timeoutMs,
      headers: prepared.plan.sendHeaders ? RETENTION_HEADERS : {},
      fetch: guardedFetch({
        origin: new URL(baseUrl).origin,
        offline: prepared.clearance.settings.offline,
        blockedEndpoints: prepared.clearance.settings.blockedEndpoints,
        stripAuthorization: key === null,
        ...(capture ? { capture } : {}),
      }),
    }
  }

  private async send(
    requestId: string,
    prepared: Prepared,
    fallbackFrom: readonly string[],
    options: AskOptions,
  ): Promise<{ status: AskOutcome['status']; outcome: AskOutcome; fallbackAllowed: boolean }> {
    const { provider, model } = prepared.clearance
    // Self-hosted servers often take no key: only look one up when one was stored, so an air-gapped
    // machine without a keychain can still call its local model.
    const keyless = provider.kind === 'openai-compatible' && this.deps.keys.describe(provider.id) === null
    const resolved = keyless ? null : await this.deps.keys.resolve(provider.id)
    if (!resolved && provider.kind !== 'openai-compatible') {
      throw new CoopError('not_found', `No API key for ${provider.id}: coop keys set ${provider.id} (or set COOP_${provider.id.toUpperCase().replaceAll('-', '_')}_API_KEY)`, { provider: provider.id })
    }
    const startedAt = this.now()
    const keyFingerprint = resolved ? fingerprintOf(resolved.key) : null
    const auditBase = {
      requestId,
      provider: provider.id,
      model,
      retentionMode: prepared.plan.mode,
      keyFingerprint,
      keySource: resolved?.source ?? null,
      redactions: { total: prepared.report.redactions, byRule: prepared.report.byRule },
      payloadSha256: prepared.payloadSha256,
      ...(fallbackFrom.length > 0 ? { fallbackFrom } : {}),
    }
    await this.deps.audit.ready()
    // Fail closed: a request whose records cannot be written is not sent.
    try {
      this.deps.audit.append('llm_request', { ...auditBase, status: 'started' }, { provider: provider.id })
      this.deps.ledger.start({
        requestId,
        startedAt: startedAt.toISOString(),
        provider: provider.id,
        kind: provider.kind,
        model,
        retentionMode: prepared.plan.mode,
        keyFingerprint,
        keySource: resolved?.source ?? null,
        redactions: prepared.report.redactions,
        redactionsByRule: prepared.report.byRule,
        payloadSha256: prepared.payloadSha256,
        fallbackFrom,
      })
    } catch (error) {
      this.deps.logger.log('error', 'request record failed; request not sent', { requestId, error })
      throw new CoopError('storage_failed', 'The request could not be recorded, so it was not sent: check the disk and the data folder', { requestId }, { cause: error })
    }
    const base = { requestId, provider: provider.id, model, retentionMode: prepared.plan.mode, fallbackFrom, redactions: prepared.report.redactions }
    let attempts = 0
    let streamed = false
    const finish = (status: AskOutcome['status'], extra: Partial<AskOutcome>, failure?: FailureClass): AskOutcome => {
      const usage = extra.usage ?? null
      const costUsd = usage ? costOf(usage.inputTokens, usage.outputTokens, provider.models.find((m) => m.model === model)) : null
      const statusCode = failure?.kind === 'http' ? failure.status : null
      const end = {
        status,
        finishedAt: this.now().toISOString(),
        statusCode,
        errorClass: failure ? errorClass(failure) : status === 'blocked' ? 'blocked' : null,
        inputTokens: usage?.inputTokens ?? null,
        outputTokens: usage?.outputTokens ?? null,
        costUsd,
        attempts,
      }
      this.deps.ledger.finish(requestId, end)
      this.recordEnd({ ...auditBase, ...end, finishedAt: undefined })
      return { ...base, status, usage, costUsd, attempts, error: null, ...extra }
    }
    for (;;) {
      attempts++
      const watchdog = idleWatchdog(provider.timeoutMs, options.signal)
      try {
        const target = this.target(prepared, resolved?.key ?? null)
        const result = await streamChat(target, prepared.body, watchdog.signal, (text) => {
          streamed = true
          watchdog.touch()
          options.onText?.(text)
        })
        return { status: 'succeeded', outcome: finish('succeeded', { usage: result.usage }), fallbackAllowed: false }
      } catch (error) {
        const refusal = watchdog.timedOut() ? undefined : findCause(error, isCoopError)
        if (refusal) {
          return { status: 'blocked', outcome: finish('blocked', { error: { code: refusal.code, message: refusal.message, status: null } }), fallbackAllowed: false }
        }
        const failure: FailureClass = watchdog.timedOut() ? { kind: 'timeout' } : classifyFailure(error, await loadSdks())
        if (failure.kind === 'cancelled') {
          return { status: 'cancelled', outcome: finish('cancelled', { error: { code: 'cancelled', message: 'Stopped', status: null } }, failure), fallbackAllowed: false }
        }
        // Once text has streamed, a retry would repeat it: the answer ends here, marked failed.
        const delay = streamed ? null : retryDelay(failure, attempts)
        if (delay !== null) {
          this.deps.logger.log('info', 'retrying model request', { requestId, provider: provider.id, attempt: attempts, delayMs: delay, errorClass: errorClass(failure) })
          try {
            await sleep(delay, options.signal)
            continue
          } catch {
            return { status: 'cancelled', outcome: finish('cancelled', { error: { code: 'cancelled', message: 'Stopped', status: null } }, { kind: 'cancelled' }), fallbackAllowed: false }
          }
        }
        const message = describeFailure(provider.id, failure, attempts)
        this.deps.logger.log('warn', 'model request failed', { requestId, provider: provider.id, attempts, errorClass: errorClass(failure), status: failure.kind === 'http' ? failure.status : null })
        const outcome = finish('failed', { error: { code: failure.kind === 'timeout' ? 'timeout' : 'provider_error', message, status: failure.kind === 'http' ? failure.status : null } }, failure)
        return { status: 'failed', outcome, fallbackAllowed: !streamed && isTransient(failure) }
      } finally {
        watchdog.stop()
      }
    }
  }

  /** The request already happened: a failure to record its end is logged, not thrown over the answer. */
  private recordEnd(data: Record<string, unknown>): void {
    try {
      this.deps.audit.append('llm_request', data, { provider: String(data.provider) })
    } catch (error) {
      this.deps.logger.log('error', 'audit record of a finished request failed', { requestId: data.requestId, error })
    }
  }

  private recordBlocked(requestId: string, providerId: string, model: string | undefined, error: CoopError): AskOutcome {
    const at = this.now().toISOString()
    const kind = this.deps.policy.kindOf(providerId) ?? 'unknown'
    const chosenModel = model ?? this.deps.policy.defaultModel(providerId) ?? ''
    // Blocked before anything was built: the record says so, and why (policy messages name no secrets).
    this.deps.audit.append('llm_request', { requestId, provider: providerId, model: chosenModel, status: 'blocked', errorClass: 'blocked', reason: error.message, retentionMode: 'none' }, { provider: providerId })
    this.deps.ledger.start({
      requestId,
      startedAt: at,
      provider: providerId,
      kind,
      model: chosenModel,
      retentionMode: 'none',
      keyFingerprint: null,
      keySource: null,
      redactions: 0,
      redactionsByRule: {},
      payloadSha256: '',
      fallbackFrom: [],
    })
    this.deps.ledger.finish(requestId, { status: 'blocked', finishedAt: at, statusCode: null, errorClass: 'blocked', inputTokens: null, outputTokens: null, costUsd: null, attempts: 0 })
    return unsentOutcome(requestId, providerId, chosenModel, 'blocked', { code: 'blocked', message: error.message })
  }
}

const MAX_QUESTION = 100_000

function checkQuestion(question: string): void {
  if (question.trim().length === 0) throw new CoopError('invalid_input', 'Ask a question: the text is empty')
  if (question.length > MAX_QUESTION) throw new CoopError('invalid_input', `The question is over ${MAX_QUESTION} characters: put long text in a file and pass it with --file`)
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Aborts the request when no text has arrived for `ms` (a server that stalls mid-stream), or on the caller's signal. */
function idleWatchdog(ms: number, outer: AbortSignal | undefined) {
  const controller = new AbortController()
  let fired = false
  let timer = setTimeout(fire, ms)
  function fire() {
    fired = true
    // Not a CoopError: those in an error's causes mean a policy refusal.
    controller.abort(new Error('no answer within the timeout'))
  }
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal
  return {
    signal,
    touch() {
      clearTimeout(timer)
      timer = setTimeout(fire, ms)
    },
    timedOut: () => fired && !(outer?.aborted ?? false),
    stop: () => clearTimeout(timer),
  }
}

/** The SDKs wrap what the fetch throws (a policy refusal, a dry-run capture) in their own errors. */
function findCause<T>(error: unknown, test: (value: unknown) => value is T): T | undefined {
  for (let at: unknown = error, depth = 0; at !== undefined && at !== null && depth < 5; depth++) {
    if (test(at)) return at
    at = (at as { cause?: unknown }).cause
  }
  return undefined
}

function hasCause(error: unknown, type: new () => Error): boolean {
  return findCause(error, (value): value is Error => value instanceof type) !== undefined
}

function unwrap(error: unknown): unknown {
  return findCause(error, isCoopError) ?? error
}

function isTransient(failure: FailureClass): boolean {
  return failure.kind === 'timeout' || failure.kind === 'connection' || (failure.kind === 'http' && (failure.status === 429 || failure.status >= 500))
}

export function errorClass(failure: FailureClass): string {
  switch (failure.kind) {
    case 'cancelled':
    case 'timeout':
    case 'connection':
    case 'other':
      return failure.kind
    case 'http':
      if (failure.status === 429) return 'rate_limited'
      if (failure.status === 401 || failure.status === 403) return 'auth'
      if (failure.status === 404) return 'not_found'
      if (failure.status >= 500) return 'server_error'
      return 'bad_request'
  }
}

/** Our own words: a provider's error text can quote the request or part of the key. */
function describeFailure(provider: string, failure: FailureClass, attempts: number): string {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : ''
  switch (failure.kind) {
    case 'timeout':
      return `${provider} did not answer within its timeout${tries} (coop providers set ${provider} --timeout-ms N)`
    case 'connection':
      return `Could not connect to ${provider}${tries}: check the base URL and the network`
    case 'http':
      if (failure.status === 401 || failure.status === 403) return `${provider} refused the key (${failure.status}): set it again with coop keys set ${provider}`
      if (failure.status === 404) return `${provider} answered 404: check the model name and the base URL`
      if (failure.status === 429) {
        const wait = failure.retryAfterMs !== null ? `; it asks to wait ${Math.ceil(failure.retryAfterMs / 1000)} s` : ''
        return `${provider} is rate limiting requests (429)${tries}${wait}`
      }
      if (failure.status >= 500) return `${provider} had a server error (${failure.status})${tries}`
      return `${provider} rejected the request (${failure.status})`
    default:
      return `The request to ${provider} failed`
  }
}
