import { z } from 'zod'
import table from '../../../resources/provider-policies.json'
import type { ProviderPosture } from '../../shared/router-types'
import type { ProviderKind } from '../../shared/provider-kinds'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const finding = z.object({ severity: z.enum(['critical', 'warning', 'info']), code: z.string(), message: z.string() }).strict()
const entry = z
  .object({
    kind: z.string(),
    name: z.string(),
    noTraining: z.boolean(),
    retention: z.string(),
    remote: z.object({ noTraining: z.boolean(), retention: z.string() }).strict().optional(),
    controls: z.array(z.string()),
    policyLinks: z.array(z.object({ title: z.string(), url: z.string().url() }).strict()),
    verifiedOn: day,
    findings: z.array(finding),
  })
  .strict()
const schema = z.object({ $comment: z.string().optional(), version: day, kinds: z.array(entry) }).strict()

export type PolicyEntry = z.infer<typeof entry>
export type TableFinding = z.infer<typeof finding>

/**
 * The provider policy table that ships in resources/provider-policies.json: each kind's published
 * data-use posture, the links to check it against, and when it was last verified. Parsed once at load,
 * so a malformed table fails the first test rather than a user's request.
 */
export const POLICY_TABLE = schema.parse(table)

export function policyEntry(kind: ProviderKind): PolicyEntry | null {
  return POLICY_TABLE.kinds.find((k) => k.kind === kind) ?? null
}

/** The posture for a provider: a remote OpenAI-compatible server has its own (unknown operator). */
export function postureFor(kind: ProviderKind, local: boolean, reviewedOn: string | null): ProviderPosture | null {
  const found = policyEntry(kind)
  if (!found) return null
  const remote = !local && found.remote ? found.remote : null
  return {
    kind: found.kind,
    name: found.name,
    noTraining: remote ? remote.noTraining : found.noTraining,
    retention: remote ? remote.retention : found.retention,
    controls: found.controls,
    policyLinks: found.policyLinks,
    // A review the user recorded for this provider counts when it is newer than the table's.
    verifiedOn: reviewedOn !== null && reviewedOn > found.verifiedOn ? reviewedOn : found.verifiedOn,
  }
}
