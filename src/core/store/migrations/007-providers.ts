import type { Migration } from './migration'

/**
 * The model providers Coop may call and the models each offers (context window, USD per million
 * tokens). No key column: keys live in the system keychain (migration 6 keeps their fingerprints).
 */
export const migration007Providers: Migration = {
  version: 7,
  name: 'providers',
  up: (db) => {
    db.exec(`
      CREATE TABLE providers (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        base_url TEXT,
        enabled INTEGER NOT NULL DEFAULT 1,
        timeout_ms INTEGER NOT NULL DEFAULT 60000,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE provider_models (
        provider_id TEXT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        context_window INTEGER,
        input_price REAL,
        output_price REAL,
        PRIMARY KEY (provider_id, model)
      );
    `)
  },
}
