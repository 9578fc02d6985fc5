import { migration001History } from './001-history'
import { migration002Graph } from './002-graph'
import { migration003HeadFolders } from './003-head-folders'
import { migration004FileOwnerStats } from './004-file-owner-stats'
import { migration005CodeStructure } from './005-code-structure'
import { migration006ProviderKeys } from './006-provider-keys'
import { migration007Providers } from './007-providers'
import { migration008RouterPolicy } from './008-router-policy'
import type { Migration } from './migration'

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [migration001History, migration002Graph, migration003HeadFolders, migration004FileOwnerStats, migration005CodeStructure, migration006ProviderKeys, migration007Providers, migration008RouterPolicy]
