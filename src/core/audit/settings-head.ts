import type { AuditCheckpoint } from '../../shared/audit-types'
import type { Db } from '../store/open-database'
import type { HeadStore } from './audit-service'

/**
 * The newest audit checkpoint, kept in coop.db as well: cutting records off audit.db together with
 * their checkpoints still shows, because this copy vouches for a longer chain. Only a newer seq replaces it.
 */
export function settingsHead(db: Db): HeadStore {
  const read = db.prepare(`SELECT value FROM settings WHERE key = 'audit_head'`).pluck()
  const write = db.prepare(
    `INSERT INTO settings (key, value) VALUES ('audit_head', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE json_extract(excluded.value, '$.seq') > json_extract(settings.value, '$.seq')`,
  )
  return {
    get: () => {
      const value = read.get() as string | undefined
      return value ? (JSON.parse(value) as AuditCheckpoint) : null
    },
    put: (checkpoint) => void write.run(JSON.stringify(checkpoint)),
  }
}
