/** What the knowledge-graph queries answer. Field names are a contract (`coop … --json`). */

/** How a file at HEAD is treated by ownership, hotspots and coupling (only `source` counts by default). */
export type FileKind = 'source' | 'binary' | 'generated' | 'vendored' | 'submodule'

export interface PersonRef {
  readonly name: string
  readonly email: string
}

export interface FileEntry {
  readonly path: string
  readonly size: number | null
  /** Language by extension or file name, e.g. "TypeScript"; null when unknown. */
  readonly language: string | null
  readonly kind: FileKind
  readonly lastCommit: { readonly hash: string; readonly subject: string; readonly committedAt: string } | null
  readonly lastAuthor: PersonRef | null
}

export interface TreeNode {
  readonly name: string
  /** Repository-relative path, '/'-separated, no leading slash. */
  readonly path: string
  readonly type: 'dir' | 'file'
  /** Files below (dirs) or 1 (files). */
  readonly fileCount: number
  readonly size: number | null
  readonly language: string | null
  readonly kind: FileKind | null
  /** The leading owner by history, for the badge; null when nobody has changed it (or only bots). */
  readonly topOwner: { readonly name: string; readonly email: string; readonly share: number } | null
}

export interface TreeListing {
  readonly dir: string
  readonly entries: readonly TreeNode[]
}

export interface Owner {
  readonly name: string
  readonly email: string
  /** Recency-weighted share of the work, 0..1; all owners' shares sum to 1. */
  readonly share: number
  readonly commits: number
  readonly linesAdded: number
  readonly linesRemoved: number
  /** Last commit of this person anywhere in the repository (ISO time). */
  readonly lastActive: string
  readonly bot: boolean
}

export interface DeclaredOwner {
  /** As written in CODEOWNERS: @user, @org/team or an email. */
  readonly owner: string
  /** The person it was matched to in history, when it could be. */
  readonly person: PersonRef | null
  /** That person's share of the actual work on the path (0 when unmatched). */
  readonly share: number
}

export interface OwnersReport {
  readonly path: string
  readonly type: 'file' | 'dir'
  readonly owners: readonly Owner[]
  readonly declared: readonly DeclaredOwner[]
  /** Where the declared owners came from, e.g. ".github/CODEOWNERS:12"; null when none match. */
  readonly declaredBy: string | null
  /** Fewest people holding at least half the ownership (0 when nobody owns it). */
  readonly busFactor: number
  /** True when every leading owner (the bus-factor set) has been inactive longer than the threshold. */
  readonly orphaned: boolean
  readonly halfLifeDays: number
  readonly inactiveDays: number
}

export interface HistoryEntry {
  readonly hash: string
  readonly subject: string
  readonly author: PersonRef
  readonly authoredAt: string
  /** The file's path in this commit (differs from the asked path before a rename). */
  readonly path: string
  /** Set on the commit that renamed the file from this path. */
  readonly renamedFrom: string | null
  readonly linesAdded: number | null
  readonly linesRemoved: number | null
}

export interface Hotspot {
  readonly path: string
  readonly commits: number
  /** Lines added plus removed in the window. */
  readonly churn: number
  readonly size: number | null
  readonly authors: number
  /** commits × log2(2 + churn) × log2(2 + size in KiB): where change concentrates in large files. */
  readonly score: number
}

export interface CoupledFile {
  readonly path: string
  /** Commits that changed both files. */
  readonly support: number
  /** support / commits that changed the asked file. */
  readonly confidence: number
}

export interface BlameCommit {
  readonly hash: string
  readonly subject: string
  readonly author: PersonRef
  readonly authoredAt: string
  /** The lines of the asked range this commit last touched, as [start, end] pairs. */
  readonly ranges: readonly (readonly [number, number])[]
  readonly filename: string
}

export interface BlameReport {
  readonly path: string
  readonly start: number
  readonly end: number
  readonly commits: readonly BlameCommit[]
}

export interface SearchResults {
  readonly paths: readonly { readonly path: string; readonly score: number }[]
  readonly commits: readonly { readonly hash: string; readonly subject: string; readonly author: PersonRef; readonly committedAt: string }[]
  readonly people: readonly (PersonRef & { readonly commits: number })[]
}

export interface DriftEntry {
  readonly path: string
  readonly declared: readonly string[]
  /** Combined share of the declared owners in the actual work. */
  readonly declaredShare: number
  readonly topOwner: (PersonRef & { readonly share: number }) | null
}
