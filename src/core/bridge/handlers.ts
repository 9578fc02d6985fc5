import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../shared/contract'
import type { HostKind } from '../../shared/types'
import type { Core } from '../core'
import { CoopError } from '../errors/coop-error'

/** What differs between hosts: Electron has a native folder picker, browser mode does not. */
export interface Host {
  readonly kind: HostKind
  readonly pickFolder?: () => Promise<string | null>
}

export type Handlers = {
  readonly [K in ChannelName]: (request: ParsedRequestOf<K>) => Promise<ResponseOf<K>> | ResponseOf<K>
}

/** One handler per contract channel; a missing one is a type error. */
export function createHandlers(core: Core, host: Host): Handlers {
  return {
    'app:info': () => ({
      name: core.name,
      version: core.version,
      dataDir: core.dataDir,
      host: host.kind,
      capabilities: { pickFolder: host.pickFolder !== undefined },
    }),
    'repos:list': () => core.repos.list(),
    'repos:add': ({ path }) => core.repos.add(path),
    'repos:reindex': ({ repoId }) => core.repos.reindex(repoId),
    'repos:remove': ({ repoId }) => ({ removed: core.repos.remove(repoId) }),
    'dialog:pickFolder': async () => {
      if (!host.pickFolder) throw new CoopError('unsupported', 'This host has no folder picker: type the path instead')
      return { path: await host.pickFolder() }
    },
  }
}
