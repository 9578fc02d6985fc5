import type { BridgeError } from '../../../../shared/result'
import type { AskDelta, AskOutcome } from '../../../../shared/router-types'

/** What arrived for a request id before `ask:start` told us that id was ours. */
interface Early {
  readonly text: string
  readonly outcome: AskOutcome | null
}

/**
 * One question on the Ask page, from Send to its outcome. Core may emit the first `ask:delta` (or, for a
 * refused request, the `ask:finished`) before the `ask:start` reply lands, so while a start is pending
 * every event is kept by request id and the one that turns out to be ours is replayed.
 */
export type AskSession =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting'; readonly early: ReadonlyMap<string, Early> }
  | { readonly kind: 'running'; readonly requestId: string; readonly text: string; readonly stopping: boolean }
  | { readonly kind: 'finished'; readonly requestId: string; readonly text: string; readonly outcome: AskOutcome }
  /** `ask:start` itself failed (a bad request, the server gone): nothing was asked. */
  | { readonly kind: 'refused'; readonly error: BridgeError }

export type AskAction =
  | { readonly type: 'start' }
  | { readonly type: 'started'; readonly requestId: string }
  | { readonly type: 'startFailed'; readonly error: BridgeError }
  | { readonly type: 'delta'; readonly delta: AskDelta }
  | { readonly type: 'finished'; readonly outcome: AskOutcome }
  | { readonly type: 'stopping'; readonly stopping: boolean }

export const idleSession: AskSession = { kind: 'idle' }

/** Events are broadcast to every open page: cap what one pending start keeps of other pages' questions. */
export const MAX_EARLY_REQUESTS = 16

export function askSessionReducer(session: AskSession, action: AskAction): AskSession {
  switch (action.type) {
    case 'start':
      return { kind: 'starting', early: new Map() }
    case 'startFailed':
      return session.kind === 'starting' ? { kind: 'refused', error: action.error } : session
    case 'started': {
      if (session.kind !== 'starting') return session
      const early = session.early.get(action.requestId)
      const text = early?.text ?? ''
      if (early?.outcome) return { kind: 'finished', requestId: action.requestId, text, outcome: early.outcome }
      return { kind: 'running', requestId: action.requestId, text, stopping: false }
    }
    case 'delta': {
      const { requestId, text } = action.delta
      if (session.kind === 'starting') return keepEarly(session, requestId, (early) => ({ ...early, text: early.text + text }))
      if (session.kind === 'running' && session.requestId === requestId) return { ...session, text: session.text + text }
      return session
    }
    case 'finished': {
      const { outcome } = action
      if (session.kind === 'starting') return keepEarly(session, outcome.requestId, (early) => ({ ...early, outcome }))
      if (session.kind === 'running' && session.requestId === outcome.requestId) {
        return { kind: 'finished', requestId: session.requestId, text: session.text, outcome }
      }
      return session
    }
    case 'stopping':
      return session.kind === 'running' ? { ...session, stopping: action.stopping } : session
    default:
      return action satisfies never
  }
}

function keepEarly(session: Extract<AskSession, { kind: 'starting' }>, requestId: string, change: (early: Early) => Early): AskSession {
  const early = new Map(session.early)
  const current = early.get(requestId) ?? { text: '', outcome: null }
  early.delete(requestId)
  early.set(requestId, change(current))
  // Drop the least recently heard-from ids: ours is being heard from right now.
  for (const id of early.keys()) {
    if (early.size <= MAX_EARLY_REQUESTS) break
    early.delete(id)
  }
  return { kind: 'starting', early }
}

/** True while Send must wait: a question is being started or answered. */
export function isAsking(session: AskSession): boolean {
  return session.kind === 'starting' || session.kind === 'running'
}
