import type { BridgeError } from '../../../shared/result'

interface ActionErrorProps {
  readonly error: BridgeError | null
  readonly id?: string
  readonly testId?: string
}

/** A failed bridge call, in core's words, next to the control that made it. */
export function ActionError({ error, id, testId = 'action-error' }: ActionErrorProps) {
  if (!error) return null
  return (
    <p id={id} className="field-error" role="alert" data-testid={testId} data-code={error.code}>
      {error.message}
    </p>
  )
}
