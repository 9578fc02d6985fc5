import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Core } from './core'
import { EventBus } from './events/event-bus'
import { createFileLogger, type Logger } from './log/logger'
import { Repos } from './repos/repos-service'
import { openDatabase } from './store/open-database'

export interface CoreOptions {
  /** Folder for the database and logs; created if missing. */
  readonly dataDir: string
  readonly version: string
  readonly name?: string
  readonly logger?: Logger
}

export const DATABASE_FILE = 'coop.db'

/** Opens the database (migrating it) and wires every capability into one Core. */
export function openCore(options: CoreOptions): Core {
  const dataDir = resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const logger = options.logger ?? createFileLogger(dataDir)
  const db = openDatabase(join(dataDir, DATABASE_FILE))
  const events = new EventBus()
  const repos = new Repos(db, events, logger)
  let closing: Promise<void> | undefined
  return {
    name: options.name ?? 'Coop Desktop',
    version: options.version,
    dataDir,
    events,
    logger,
    repos,
    close() {
      closing ??= repos.stop().then(() => {
        db.close()
      })
      return closing
    },
  }
}
