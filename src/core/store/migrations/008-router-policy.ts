import type { Migration } from './migration'

/**
 * What the model router needs beyond provider configuration: per-provider policy (zero-retention
 * agreement date, body annotation, model allow-list, approval of a provider without a no-training
 * posture), global settings (offline mode, blocked endpoint families), and one row per model request
 * for usage and cost. A request row holds counts, ids and hashes: never a prompt, an answer or a key.
 */
export const migration008RouterPolicy: Migration = {
  version: 8,
  name: 'router-policy',
  up: (db) => {
    db.exec(`
      -- A key's length and first three characters (a format prefix like sk- or AIz, not the secret part)
      -- let the scrubber look only at runs that could be a stored key.
      ALTER TABLE provider_keys ADD COLUMN key_length INTEGER;
      ALTER TABLE provider_keys ADD COLUMN key_prefix TEXT;
      ALTER TABLE providers ADD COLUMN agreement_verified_on TEXT;
      ALTER TABLE providers ADD COLUMN policy_reviewed_on TEXT;
      ALTER TABLE providers ADD COLUMN retention_annotation INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE provider_allowed_models (
        provider_id TEXT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        PRIMARY KEY (provider_id, model)
      );
      CREATE TABLE provider_approvals (
        provider_id TEXT PRIMARY KEY REFERENCES providers (id) ON DELETE CASCADE,
        approved_by TEXT NOT NULL,
        approved_at TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE llm_requests (
        id INTEGER PRIMARY KEY,
        request_id TEXT NOT NULL UNIQUE,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        provider_id TEXT NOT NULL,
        provider_kind TEXT NOT NULL,
        model TEXT NOT NULL,
        status TEXT NOT NULL,
        status_code INTEGER,
        error_class TEXT,
        retention_mode TEXT NOT NULL,
        key_fingerprint TEXT,
        key_source TEXT,
        input_tokens INTEGER,
        output_tokens INTEGER,
        cost_usd REAL,
        redactions INTEGER NOT NULL DEFAULT 0,
        redactions_by_rule TEXT NOT NULL DEFAULT '{}',
        payload_sha256 TEXT NOT NULL,
        attempt INTEGER NOT NULL DEFAULT 1,
        fallback_from TEXT
      );
      CREATE INDEX llm_requests_by_time ON llm_requests (started_at);
    `)
  },
}
