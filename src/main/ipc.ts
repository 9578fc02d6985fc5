import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { channelNames, eventNames } from '../shared/channels'
import { fail, type Result } from '../shared/result'
import { dispatch } from '../core/bridge/dispatch'
import type { Handlers } from '../core/bridge/handlers'
import type { EventBus } from '../core/events/event-bus'
import type { Logger } from '../core/log/logger'
import { originOf } from './app-origin'
import { consoleLogger } from './log'

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

export interface TrustedSenders {
  /** Origin of the renderer: `coop://app`, or the dev server's in development. */
  readonly appOrigin: string
  /** Whether the web contents belongs to a window this app created. */
  readonly isOurWebContents: (contents: WebContents) => boolean
}

/**
 * Trusts only the top frame of one of our windows showing our own origin. A frame that navigated
 * away, an iframe, or any other web contents gets nothing from the bridge.
 */
export function createSenderCheck({ appOrigin, isOurWebContents }: TrustedSenders): SenderCheck {
  return (event) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    if (originOf(frame.url) !== appOrigin) return false
    return isOurWebContents(event.sender)
  }
}

/**
 * Registers one `ipcMain.handle` per contract channel: check the sender, then validate and run the
 * handler through `dispatch`. Every call resolves to a Result. Returns a function that removes them all.
 */
export function registerBridge(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  isTrustedSender: SenderCheck,
  logger: Logger = consoleLogger,
): () => void {
  for (const name of channelNames) {
    ipcMain.handle(name, (event, raw: unknown): Promise<Result<unknown>> | Result<unknown> => {
      if (!isSenderTrusted(isTrustedSender, event)) {
        logger.log('warn', 'Refused a bridge call from an untrusted sender', { channel: name, sender: describeSender(event) })
        return fail('forbidden', 'This window is not allowed to call Coop')
      }
      return dispatch(handlers, name, raw, logger)
    })
  }
  return () => {
    for (const name of channelNames) ipcMain.removeHandler(name)
  }
}

/** Sends every core event to each live window. Returns the unsubscribe function. */
export function forwardEvents(
  bus: EventBus,
  getWebContents: () => Iterable<WebContents>,
  logger: Logger = consoleLogger,
): () => void {
  return bus.onAny((name, payload) => {
    for (const contents of getWebContents()) {
      if (contents.isDestroyed()) continue
      // One crashed renderer must not keep the event from the other windows.
      try {
        contents.send(name, payload)
      } catch (error) {
        logger.log('warn', 'Could not send an event to a window', { event: name, webContentsId: contents.id, error })
      }
    }
  }, eventNames)
}

/** A frame disposed mid-call can throw on access; that sender is simply not trusted. */
function isSenderTrusted(check: SenderCheck, event: IpcMainInvokeEvent): boolean {
  try {
    return check(event)
  } catch {
    return false
  }
}

/** The sender's origin only: enough to diagnose, and a URL's path or query may carry user data. */
function describeSender(event: IpcMainInvokeEvent): string {
  try {
    const frame = event.senderFrame
    if (!frame) return 'no sender frame'
    return `${frame.parent === null ? 'top frame' : 'subframe'} of ${originOf(frame.url) ?? 'an opaque origin'}`
  } catch {
    return 'disposed frame'
  }
}
