import type Database from 'better-sqlite3'

/** One numbered schema change. Applied in a transaction; `PRAGMA user_version` records the last one. */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly up: (db: Database.Database) => void
}
