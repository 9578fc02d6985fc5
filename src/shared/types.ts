import type { BridgeError } from './result'

/** Where a repository stands: idle, being indexed, or its last index run failed. */
export type RepoState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'indexing'; readonly done: number; readonly total: number }
  | { readonly kind: 'failed'; readonly error: BridgeError }

export interface RepoSummary {
  readonly id: number
  /** Absolute path of the work tree (or of the git directory for a bare repository). */
  readonly path: string
  readonly name: string
  /** Last indexed commit; null until the first index run completes. */
  readonly head: string | null
  readonly commits: number
  /** Distinct paths touched by the indexed history. */
  readonly files: number
  /** Distinct people who authored or committed indexed commits. */
  readonly people: number
  /** Files in the tree at the indexed head. */
  readonly filesAtHead: number
  /** A shallow clone: history stops at the shallow boundary, so counts cover what exists. */
  readonly shallow: boolean
  readonly addedAt: string
  readonly lastIndexedAt: string | null
  readonly state: RepoState
}

/** What one index run did. Field names are a contract (`coop index --json`). */
export interface IndexResult {
  readonly repoId: number
  readonly path: string
  readonly head: string
  readonly commits: number
  readonly commitsAdded: number
  readonly commitsRemoved: number
  readonly files: number
  readonly people: number
  readonly filesAtHead: number
  readonly shallow: boolean
  readonly durationMs: number
}

/** scanning: finding new commits; reading: commits (done/total); parsing: source files whose content changed. */
export type IndexPhase = 'scanning' | 'reading' | 'parsing'

export interface IndexProgress {
  readonly repoId: number
  readonly phase: IndexPhase
  /** Commits written so far in this run. */
  readonly done: number
  /** Commits this run has to read (0 while scanning). */
  readonly total: number
}

export type IndexOutcome =
  | { readonly kind: 'succeeded'; readonly result: IndexResult }
  | { readonly kind: 'failed'; readonly error: BridgeError }

export interface IndexFinished {
  readonly repoId: number
  readonly outcome: IndexOutcome
}

export type HostKind = 'electron' | 'browser'

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly dataDir: string
  readonly host: HostKind
  /** pickFolder: a native folder picker; printToPdf: attestation reports saved as PDF by the host (else the page prints them). */
  readonly capabilities: { readonly pickFolder: boolean; readonly printToPdf: boolean }
}
