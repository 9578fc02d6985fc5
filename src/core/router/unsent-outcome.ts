import type { AskOutcome } from '../../shared/router-types'

/** How a request ended that never went out (blocked by policy, or refused before it was built). */
export function unsentOutcome(requestId: string, provider: string, model: string, status: 'blocked' | 'failed', error: { code: string; message: string }): AskOutcome {
  return {
    requestId,
    status,
    provider,
    model,
    retentionMode: 'none',
    usage: null,
    costUsd: null,
    attempts: 0,
    fallbackFrom: [],
    redactions: 0,
    error: { ...error, status: null },
  }
}
