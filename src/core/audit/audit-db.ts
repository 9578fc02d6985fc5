import type Database from 'better-sqlite3'
import { CoopError } from '../errors/coop-error'
import { connect } from '../store/open-database'

export type AuditDb = Database.Database

export const AUDIT_FILE = 'audit.db'
const SCHEMA_VERSION = 1

/**
 * audit.db: its own file, so it can be handed to a reviewer (or kept on other storage) without the
 * index. WAL and a busy timeout let the app and the CLI append at the same time; triggers refuse
 * updates and deletes (pruning lifts the delete guard inside its own transaction). The triggers stop
 * mistakes, not an attacker: the hash chain and signed checkpoints are what detect tampering.
 */
export function openAuditDb(file: string): AuditDb {
  let db: AuditDb | undefined
  try {
    db = connect(file, 10_000)
    // IMMEDIATE, and the version read inside: the app and the CLI may create the file at the same moment.
    db.exec('BEGIN IMMEDIATE')
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > SCHEMA_VERSION) {
      db.exec('ROLLBACK')
      throw new CoopError('storage_failed', `${file} was written by a newer Coop: update the app`)
    }
    if (version < SCHEMA_VERSION) {
      db.exec(`
        CREATE TABLE records (
          seq INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          kind TEXT NOT NULL,
          actor TEXT NOT NULL,
          provider TEXT,
          data TEXT NOT NULL,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        );
        CREATE INDEX records_by_time ON records (at);
        CREATE TABLE checkpoints (
          seq INTEGER PRIMARY KEY,
          hash TEXT NOT NULL,
          at TEXT NOT NULL,
          key_id TEXT NOT NULL,
          signature TEXT NOT NULL
        );
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TRIGGER records_no_update BEFORE UPDATE ON records BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
        CREATE TRIGGER records_no_delete BEFORE DELETE ON records WHEN (SELECT value FROM meta WHERE key = 'pruning') IS NOT '1'
          BEGIN SELECT RAISE(ABORT, 'audit records are append-only; coop audit prune removes old ones'); END;
        PRAGMA user_version = ${SCHEMA_VERSION};
      `)
    }
    db.exec('COMMIT')
    return db
  } catch (error) {
    db?.close()
    if (error instanceof CoopError) throw error
    throw new CoopError('storage_failed', `Cannot open the audit log ${file}: ${error instanceof Error ? error.message : String(error)}`, { file }, { cause: error })
  }
}
