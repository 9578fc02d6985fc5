import type { z } from 'zod'
import { contract, isChannelName } from '../../shared/contract'
import { fail, ok, type BridgeError, type Result } from '../../shared/result'
import { isCoopError } from '../errors/coop-error'
import type { Logger } from '../log/logger'
import type { Handlers } from './handlers'

/**
 * The one way a host calls core: check the channel, validate the request against its schema, run the
 * handler, and turn any outcome into a result value. Used by Electron IPC and by browser mode.
 */
export async function dispatch(handlers: Handlers, channel: unknown, request: unknown, logger?: Logger): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return fail('unknown_channel', `Unknown channel: ${String(channel).slice(0, 80)}`)
  const parsed = contract[channel].request.safeParse(request ?? {})
  if (!parsed.success) return fail('invalid_input', describeIssues(channel, parsed.error))
  try {
    const handler = handlers[channel] as (request: unknown) => unknown
    return ok(await handler(parsed.data))
  } catch (error) {
    const bridgeError = toBridgeError(error)
    if (bridgeError.code === 'internal') logger?.log('error', 'bridge call failed', { channel, error })
    return { ok: false, error: bridgeError }
  }
}

/** Only a CoopError's message is shown; anything else may carry internals, so it becomes a generic error. */
export function toBridgeError(error: unknown): BridgeError {
  if (isCoopError(error)) return { code: error.code, message: error.message }
  return { code: 'internal', message: 'Unexpected internal error; see the application log for details' }
}

function describeIssues(channel: string, error: z.ZodError): string {
  const issues = error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
  return `Invalid request for ${channel}: ${issues.join('; ')}`
}
