import { useCallback, useEffect, useRef, useState } from 'react'
import type { BridgeError, Result } from '../../../shared/result'

export type ResultState<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly value: T; readonly refreshing: boolean }
  | { readonly kind: 'error'; readonly error: BridgeError; readonly refreshing: boolean }

interface Answer<T> {
  readonly key: string
  readonly token: number
  readonly result: Result<T>
}

/**
 * Runs an api call and follows its answer. `key` names the inputs: when it changes the old answer is
 * dropped (loading). `refresh` (say, after a re-index) asks again but keeps showing the old answer
 * until the new one lands. Answers to superseded calls are ignored.
 */
export function useResult<T>(run: () => Promise<Result<T>>, key: string, refresh = 0): readonly [ResultState<T>, () => void] {
  const [answer, setAnswer] = useState<Answer<T> | null>(null)
  const [retries, setRetries] = useState(0)
  const latest = useRef(run)
  const token = refresh * 1_000_000 + retries

  useEffect(() => {
    latest.current = run
  })

  useEffect(() => {
    let live = true
    void latest.current().then(
      (result) => {
        if (live) setAnswer({ key, token, result })
      },
      (error: unknown) => {
        if (live) setAnswer({ key, token, result: { ok: false, error: { code: 'internal', message: String(error) } } })
      },
    )
    return () => {
      live = false
    }
  }, [key, token])

  const retry = useCallback(() => setRetries((n) => n + 1), [])
  if (!answer || answer.key !== key) return [{ kind: 'loading' }, retry]
  const refreshing = answer.token !== token
  const state: ResultState<T> = answer.result.ok
    ? { kind: 'ok', value: answer.result.value, refreshing }
    : { kind: 'error', error: answer.result.error, refreshing }
  return [state, retry]
}
