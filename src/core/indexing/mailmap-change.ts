import { createHash } from 'node:crypto'
import type { GitBackend } from '../git/git-backend'
import type { Db } from '../store/open-database'

/**
 * People are stored as `.mailmap` mapped them when their commits were read. When the `.mailmap` at
 * HEAD changes, stored identities may be stale, so the repository's history is read again (rare, and
 * the only way both backends stay identical). Returns true when history was reset.
 */
export async function resetHistoryIfMailmapChanged(input: {
  db: Db
  backend: GitBackend
  repoId: number
  repoPath: string
  head: string
}): Promise<boolean> {
  const { db, backend, repoId, repoPath, head } = input
  const blob = await backend.readBlob(repoPath, head, '.mailmap')
  const hash = blob === null ? 'none' : createHash('sha256').update(blob).digest('hex')
  const row = db.prepare('SELECT mailmap_hash AS stored, indexed_head AS indexedHead FROM repositories WHERE id = ?').get(repoId) as {
    stored: string | null
    indexedHead: string | null
  }
  if (row.stored === hash) return false
  const reset = row.stored !== null && row.indexedHead !== null
  db.transaction(() => {
    if (reset) {
      db.prepare('DELETE FROM commits WHERE repo_id = ?').run(repoId)
      db.prepare('DELETE FROM dir_owner_stats WHERE repo_id = ?').run(repoId)
      db.prepare('UPDATE repositories SET indexed_head = NULL, stats_commit_id = 0 WHERE id = ?').run(repoId)
    }
    db.prepare('UPDATE repositories SET mailmap_hash = ? WHERE id = ?').run(hash, repoId)
  })()
  return reset
}
