import type { ErrorCode } from '../../shared/result'

/** An error a user can act on: a stable code for the bridge and a one-line message that says what to do. */
export class CoopError extends Error {
  readonly code: ErrorCode
  readonly context: Readonly<Record<string, unknown>>

  constructor(code: ErrorCode, message: string, context: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options)
    this.name = 'CoopError'
    this.code = code
    this.context = context
  }
}

/** A git command that ended in a way its caller did not expect. Carries what is needed to diagnose it. */
export class GitError extends CoopError {
  readonly args: readonly string[]
  readonly exitCode: number | null
  readonly stderr: string

  constructor(message: string, details: { args: readonly string[]; exitCode: number | null; stderr: string; repoPath: string }, options?: ErrorOptions) {
    super('git_failed', message, { repoPath: details.repoPath, args: details.args, exitCode: details.exitCode }, options)
    this.name = 'GitError'
    this.args = details.args
    this.exitCode = details.exitCode
    this.stderr = details.stderr
  }
}

export function isCoopError(error: unknown): error is CoopError {
  return error instanceof CoopError
}
