import { randomUUID } from 'node:crypto'
import type { AskOutcome, AskRequest } from '../../shared/router-types'
import { isCoopError } from '../errors/coop-error'
import type { EventBus } from '../events/event-bus'
import type { Logger } from '../log/logger'
import type { ModelRouter } from './model-router'
import { unsentOutcome } from './unsent-outcome'

/**
 * Questions asked from the app: each runs in the background, streams its text as `ask:delta` events
 * and ends with one `ask:finished`; `stop` cancels it. The answer text is never stored.
 */
export class AskSessions {
  private readonly running = new Map<string, AbortController>()

  constructor(
    private readonly router: ModelRouter,
    private readonly events: EventBus,
    private readonly logger: Logger,
  ) {}

  /** Starts the request once its files are read and its provider is known; resolves with its id. */
  start(request: AskRequest, cwd: string): { requestId: string; done: Promise<AskOutcome | null> } {
    const requestId = randomUUID()
    const controller = new AbortController()
    this.running.set(requestId, controller)
    const done = this.router
      .ask(request, { cwd, signal: controller.signal, requestId, onText: (text) => this.events.emit('ask:delta', { requestId, text }) })
      .then((outcome) => {
        this.running.delete(requestId)
        this.events.emit('ask:finished', outcome)
        return outcome
      })
      .catch((error: unknown) => {
        this.running.delete(requestId)
        // A CoopError's message is written for the user; anything else stays in the log.
        const message = isCoopError(error) ? error.message : 'The question could not be asked; see the application log'
        if (!isCoopError(error)) this.logger.log('error', 'ask failed', { requestId, error })
        this.events.emit('ask:finished', unsentOutcome(requestId, request.provider, request.model ?? '', 'failed', { code: isCoopError(error) ? error.code : 'internal', message }))
        return null
      })
    return { requestId, done }
  }

  /** Cancels a running request; false when it already ended. */
  stop(requestId: string): boolean {
    const controller = this.running.get(requestId)
    if (!controller) return false
    controller.abort()
    return true
  }

  /** Cancels everything (the app is quitting). */
  stopAll(): void {
    for (const controller of this.running.values()) controller.abort()
  }
}
