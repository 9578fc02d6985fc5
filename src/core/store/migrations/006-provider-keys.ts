import type { Migration } from './migration'

/**
 * What Coop knows about each stored model-provider API key: its fingerprint and when it was set and
 * last used. Never the key itself — that lives only in the system keychain.
 */
export const migration006ProviderKeys: Migration = {
  version: 6,
  name: 'provider-keys',
  up: (db) => {
    db.exec(`
      CREATE TABLE provider_keys (
        provider TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_used_at TEXT
      );
    `)
  },
}
