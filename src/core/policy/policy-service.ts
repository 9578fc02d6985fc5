import type { ComplianceReport, EndpointFamily, PolicySettings, ProviderApproval, ProviderPolicyView } from '../../shared/router-types'
import { CoopError } from '../errors/coop-error'
import { NO_AUDIT, type AuditSink } from '../audit/audit-sink'
import type { KeyInfo, KeyStore } from '../keys/key-store'
import type { ProviderInfo, ProviderStore } from '../providers/provider-store'
import { complianceFindings } from './compliance'
import { type PolicyStore, type ProviderPolicyChange, type ProviderPolicyRow } from './policy-store'
import { postureFor } from './policy-table'
import { annotationAllowed, retentionPlan } from './retention'

/** A provider the router may call now, with the model to use and the policy that applies. */
export interface Clearance {
  readonly provider: ProviderInfo
  readonly model: string
  readonly policy: ProviderPolicyRow
  readonly settings: PolicySettings
}

/**
 * The router's policy: who may be called, with which models, under which retention terms; the
 * compliance check; approvals and settings. Every change here is a decision a reviewer may ask about.
 */
export class Policy {
  constructor(
    private readonly store: PolicyStore,
    private readonly providers: ProviderStore,
    private readonly keys: KeyStore,
    private readonly now: () => Date = () => new Date(),
    private readonly audit: AuditSink = NO_AUDIT,
  ) {}

  settings(): PolicySettings {
    return this.store.settings()
  }

  setOffline(offline: boolean): PolicySettings {
    const before = this.store.settings().offline
    const settings = this.store.setOffline(offline)
    if (before !== offline) this.audit('setting_changed', { setting: 'offline_mode', from: before, to: offline })
    return settings
  }

  setBlockedEndpoints(families: readonly EndpointFamily[]): PolicySettings {
    const before = this.store.settings().blockedEndpoints
    const settings = this.store.setBlockedEndpoints(families)
    if (before.join() !== settings.blockedEndpoints.join()) this.audit('policy_override', { setting: 'blocked_endpoints', from: before, to: settings.blockedEndpoints })
    return settings
  }

  async view(id: string): Promise<ProviderPolicyView> {
    const provider = this.require(id)
    return this.viewOf(provider, await this.keyedProviders())
  }

  /** Every provider's standing; `keys` when the caller listed them already (each listing asks the keychain). */
  async views(keys?: readonly KeyInfo[]): Promise<ReadonlyMap<string, ProviderPolicyView>> {
    const keyed = keys ? keyedIn(keys) : await this.keyedProviders()
    return new Map(this.providers.list().map((p) => [p.id, this.viewOf(p, keyed)]))
  }

  update(id: string, change: ProviderPolicyChange): ProviderPolicyRow {
    const provider = this.require(id)
    if (change.retentionAnnotation === true && !annotationAllowed(provider)) {
      throw new CoopError(
        'invalid_input',
        `The public ${provider.kind} API rejects unknown body fields, so it cannot take the retention_policy annotation; set it only for a gateway (--base-url) or an openai-compatible server`,
      )
    }
    const before = this.store.provider(id)
    const after = this.store.update(id, change)
    this.recordChanges(id, before, after)
    return after
  }

  approve(id: string, by: string, reason: string): ProviderApproval {
    this.require(id)
    const approval = this.store.approve(id, by, reason)
    this.audit('approval', { provider: id, by: approval.by, reason: approval.reason, approvedAt: approval.at }, { provider: id })
    return approval
  }

  revokeApproval(id: string): boolean {
    this.require(id)
    const revoked = this.store.revokeApproval(id)
    if (revoked) this.audit('approval_revoked', { provider: id }, { provider: id })
    return revoked
  }

  /** One record per changed field: agreements and review dates are settings, the rest policy overrides. */
  private recordChanges(id: string, before: ProviderPolicyRow, after: ProviderPolicyRow): void {
    const fields = [
      ['agreementVerifiedOn', 'setting_changed', 'zero_retention_agreement_verified_on'],
      ['policyReviewedOn', 'setting_changed', 'policy_reviewed_on'],
      ['retentionAnnotation', 'policy_override', 'retention_annotation'],
      ['allowedModels', 'policy_override', 'allowed_models'],
    ] as const
    for (const [field, kind, setting] of fields) {
      if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue
      this.audit(kind, { setting, provider: id, from: before[field], to: after[field] }, { provider: id })
    }
  }

  /** The compliance check over every configured provider (at start-up and on `coop providers check`). */
  async check(): Promise<ComplianceReport> {
    const views = await this.views()
    const findings = [...views.values()].flatMap((v) => v.findings)
    return {
      checkedAt: this.now().toISOString(),
      settings: this.settings(),
      findings,
      blockedProviders: [...views].filter(([, v]) => v.findings.some((f) => f.severity === 'critical')).map(([id]) => id),
    }
  }

  /**
   * Decides whether a request to `id` (with `model`, or the provider's default) may go out now; throws
   * a `blocked` CoopError saying why and how to change it. Nothing is contacted before this passes.
   */
  clear(id: string, model: string | undefined): Clearance {
    const provider = this.providers.get(id)
    if (!provider) throw new CoopError('not_found', `No provider ${id}: add one with coop providers add ${id} --kind <kind>`, { id })
    const policy = this.store.provider(id)
    const settings = this.store.settings()
    if (!provider.enabled) throw blocked(`Provider ${id} is disabled: coop providers enable ${id}`, id)
    if (settings.offline && !provider.local) throw blocked(`Offline mode is on and ${id} is not a local provider: only local providers are called (coop policy offline off)`, id)
    const critical = this.findings(provider, policy, settings, true).find((f) => f.severity === 'critical')
    if (critical) throw blocked(critical.message, id)
    const chosen = model ?? this.defaultModel(id) ?? undefined
    if (chosen === undefined) throw new CoopError('invalid_input', `Name a model for ${id} (--model), or add one: coop providers add … --model <name>`, { id })
    if (policy.allowedModels.length > 0 && !policy.allowedModels.includes(chosen)) {
      throw blocked(`Model ${chosen} is not on ${id}'s allow-list (${policy.allowedModels.join(', ')})`, id)
    }
    return { provider, model: chosen, policy, settings }
  }

  /** The model used when a request names none: the first allowed, else the first configured. */
  defaultModel(id: string): string | null {
    const provider = this.providers.get(id)
    if (!provider) return null
    return this.store.provider(id).allowedModels[0] ?? provider.models[0]?.model ?? null
  }

  /** The provider's kind, for records of requests refused before anything was built. */
  kindOf(id: string): string | null {
    return this.providers.get(id)?.kind ?? null
  }

  private viewOf(provider: ProviderInfo, keyed: ReadonlySet<string>): ProviderPolicyView {
    const policy = this.store.provider(provider.id)
    const settings = this.store.settings()
    const findings = this.findings(provider, policy, settings, keyed.has(provider.id))
    const critical = findings.find((f) => f.severity === 'critical')
    const blockedReason = !provider.enabled
      ? 'disabled'
      : settings.offline && !provider.local
        ? 'offline mode: not a local provider'
        : (critical?.message ?? null)
    return {
      posture: postureFor(provider.kind, provider.local, policy.policyReviewedOn),
      retentionMode: retentionPlan(provider, policy).mode,
      agreementVerifiedOn: policy.agreementVerifiedOn,
      retentionAnnotation: policy.retentionAnnotation,
      allowedModels: policy.allowedModels,
      approval: policy.approval,
      findings,
      blockedReason,
    }
  }

  private findings(provider: ProviderInfo, policy: ProviderPolicyRow, settings: PolicySettings, hasKey: boolean) {
    const posture = postureFor(provider.kind, provider.local, policy.policyReviewedOn)
    return complianceFindings({ provider, posture, policy, settings, hasKey, now: this.now() })
  }

  private async keyedProviders(): Promise<ReadonlySet<string>> {
    try {
      return keyedIn(await this.keys.list())
    } catch {
      // No keychain: every remote provider shows `no-key`, and the check itself still runs.
      return new Set()
    }
  }

  private require(id: string): ProviderInfo {
    const provider = this.providers.get(id)
    if (!provider) throw new CoopError('not_found', `No provider ${id}: list them with coop providers list`, { id })
    return provider
  }
}

function keyedIn(keys: readonly KeyInfo[]): ReadonlySet<string> {
  return new Set(keys.filter((k) => !k.missing).map((k) => k.provider))
}

function blocked(message: string, provider: string): CoopError {
  return new CoopError('blocked', message, { provider })
}

