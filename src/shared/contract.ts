import { z } from 'zod'
import type { ChannelName, EventName } from './channels'
import type {
  BlameReport,
  CoupledFile,
  DriftEntry,
  FileEntry,
  HistoryEntry,
  Hotspot,
  OwnersReport,
  SearchResults,
  TreeListing,
} from './graph-types'
import type { DependencyReport, ImpactReport, ReferenceHit, SymbolHit } from './code-graph-types'
import type { AppInfo, IndexFinished, IndexProgress, RepoSummary } from './types'
import { PROVIDER_KINDS } from './provider-kinds'
import type { AttestationCheck, AttestationFile, RetentionSeries } from './attestation-types'
import { AUDIT_KINDS, type AuditExportFile, type AuditPage, type AuditSettings, type AuditVerifyReport } from './audit-types'
import { type AskDelta, type AskOutcome, type AskStatusView, type ComplianceReport, type EgressPreview, type PolicySettings, type ProviderView, type UsageReport } from './router-types'

export { channelNames, eventNames, isChannelName, isEventName, type ChannelName, type EventName } from './channels'

/**
 * The bridge: every request channel with its request schema and response type, and every event.
 * Electron main (IPC), browser mode (HTTP + SSE) and the preload all derive from this one list.
 */

declare const responseType: unique symbol
interface Channel<Req extends z.ZodType, Res> {
  readonly request: Req
  readonly [responseType]?: Res
}

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): Channel<Req, Res> => ({ request })
}

const empty = z.object({}).strict()
const repoId = z.number().int().positive()
/** A local filesystem path typed by the user: bounded, and without NUL bytes that would truncate it. */
const localPath = z
  .string()
  .trim()
  .min(1, 'Enter the path of a git repository')
  .max(4096, 'Path is longer than 4096 characters')
  .refine((p) => !p.includes('\0'), 'Path contains a NUL byte')
/** A path inside a repository: '/'-separated, relative, '' for the root. */
const repoPath = z
  .string()
  .max(4096)
  .refine((p) => !p.includes('\0'), 'Path contains a NUL byte')
  .transform((p) => p.replace(/^\.?\/+/, '').replace(/\/+$/, ''))
  .refine((p) => !p.split('/').includes('..'), 'Path must stay inside the repository')
const days = z.number().positive().max(36_500)
const limit = z.number().int().positive().max(10_000)
/** "12.months", "90.days", "2.weeks", "1.year", or an ISO date. */
const since = z.string().trim().min(1).max(40)

const providerId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'A provider id is lowercase letters, digits and dashes')
const modelName = z.string().trim().min(1).max(200)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD')
const askRequest = z
  .object({
    question: z.string().min(1).max(100_000),
    provider: providerId,
    model: modelName.optional(),
    files: z.array(z.object({ path: localPath, startLine: z.number().int().positive().optional(), endLine: z.number().int().positive().optional() }).strict()).max(50).optional(),
    /** Relative file paths start at this repository's folder; otherwise they must be absolute. */
    repoId: repoId.optional(),
    fallback: z.array(providerId).max(5).optional(),
    maxTokens: z.number().int().min(1).max(200_000).optional(),
  })
  .strict()

export const contract = {
  'app:info': channel<AppInfo>()(empty),
  'repos:list': channel<readonly RepoSummary[]>()(empty),
  /** Adds a repository (if new) and starts indexing it; progress arrives as events. */
  'repos:add': channel<RepoSummary>()(z.object({ path: localPath }).strict()),
  'repos:reindex': channel<RepoSummary>()(z.object({ repoId }).strict()),
  'repos:remove': channel<{ readonly removed: boolean }>()(z.object({ repoId }).strict()),
  /** Children of a directory at HEAD with owner badges, for the Explore tree. */
  'graph:tree': channel<TreeListing>()(z.object({ repoId, dir: repoPath.default('') }).strict()),
  'graph:files': channel<readonly FileEntry[]>()(z.object({ repoId, under: repoPath.default(''), limit: limit.optional() }).strict()),
  'graph:owners': channel<OwnersReport>()(
    z.object({ repoId, path: repoPath, halfLifeDays: days.optional(), inactiveDays: days.optional(), includeBots: z.boolean().optional() }).strict(),
  ),
  'graph:history': channel<readonly HistoryEntry[]>()(z.object({ repoId, path: repoPath, limit: limit.optional() }).strict()),
  'graph:hotspots': channel<readonly Hotspot[]>()(z.object({ repoId, since: since.optional(), under: repoPath.default(''), limit: limit.optional() }).strict()),
  'graph:coupling': channel<readonly CoupledFile[]>()(
    z.object({ repoId, path: repoPath, maxFilesPerCommit: z.number().int().min(2).max(10_000).optional(), minSupport: z.number().int().positive().optional(), limit: limit.optional() }).strict(),
  ),
  'graph:blame': channel<BlameReport>()(
    z
      .object({ repoId, path: repoPath, start: z.number().int().positive(), end: z.number().int().positive() })
      .strict()
      .refine((r) => r.end >= r.start, 'end must not be before start'),
  ),
  'graph:search': channel<SearchResults>()(z.object({ repoId, text: z.string().trim().min(1).max(200), limit: limit.optional() }).strict()),
  'graph:drift': channel<readonly DriftEntry[]>()(
    z.object({ repoId, under: repoPath.default(''), threshold: z.number().min(0).max(1).optional(), limit: limit.optional() }).strict(),
  ),
  'code:deps': channel<DependencyReport>()(
    z.object({ repoId, path: repoPath, reverse: z.boolean().optional(), depth: z.number().int().min(1).max(20).optional() }).strict(),
  ),
  'code:impact': channel<ImpactReport>()(z.object({ repoId, path: repoPath, depth: z.number().int().min(1).max(20).optional() }).strict()),
  'code:symbols': channel<readonly SymbolHit[]>()(z.object({ repoId, name: z.string().trim().min(1).max(200) }).strict()),
  'code:refs': channel<readonly ReferenceHit[]>()(z.object({ repoId, name: z.string().trim().min(1).max(200) }).strict()),
  /** Configured providers with key fingerprint and policy standing. Never a key. */
  'providers:list': channel<readonly ProviderView[]>()(empty),
  'providers:add': channel<ProviderView>()(
    z
      .object({
        id: providerId,
        kind: z.enum(PROVIDER_KINDS),
        baseUrl: z.string().trim().min(1).max(2048).optional(),
        models: z.array(modelName).max(100).optional(),
        timeoutMs: z.number().int().min(1).max(3_600_000).optional(),
      })
      .strict(),
  ),
  'providers:setEnabled': channel<ProviderView>()(z.object({ id: providerId, enabled: z.boolean() }).strict()),
  'providers:remove': channel<{ readonly removed: boolean }>()(z.object({ id: providerId }).strict()),
  'providers:update': channel<ProviderView>()(
    z
      .object({
        id: providerId,
        agreementVerifiedOn: day.nullable().optional(),
        policyReviewedOn: day.nullable().optional(),
        retentionAnnotation: z.boolean().optional(),
        allowedModels: z.array(modelName).max(100).optional(),
      })
      .strict(),
  ),
  /** Write-only: the key goes to the keychain; only its fingerprint comes back. */
  'providers:setKey': channel<{ readonly fingerprint: string }>()(z.object({ id: providerId, key: z.string().min(1).max(4096) }).strict()),
  'providers:removeKey': channel<{ readonly removed: boolean }>()(z.object({ id: providerId }).strict()),
  'providers:approve': channel<ProviderView>()(z.object({ id: providerId, by: z.string().trim().min(1).max(200), reason: z.string().trim().min(1).max(500) }).strict()),
  'providers:revokeApproval': channel<ProviderView>()(z.object({ id: providerId }).strict()),
  /** The compliance check over every provider. */
  'providers:check': channel<ComplianceReport>()(empty),
  'policy:settings': channel<PolicySettings>()(empty),
  'policy:setOffline': channel<PolicySettings>()(z.object({ offline: z.boolean() }).strict()),
  /** Egress preview: exactly what would be sent, key masked; sends nothing. */
  'ask:preview': channel<EgressPreview>()(askRequest),
  /** Starts a question; the answer arrives as `ask:delta` events and ends with `ask:finished`. */
  'ask:start': channel<{ readonly requestId: string }>()(askRequest),
  'ask:stop': channel<{ readonly stopped: boolean }>()(z.object({ requestId: z.string().uuid() }).strict()),
  /** How a question stands: the page asks when it may have missed `ask:finished`. */
  'ask:status': channel<AskStatusView>()(z.object({ requestId: z.string().uuid() }).strict()),
  'usage:report': channel<UsageReport>()(z.object({ days: z.number().int().min(1).max(3650).optional() }).strict()),
  /** Audit records, newest first; `beforeSeq` pages backwards. */
  'audit:list': channel<AuditPage>()(
    z
      .object({
        since: z.string().trim().min(1).max(40).optional(),
        kind: z.enum(AUDIT_KINDS).optional(),
        provider: providerId.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        beforeSeq: z.number().int().positive().optional(),
      })
      .strict(),
  ),
  'audit:verify': channel<AuditVerifyReport>()(empty),
  /** The whole chain as a file to save, with what is needed to verify it elsewhere. */
  'audit:export': channel<AuditExportFile>()(z.object({ format: z.enum(['jsonl', 'csv']) }).strict()),
  'audit:settings': channel<AuditSettings>()(empty),
  'audit:setRetention': channel<AuditSettings>()(z.object({ days: z.number().int().min(1).max(36_500) }).strict()),
  /** Builds and signs a report of the last `days` days (default 90). */
  'attest:create': channel<AttestationFile>()(z.object({ days: z.number().int().min(1).max(36_500).optional() }).strict()),
  /** Verifies a report's text offline, against `publicKey` (PEM) when given. */
  'attest:verify': channel<AttestationCheck>()(z.object({ report: z.string().min(1).max(20_000_000), publicKey: z.string().max(10_000).optional() }).strict()),
  /** The report's HTML as a PDF, made by the host (capabilities.printToPdf); browser mode answers `unsupported`. */
  'attest:pdf': channel<{ readonly pdfBase64: string }>()(z.object({ html: z.string().min(1).max(20_000_000) }).strict()),
  'attest:retentionSeries': channel<RetentionSeries>()(z.object({ days: z.number().int().min(1).max(3650).optional() }).strict()),
  /** Native folder picker; in browser mode `capabilities.pickFolder` is false and this answers `unsupported`. */
  'dialog:pickFolder': channel<{ readonly path: string | null }>()(empty),
} as const satisfies Record<ChannelName, Channel<z.ZodType, unknown>>

declare const payloadType: unique symbol
interface EventDef<P> {
  readonly [payloadType]?: P
}
function event<P>(): EventDef<P> {
  return {}
}

export const events = {
  'index:progress': event<IndexProgress>(),
  'index:finished': event<IndexFinished>(),
  'ask:delta': event<AskDelta>(),
  'ask:finished': event<AskOutcome>(),
} as const satisfies Record<EventName, EventDef<unknown>>

export type Contract = typeof contract
export type RequestOf<K extends ChannelName> = z.input<Contract[K]['request']>
export type ParsedRequestOf<K extends ChannelName> = z.output<Contract[K]['request']>
export type ResponseOf<K extends ChannelName> =
  Contract[K] extends Channel<z.ZodType, infer Res> ? Res : never

export type EventPayload<E extends EventName> =
  (typeof events)[E] extends EventDef<infer P> ? P : never

// The name lists in channels.ts and the definitions here must agree, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const namesMatch: Same<keyof typeof contract, ChannelName> & Same<keyof typeof events, EventName> = true
void namesMatch
