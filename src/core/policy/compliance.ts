import type { ComplianceFinding, PolicySettings, ProviderPosture } from '../../shared/router-types'
import type { ProviderInfo } from '../providers/provider-store'
import { isLocalUrl } from '../providers/base-url'
import { policyEntry } from './policy-table'
import type { ProviderPolicyRow } from './policy-store'
import { retentionPlan } from './retention'

/** Verifications older than this warn: terms change, and a reviewer needs a recent check. */
export const STALE_AFTER_DAYS = 180

export interface ComplianceInput {
  readonly provider: ProviderInfo
  readonly posture: ProviderPosture | null
  readonly policy: ProviderPolicyRow
  readonly settings: PolicySettings
  /** Whether a key is available (keychain or env); local servers may need none. */
  readonly hasKey: boolean
  readonly now: Date
}

/**
 * The compliance findings for one provider. `critical` ones block it: unapproved lack of a no-training
 * posture, a remote endpoint over cleartext HTTP, a kind the policy table does not know.
 */
export function complianceFindings(input: ComplianceInput): ComplianceFinding[] {
  const { provider, posture, policy, settings, now } = input
  const id = provider.id
  const findings: ComplianceFinding[] = []
  const add = (severity: ComplianceFinding['severity'], code: string, message: string) => findings.push({ provider: id, severity, code, message })
  if (!posture) {
    add('critical', 'no-policy', `The policy table has no entry for kind ${provider.kind}: update Coop before calling ${id}`)
    return findings
  }
  for (const f of policyEntry(provider.kind)?.findings ?? []) add(f.severity, f.code, f.message)
  if (!posture.noTraining) {
    if (policy.approval) add('info', 'approved', `${id} has no no-training commitment; approved by ${policy.approval.by} on ${policy.approval.at.slice(0, 10)}: ${policy.approval.reason}`)
    else add('critical', 'no-training-unapproved', `${posture.name} does not commit to keeping API inputs out of training: blocked until an approval is recorded (coop providers approve ${id} --reason "…")`)
  }
  // Plain http to this machine or the private network (a local gateway) stays off the internet.
  if (provider.baseUrl?.startsWith('http://') && !isLocalUrl(provider.baseUrl)) {
    add('critical', 'cleartext-remote', `${id} is a remote endpoint over plain http://: the key and the code would cross the network unencrypted. Use https://`)
  }
  const age = daysBetween(posture.verifiedOn, now)
  if (age > STALE_AFTER_DAYS) {
    add('warning', 'verification-stale', `The ${posture.name} policy facts were verified on ${posture.verifiedOn}, ${age} days ago: check the policy links, then record it (coop providers set ${id} --policy-reviewed YYYY-MM-DD)`)
  }
  if (policy.agreementVerifiedOn !== null) {
    const agreementAge = daysBetween(policy.agreementVerifiedOn, now)
    if (agreementAge > STALE_AFTER_DAYS) add('warning', 'agreement-stale', `The zero-retention agreement for ${id} was verified on ${policy.agreementVerifiedOn}, ${agreementAge} days ago: verify it again`)
  }
  const plan = retentionPlan(provider, policy)
  if (plan.mode === 'none') {
    add('warning', 'no-retention-control', `No zero-retention control applies to ${id}: the provider keeps requests under its default terms. Record an agreement if one is in place (coop providers set ${id} --agreement-verified YYYY-MM-DD)`)
  }
  if (!provider.local && !input.hasKey) add('warning', 'no-key', `${id} has no API key: coop keys set ${id}`)
  if (settings.offline && !provider.local) add('info', 'offline', `Offline mode is on: ${id} is not local, so it is not called`)
  if (!provider.enabled) add('info', 'disabled', `${id} is disabled`)
  return findings
}

function daysBetween(day: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${day}T00:00:00Z`)) / 86_400_000)
}
