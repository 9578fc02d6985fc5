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
    'graph:tree': ({ repoId, dir }) => core.graph.tree(repoId, dir),
    'graph:files': ({ repoId, under, limit }) => core.graph.files(repoId, { under, limit }),
    'graph:owners': ({ repoId, path, ...options }) => core.graph.owners(repoId, path, options),
    'graph:history': ({ repoId, path, limit }) => core.graph.history(repoId, path, { limit }),
    'graph:hotspots': ({ repoId, ...options }) => core.graph.hotspots(repoId, options),
    'graph:coupling': ({ repoId, path, ...options }) => core.graph.coupling(repoId, path, options),
    'graph:blame': ({ repoId, path, start, end }) => core.graph.blame(repoId, path, start, end),
    'graph:search': ({ repoId, text, limit }) => core.graph.search(repoId, text, { limit }),
    'graph:drift': ({ repoId, ...options }) => core.graph.drift(repoId, options),
    'code:deps': ({ repoId, path, ...options }) => core.code.deps(repoId, path, options),
    'code:impact': ({ repoId, path, ...options }) => core.code.impact(repoId, path, options),
    'code:symbols': ({ repoId, name }) => core.code.symbols(repoId, name),
    'code:refs': ({ repoId, name }) => core.code.refs(repoId, name),
    'dialog:pickFolder': async () => {
      if (!host.pickFolder) throw new CoopError('unsupported', 'This host has no folder picker: type the path instead')
      return { path: await host.pickFolder() }
    },
  }
}
