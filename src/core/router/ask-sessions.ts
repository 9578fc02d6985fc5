import { randomUUID } from 'node:crypto'
import type { AskOutcome, AskRequest, AskStatusView } from '../../shared/router-types'

const KEEP_ENDED = 50
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
  /** The last outcomes, for a page that missed an `ask:finished` event (an event stream that dropped). */
  private readonly ended = new Map<string, AskOutcome>()

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
        this.end(outcome)
        this.events.emit('ask:finished', outcome)
        return outcome
      })
      .catch((error: unknown) => {
        // A CoopError's message is written for the user; anything else stays in the log.
        const message = isCoopError(error) ? error.message : 'The question could not be asked; see the application log'
        if (!isCoopError(error)) this.logger.log('error', 'ask failed', { requestId, error })
        const outcome = unsentOutcome(requestId, request.provider, request.model ?? '', 'failed', { code: isCoopError(error) ? error.code : 'internal', message })
        this.end(outcome)
        this.events.emit('ask:finished', outcome)
        return null
      })
    return { requestId, done }
  }

  /** Where a request stands: running, finished (with how), or unknown (too old, or asked in another process). */
  status(requestId: string): AskStatusView {
    if (this.running.has(requestId)) return { state: 'running' }
    const outcome = this.ended.get(requestId)
    return outcome ? { state: 'finished', outcome } : { state: 'unknown' }
  }

  private end(outcome: AskOutcome): void {
    this.running.delete(outcome.requestId)
    this.ended.set(outcome.requestId, outcome)
    for (const id of this.ended.keys()) {
      if (this.ended.size <= KEEP_ENDED) break
      this.ended.delete(id)
    }
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
