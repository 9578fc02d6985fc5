import type { CodeLanguage, ParsedFile } from '../code-types'

/** What the pool posts to a parse worker: one file at a time. */
export interface ParseJob {
  readonly id: number
  readonly language: CodeLanguage
  readonly source: string
}

/** What a worker posts back. A parse that throws is an answer too; only a crash goes unanswered. */
export type ParseReply = { readonly id: number; readonly ok: true; readonly parsed: ParsedFile } | { readonly id: number; readonly ok: false; readonly error: string }
