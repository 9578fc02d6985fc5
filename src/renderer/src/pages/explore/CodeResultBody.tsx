import type { ReactNode } from 'react'
import type { ResultState } from '../../lib/use-result'
import { ResultBody } from './DetailSection'

interface CodeResultBodyProps<T> {
  readonly state: ResultState<T>
  readonly onRetry: () => void
  readonly what: string
  readonly children: (value: T) => ReactNode
}

/**
 * ResultBody for the code structure channels. A file Coop does not parse (`not_found`: a README, an
 * image) or chose to skip (`unsupported`: too large, generated) is a fact about the file, said as
 * one quiet line rather than as a failure with Try again.
 */
export function CodeResultBody<T>({ state, onRetry, what, children }: CodeResultBodyProps<T>) {
  if (state.kind === 'error' && (state.error.code === 'not_found' || state.error.code === 'unsupported')) {
    return (
      <p className="section-note muted" data-testid="code-unavailable" data-code={state.error.code}>
        {state.error.message}
      </p>
    )
  }
  return (
    <ResultBody state={state} onRetry={onRetry} what={what}>
      {children}
    </ResultBody>
  )
}
