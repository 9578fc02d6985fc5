import { z } from 'zod'
import type { ChannelName, EventName } from './channels'
import type { AppInfo, IndexFinished, IndexProgress, RepoSummary } from './types'

export { channelNames, eventNames, isChannelName, isEventName, type ChannelName, type EventName } from './channels'

/**
 * The bridge: every request channel with its request schema and response type, and every event.
 * Electron main (IPC), browser mode (HTTP + SSE) and the preload all derive from this one list.
 */

declare const responseType: unique symbol
interface Channel<Req extends z.ZodType, Res> {
  readonly request: Req
  readonly [responseType]?: Res
}

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): Channel<Req, Res> => ({ request })
}

const empty = z.object({}).strict()
const repoId = z.number().int().positive()
/** A local filesystem path typed by the user: bounded, and without NUL bytes that would truncate it. */
const localPath = z
  .string()
  .trim()
  .min(1, 'Enter the path of a git repository')
  .max(4096, 'Path is longer than 4096 characters')
  .refine((p) => !p.includes('\0'), 'Path contains a NUL byte')

export const contract = {
  'app:info': channel<AppInfo>()(empty),
  'repos:list': channel<readonly RepoSummary[]>()(empty),
  /** Adds a repository (if new) and starts indexing it; progress arrives as events. */
  'repos:add': channel<RepoSummary>()(z.object({ path: localPath }).strict()),
  'repos:reindex': channel<RepoSummary>()(z.object({ repoId }).strict()),
  'repos:remove': channel<{ readonly removed: boolean }>()(z.object({ repoId }).strict()),
  /** Native folder picker; in browser mode `capabilities.pickFolder` is false and this answers `unsupported`. */
  'dialog:pickFolder': channel<{ readonly path: string | null }>()(empty),
} as const satisfies Record<ChannelName, Channel<z.ZodType, unknown>>

declare const payloadType: unique symbol
interface EventDef<P> {
  readonly [payloadType]?: P
}
function event<P>(): EventDef<P> {
  return {}
}

export const events = {
  'index:progress': event<IndexProgress>(),
  'index:finished': event<IndexFinished>(),
} as const satisfies Record<EventName, EventDef<unknown>>

export type Contract = typeof contract
export type RequestOf<K extends ChannelName> = z.input<Contract[K]['request']>
export type ParsedRequestOf<K extends ChannelName> = z.output<Contract[K]['request']>
export type ResponseOf<K extends ChannelName> =
  Contract[K] extends Channel<z.ZodType, infer Res> ? Res : never

export type EventPayload<E extends EventName> =
  (typeof events)[E] extends EventDef<infer P> ? P : never

// The name lists in channels.ts and the definitions here must agree, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const namesMatch: Same<keyof typeof contract, ChannelName> & Same<keyof typeof events, EventName> = true
void namesMatch
