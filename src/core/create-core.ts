import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Core } from './core'
import { EventBus } from './events/event-bus'
import { chooseBackend, type GitBackendSetting } from './git/choose-backend'
import { Code } from './code/code-service'
import { Graph } from './graph/graph-service'
import { KeyStore } from './keys/key-store'
import { createSystemKeychain } from './keys/system-keychain'
import { createFileLogger, type Logger } from './log/logger'
import { ProviderStore } from './providers/provider-store'
import { Policy } from './policy/policy-service'
import { PolicyStore } from './policy/policy-store'
import { ModelRouter } from './router/model-router'
import { UsageLedger } from './router/usage-ledger'
import { AskSessions } from './router/ask-sessions'
import { Audit } from './audit/audit-service'
import type { AuditSink } from './audit/audit-sink'
import { settingsHead } from './audit/settings-head'
import { Repos } from './repos/repos-service'
import { openDatabase } from './store/open-database'

export interface CoreOptions {
  /** Folder for the database and logs; created if missing. */
  readonly dataDir: string
  readonly version: string
  readonly name?: string
  readonly logger?: Logger
  /** How repositories are read: `auto` (git if installed), `git`, or `isomorphic` (no git binary needed). */
  readonly gitBackend?: GitBackendSetting
  /** "Now" for time windows and inactivity (tests pin it). */
  readonly clock?: () => number
  /** The parse worker script, when not next to the bundle (tests build it to a known place). */
  readonly parseWorkerUrl?: URL
  /** Where COOP_<PROVIDER>_API_KEY variables are read (default process.env). */
  readonly env?: NodeJS.ProcessEnv
}

export const DATABASE_FILE = 'coop.db'

/** Opens the database (migrating it) and wires every capability into one Core. */
export function openCore(options: CoreOptions): Core {
  const dataDir = resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const logger = options.logger ?? createFileLogger(dataDir)
  const db = openDatabase(join(dataDir, DATABASE_FILE))
  const events = new EventBus()
  const backend = chooseBackend(options.gitBackend ?? 'auto')
  const graph = new Graph(db, backend, options.clock)
  const code = new Code(db, backend, graph, options.parseWorkerUrl ? { parseWorkerUrl: options.parseWorkerUrl } : {})
  const repos = new Repos(db, events, logger, backend, code)
  const env = options.env ?? process.env
  const keychain = createSystemKeychain()
  const audit = new Audit({ dataDir, keychain, env, logger, head: settingsHead(db) })
  const record: AuditSink = (kind, data, opts) => void audit.append(kind, data, opts)
  const keys = new KeyStore(db, keychain, env, undefined, record)
  const providers = new ProviderStore(db, undefined, record)
  const policy = new Policy(new PolicyStore(db), providers, keys, undefined, record)
  const router = new ModelRouter({ audit, policy, keys, ledger: new UsageLedger(db), repoPaths: () => repos.list().map((r) => r.path), logger })
  const asks = new AskSessions(router, events, logger)
  let closing: Promise<void> | undefined
  return {
    name: options.name ?? 'Coop Desktop',
    version: options.version,
    dataDir,
    events,
    logger,
    repos,
    graph,
    code,
    keys,
    providers,
    policy,
    router,
    audit,
    asks,
    gitBackend: backend.kind,
    close() {
      asks.stopAll()
      closing ??= repos.stop().then(async () => {
        await code.close()
        audit.close()
        db.close()
      })
      return closing
    },
  }
}
