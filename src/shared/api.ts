import { channelNames, isEventName, type ChannelName, type EventName } from './channels'
import type { EventPayload, RequestOf, ResponseOf } from './contract'
import type { Result } from './result'

type NamespaceOf<K extends string> = K extends `${infer N}:${string}` ? N : never

/**
 * What the renderer talks to: `api.repos.list({})`, `api.on('index:progress', cb)`.
 * The same type whether it is `window.coop` (Electron preload) or the HTTP client (browser mode).
 */
export type CoopApi = {
  readonly [N in NamespaceOf<ChannelName>]: {
    readonly [K in ChannelName as K extends `${N}:${infer M}` ? M : never]: (
      request: RequestOf<K>,
    ) => Promise<Result<ResponseOf<K>>>
  }
} & {
  /** Subscribes to an event; the listener gets the payload only. Returns the unsubscribe function. */
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void
}

export interface Transport {
  call(channel: ChannelName, request: unknown): Promise<Result<unknown>>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

/** Builds the API object from the contract's channel names over one transport (IPC or HTTP). */
export function buildApi(transport: Transport): CoopApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<Result<unknown>>>> = {}
  for (const name of channelNames) {
    const [namespace, method] = name.split(':') as [string, string]
    api[namespace] ??= {}
    api[namespace][method] = (request: unknown) => transport.call(name, request ?? {})
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`)
    return transport.subscribe(event, listener)
  }
  return Object.freeze({ ...api, on }) as unknown as CoopApi
}
