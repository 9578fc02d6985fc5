import type Database from 'better-sqlite3'
import { CoopError } from '../errors/coop-error'
import { migrations as allMigrations } from './migrations'
import type { Migration } from './migrations/migration'

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the database to the latest schema (or to `target`, for migration tests). Each migration runs
 * in its own transaction, so a failure leaves the database at the previous version.
 */
export function migrate(db: Database.Database, target?: number, migrations: readonly Migration[] = allMigrations): number {
  const latest = migrations.at(-1)?.version ?? 0
  const goal = target ?? latest
  const current = schemaVersion(db)
  if (current > latest) {
    throw new CoopError(
      'storage_failed',
      `The database was created by a newer Coop Desktop (schema ${current}, this version knows ${latest}): update the app`,
      { current, latest },
    )
  }
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > goal) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return schemaVersion(db)
}
