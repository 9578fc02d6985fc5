/**
 * The names on the bridge, without their schemas: the preload and the renderer build the api from
 * these alone, so they do not ship the validation library. contract.ts must define exactly these.
 */
export const channelNames = [
  'app:info',
  'repos:list',
  'repos:add',
  'repos:reindex',
  'repos:remove',
  'graph:tree',
  'graph:files',
  'graph:owners',
  'graph:history',
  'graph:hotspots',
  'graph:coupling',
  'graph:blame',
  'graph:search',
  'graph:drift',
  'code:deps',
  'code:impact',
  'code:symbols',
  'code:refs',
  'providers:list',
  'providers:add',
  'providers:setEnabled',
  'providers:remove',
  'providers:update',
  'providers:setKey',
  'providers:removeKey',
  'providers:approve',
  'providers:revokeApproval',
  'providers:check',
  'policy:settings',
  'policy:setOffline',
  'ask:preview',
  'ask:start',
  'ask:stop',
  'ask:status',
  'usage:report',
  'audit:list',
  'audit:verify',
  'audit:export',
  'audit:settings',
  'audit:setRetention',
  'attest:create',
  'attest:verify',
  'attest:retentionSeries',
  'attest:pdf',
  'dialog:pickFolder',
] as const

export const eventNames = ['index:progress', 'index:finished', 'ask:delta', 'ask:finished'] as const

export type ChannelName = (typeof channelNames)[number]
export type EventName = (typeof eventNames)[number]

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && (channelNames as readonly string[]).includes(name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name)
}
