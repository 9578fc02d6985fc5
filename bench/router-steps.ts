// The model router's own work for one request, timed step by step: the public functions that
// ModelRouter.prepare and ModelRouter.send (src/core/router/model-router.ts) call before and after the
// SDK call, in the same order and with the same options. No hooks in src/, so this copy has to follow
// the router by hand; router-bench.ts checks that every request built here hashes to the payload the
// router itself recorded, so a copy that drifted fails loudly instead of timing something else.
import { createHash, randomUUID } from 'node:crypto'
import type { Core } from '../src/core/core'
import { fingerprintOf } from '../src/core/keys/key-store'
import { retentionPlan } from '../src/core/policy/retention'
import type { AskFile } from '../src/core/router/ask-files'
import { chatBody, userMessage } from '../src/core/router/chat-request'
import { costOf, type UsageLedger } from '../src/core/router/usage-ledger'
import { EnvFileSecrets, keyFingerprintRule } from '../src/core/router/user-secrets'
import { sanitizeLlmRequestPayload } from '../src/core/sanitize/sanitize-payload'

/**
 * In the router's order. `key` is the key lookup send() does before writing the records (an env key
 * here); `record start` appends the audit record and the usage row written before sending, `record
 * finish` the usage update and the audit record of how it ended.
 */
export const ROUTER_STEPS = ['policy', 'build', 'scrub', 'hash', 'key', 'record start', 'record finish'] as const
export type RouterStep = (typeof ROUTER_STEPS)[number]

export interface StepRun {
  readonly ms: Readonly<Record<RouterStep, number>>
  /** The sum of the steps: the router's overhead for this request. */
  readonly totalMs: number
  /** The scrubbed body, exactly what the router hands the SDK. */
  readonly body: Record<string, unknown>
  readonly payloadSha256: string
  readonly redactions: number
}

export interface StepRequest {
  readonly provider: string
  readonly model: string
  readonly question: string
  /** Already read (readAskFiles): reading is timed on its own, not as overhead. */
  readonly files: readonly AskFile[]
}

/**
 * Runs the router's steps for one request against `core`, recording it in `ledger` (a UsageLedger on
 * the core's database file) as a succeeded request without usage.
 */
export class RouterSteps {
  // One per router, as in ModelRouter: its cache of .env files lives as long as the router.
  private readonly envSecrets = new EnvFileSecrets()

  constructor(
    private readonly core: Core,
    private readonly ledger: UsageLedger,
  ) {}

  async run(request: StepRequest): Promise<StepRun> {
    const ms = {} as Record<RouterStep, number>
    const began = performance.now()
    let at = began
    const lap = (step: RouterStep): void => {
      const now = performance.now()
      ms[step] = now - at
      at = now
    }

    // prepare(): policy, retention plan, body, scrub, hash.
    const clearance = this.core.policy.clear(request.provider, request.model)
    const plan = retentionPlan(clearance.provider, clearance.policy)
    lap('policy')
    const raw = chatBody(clearance.provider.kind, clearance.model, userMessage(request.question, request.files), plan, undefined)
    lap('build')
    const { payload, report } = sanitizeLlmRequestPayload(raw, {
      knownSecrets: this.envSecrets.collect(this.core.repos.list().map((r) => r.path)),
      extraRules: [keyFingerprintRule(this.core.keys.fingerprints())],
    })
    lap('scrub')
    const payloadSha256 = createHash('sha256').update(JSON.stringify(payload), 'utf8').digest('hex')
    lap('hash')

    // send(): the key, the record written before sending, and its completion once the answer is in.
    const { provider, model } = clearance
    const keyless = provider.kind === 'openai-compatible' && this.core.keys.describe(provider.id) === null
    const resolved = keyless ? null : await this.core.keys.resolve(provider.id)
    lap('key')
    const requestId = randomUUID()
    const auditBase = {
      requestId,
      provider: provider.id,
      model,
      retentionMode: plan.mode,
      keyFingerprint: resolved ? fingerprintOf(resolved.key) : null,
      keySource: resolved?.source ?? null,
      redactions: { total: report.redactions, byRule: report.byRule },
      payloadSha256,
    }
    await this.core.audit.ready()
    this.core.audit.append('llm_request', { ...auditBase, status: 'started' }, { provider: provider.id })
    this.ledger.start({
      requestId,
      startedAt: new Date().toISOString(),
      provider: provider.id,
      kind: provider.kind,
      model,
      retentionMode: plan.mode,
      keyFingerprint: resolved ? fingerprintOf(resolved.key) : null,
      keySource: resolved?.source ?? null,
      redactions: report.redactions,
      redactionsByRule: report.byRule,
      payloadSha256,
      fallbackFrom: [],
    })
    lap('record start')
    const end = {
      status: 'succeeded' as const,
      finishedAt: new Date().toISOString(),
      statusCode: null,
      errorClass: null,
      inputTokens: null,
      outputTokens: null,
      costUsd: costOf(0, 0, provider.models.find((m) => m.model === model)),
      attempts: 1,
    }
    this.ledger.finish(requestId, end)
    this.core.audit.append('llm_request', { ...auditBase, ...end, finishedAt: undefined }, { provider: provider.id })
    lap('record finish')
    return { ms, totalMs: at - began, body: payload, payloadSha256, redactions: report.redactions }
  }
}
