import { useCallback, useEffect, useRef, useState } from 'react'
import type { BridgeError, Result } from '../../../shared/result'

export interface Action<Name extends string> {
  /** The action under way, or null. */
  readonly pending: Name | null
  /** What the last failed action's bridge call said; cleared when the next one starts. */
  readonly error: BridgeError | null
  /** Runs one bridge call; `onOk` gets its value. Resolves true when it succeeded. */
  readonly run: <T>(name: Name, call: () => Promise<Result<T>>, onOk?: (value: T) => void) => Promise<boolean>
  readonly clearError: () => void
}

/**
 * A button's bridge call with its pending state and error, the way each control on a page shows its
 * own progress and failure next to it. Answers that land after unmount are dropped.
 */
export function useAction<Name extends string>(): Action<Name> {
  const [pending, setPending] = useState<Name | null>(null)
  const [error, setError] = useState<BridgeError | null>(null)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const run = useCallback(async <T,>(name: Name, call: () => Promise<Result<T>>, onOk?: (value: T) => void): Promise<boolean> => {
    setPending(name)
    setError(null)
    const result = await call()
    if (!mounted.current) return result.ok
    setPending(null)
    if (!result.ok) {
      setError(result.error)
      return false
    }
    onOk?.(result.value)
    return true
  }, [])

  const clearError = useCallback(() => setError(null), [])
  return { pending, error, run, clearError }
}
