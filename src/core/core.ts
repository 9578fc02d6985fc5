import type { IndexProgress, IndexResult, RepoSummary } from '../shared/types'
import type { EventBus } from './events/event-bus'
import type { Code } from './code/code-service'
import type { Graph } from './graph/graph-service'
import type { KeyStore } from './keys/key-store'
import type { Logger } from './log/logger'
import type { ProviderStore } from './providers/provider-store'
import type { Policy } from './policy/policy-service'
import type { ModelRouter } from './router/model-router'
import type { AskSessions } from './router/ask-sessions'
import type { Audit } from './audit/audit-service'

export interface IndexOptions {
  /** Called with progress as batches are written (the CLI's progress bar). Events are emitted too. */
  readonly onProgress?: (progress: IndexProgress) => void
  readonly signal?: AbortSignal
  /** Parse source files into the code structure graph too (default true). */
  readonly code?: boolean
}

/** The repositories capability: add, index, list, remove. */
export interface ReposService {
  list(): readonly RepoSummary[]
  get(repoId: number): RepoSummary
  /** Adds the repository at `path` (if new) and indexes it; resolves when the run is done. */
  index(path: string, options?: IndexOptions): Promise<IndexResult>
  /** Adds the repository (if new) and starts indexing it in the background; resolves once it is registered. */
  add(path: string): Promise<RepoSummary>
  /** Starts a background re-index of a known repository (new commits only). */
  reindex(repoId: number): RepoSummary
  /** Forgets a repository and everything indexed from it. The repository on disk is untouched. */
  remove(repoId: number): boolean
}

/** Everything the app, the CLI and browser mode use. Plain Node: never imports electron. */
export interface Core {
  readonly name: string
  readonly version: string
  readonly dataDir: string
  readonly events: EventBus
  /** Diagnostics only: identifiers and error details, never payloads, keys or tokens. */
  readonly logger: Logger
  readonly repos: ReposService
  /** Queries over indexed repositories: owners, history, hotspots, coupling, blame, search, drift. */
  readonly graph: Graph
  /** The code structure: imports, dependents, impact, symbols and references. */
  readonly code: Code
  /** Model-provider API keys: in the OS keychain (or COOP_<PROVIDER>_API_KEY), fingerprints in the database. */
  readonly keys: KeyStore
  /** Configured model providers (kind, base URL, models); configuration only, no requests. */
  readonly providers: ProviderStore
  /** Who may be called under which retention terms: approvals, allow-lists, offline mode, compliance check. */
  readonly policy: Policy
  /** Every model call: policy, scrubbing, retention controls, records, retries and fallback, streaming. */
  readonly router: ModelRouter
  /** Questions asked from the app: streamed as events, stoppable. */
  readonly asks: AskSessions
  /** The tamper-evident audit log (audit.db): every model request and security-relevant change. */
  readonly audit: Audit
  /** Which reader indexes repositories: the git binary or isomorphic-git. */
  readonly gitBackend: 'git' | 'isomorphic'
  /** Waits for background work to stop, then closes the database. */
  close(): Promise<void>
}
