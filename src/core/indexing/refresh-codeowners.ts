import { CODEOWNERS_CANDIDATES, pickCodeownersFile } from '../codeowners/codeowners-locations'
import type { GitBackend } from '../git/git-backend'
import type { Db } from '../store/open-database'

export interface CodeownersInput {
  readonly db: Db
  readonly backend: GitBackend
  readonly repoId: number
  readonly repoPath: string
  readonly head: string
  /** Paths that changed at HEAD in this run; null after a full tree listing. */
  readonly changedPaths: readonly string[] | null
}

/** Stores the CODEOWNERS file in force at HEAD, read again only when one of its candidates changed. */
export async function refreshCodeowners(input: CodeownersInput): Promise<void> {
  const { db, backend, repoId, repoPath, head, changedPaths } = input
  const candidates: readonly string[] = CODEOWNERS_CANDIDATES
  if (changedPaths !== null && !changedPaths.some((path) => candidates.includes(path))) return
  const placeholders = candidates.map(() => '?').join(', ')
  const existing = db
    .prepare(`SELECT path FROM files WHERE repo_id = ? AND in_head = 1 AND path IN (${placeholders})`)
    .pluck()
    .all(repoId, ...candidates) as string[]
  const chosen = pickCodeownersFile(new Set(existing))
  const text = chosen === null ? null : ((await backend.readBlob(repoPath, head, chosen))?.toString('utf8') ?? null)
  db.prepare('UPDATE repositories SET codeowners_path = ?, codeowners = ? WHERE id = ?').run(text === null ? null : chosen, text, repoId)
}
