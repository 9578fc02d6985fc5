import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import type { BridgeError } from '../../../../shared/result'
import { useApi } from '../../api/api-context'
import type { AskBridgeRequest } from './ask-request'
import { askSessionReducer, idleSession, type AskSession } from './ask-session'

const STATUS_POLL_MS = 3000

export interface AskSessionControls {
  readonly session: AskSession
  /** A stop the bridge refused; the question goes on. */
  readonly stopError: BridgeError | null
  readonly start: (request: AskBridgeRequest) => Promise<void>
  readonly stop: () => Promise<void>
}

/**
 * The page's one question at a time: `ask:start`, then its `ask:delta` text and `ask:finished` outcome
 * from the event stream. Listening starts with the page, before any Send, so no event is missed.
 */
export function useAskSession(): AskSessionControls {
  const api = useApi()
  const [session, dispatch] = useReducer(askSessionReducer, idleSession)
  const [stopError, setStopError] = useState<BridgeError | null>(null)
  const running = useRef<string | null>(null)

  useEffect(() => {
    running.current = session.kind === 'running' ? session.requestId : null
  }, [session])

  useEffect(() => {
    const offDelta = api.on('ask:delta', (delta) => dispatch({ type: 'delta', delta }))
    const offFinished = api.on('ask:finished', (outcome) => dispatch({ type: 'finished', outcome }))
    return () => {
      offDelta()
      offFinished()
    }
  }, [api])

  // Events are the fast path; if the stream dropped one (browser mode reconnecting), asking how the
  // request stands every few seconds still ends the session.
  const runningId = session.kind === 'running' ? session.requestId : null
  useEffect(() => {
    if (runningId === null) return
    const timer = setInterval(() => {
      void api.ask.status({ requestId: runningId }).then((result) => {
        if (result.ok && result.value.state === 'finished') dispatch({ type: 'finished', outcome: result.value.outcome })
      })
    }, STATUS_POLL_MS)
    return () => clearInterval(timer)
  }, [api, runningId])

  // The answer is not kept anywhere: leaving the page stops a question nobody could read the rest of.
  const mounted = useRef(false)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      if (running.current !== null) void api.ask.stop({ requestId: running.current })
    }
  }, [api])

  const start = useCallback(
    async (request: AskBridgeRequest) => {
      setStopError(null)
      dispatch({ type: 'start' })
      const result = await api.ask.start(request)
      // Left while the start was on its way: its id came too late for the cleanup above.
      if (!mounted.current) {
        if (result.ok) void api.ask.stop({ requestId: result.value.requestId })
        return
      }
      dispatch(result.ok ? { type: 'started', requestId: result.value.requestId } : { type: 'startFailed', error: result.error })
    },
    [api],
  )

  const stop = useCallback(async () => {
    const requestId = running.current
    if (requestId === null) return
    setStopError(null)
    dispatch({ type: 'stopping', stopping: true })
    const result = await api.ask.stop({ requestId })
    // Stopped (or already over): the ask:finished event ends the session either way.
    if (!result.ok) {
      dispatch({ type: 'stopping', stopping: false })
      setStopError(result.error)
    }
  }, [api])

  return { session, stopError, start, stop }
}
