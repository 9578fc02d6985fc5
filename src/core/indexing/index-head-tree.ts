import { classifyPath, languageOf } from '../files/classify-file'
import { parentFolder } from '../files/folders'
import type { GitBackend, TreeEntry } from '../git/git-backend'
import type { Db } from '../store/open-database'
import { adjustHeadFolders, replaceHeadFolders } from './head-folders'

/** Rows per transaction when the whole tree is listed. */
const TREE_CHUNK = 5000

export interface HeadTreeInput {
  readonly db: Db
  readonly backend: GitBackend
  readonly repoId: number
  readonly repoPath: string
  readonly head: string
  /** The commit whose tree is stored now (null: none yet). */
  readonly treeHead: string | null
}

/**
 * Brings the files at HEAD (size, mode, language, kind) up to date: a full listing the first time,
 * then only the paths that differ between the stored tree and the new HEAD, so an update after one
 * commit costs a few rows whatever the size of the repository. Independent of the history, so it
 * runs while git reads history; `changedPaths` (null: all) is what markBinaryFiles looks at after.
 */
export async function indexHeadTree(input: HeadTreeInput): Promise<{ changedPaths: readonly string[] | null }> {
  const { db, backend, repoId, repoPath, head, treeHead } = input
  if (treeHead === head) return { changedPaths: [] }
  const changes = treeHead !== null && (await backend.isAncestor(repoPath, treeHead, head)) ? await backend.diffTrees(repoPath, treeHead, head) : null
  const entries = changes === null ? await backend.listTree(repoPath, head) : null

  const upsert = db.prepare(
    `INSERT INTO files (repo_id, path, dir, in_head, size, mode, language, kind, blob_oid) VALUES (@repoId, @path, @dir, 1, @size, @mode, @language, @kind, @oid)
     ON CONFLICT (repo_id, path) DO UPDATE SET in_head = 1, size = excluded.size, mode = excluded.mode,
       language = excluded.language, kind = excluded.kind, blob_oid = excluded.blob_oid`,
  )
  const remove = db.prepare('UPDATE files SET in_head = 0, blob_oid = NULL WHERE repo_id = ? AND path = ?')
  // The kind by path; markBinaryFiles adds what history says once it is read.
  const write = (entry: TreeEntry): void => {
    const kind = classifyPath(entry.path, entry.mode)
    const oid = entry.type === 'blob' ? entry.oid : null
    upsert.run({ repoId, path: entry.path, dir: parentFolder(entry.path), size: entry.size, mode: entry.mode, language: languageOf(entry.path), kind, oid })
  }

  if (entries !== null) {
    // A full listing (first run, or after a rewrite) can be 100k rows: written in chunks, yielding
    // between them so the host stays responsive. tree_head is cleared first, so a crash half way
    // makes the next run list the tree again rather than trust a half-written one.
    db.transaction(() => {
      db.prepare('UPDATE repositories SET tree_head = NULL WHERE id = ?').run(repoId)
      db.prepare('UPDATE files SET in_head = 0, blob_oid = NULL WHERE repo_id = ? AND in_head = 1').run(repoId)
    })()
    for (let start = 0; start < entries.length; start += TREE_CHUNK) {
      db.transaction(() => {
        for (const entry of entries.slice(start, start + TREE_CHUNK)) write(entry)
      })()
      await new Promise((resolve) => setImmediate(resolve))
    }
    db.transaction(() => {
      replaceHeadFolders(db, repoId, entries.map((entry) => entry.path))
      db.prepare('UPDATE repositories SET tree_head = ? WHERE id = ?').run(head, repoId)
    })()
  } else {
    const inHead = db.prepare('SELECT in_head FROM files WHERE repo_id = ? AND path = ?').pluck()
    const wasInHead = (path: string): boolean => inHead.get(repoId, path) === 1
    db.transaction(() => {
      const entered: string[] = []
      const left: string[] = []
      for (const change of changes ?? []) {
        if (change.status === 'deleted') {
          if (wasInHead(change.path)) left.push(change.path)
          remove.run(repoId, change.path)
        } else {
          if (!wasInHead(change.entry.path)) entered.push(change.entry.path)
          write(change.entry)
        }
      }
      adjustHeadFolders(db, repoId, entered, left)
      db.prepare('UPDATE repositories SET tree_head = ? WHERE id = ?').run(head, repoId)
    })()
  }
  return { changedPaths: changes === null ? null : changes.map((c) => (c.status === 'deleted' ? c.path : c.entry.path)) }
}

/**
 * git says a file is binary by reporting no line counts, so a file whose path looks like source is
 * binary when its latest change had none. Run after history is stored, on the paths the tree step
 * changed (null: every file at HEAD).
 */
export function markBinaryFiles(db: Db, repoId: number, paths: readonly string[] | null): void {
  const latestChangeBinary = `(SELECT fc.added IS NULL FROM file_changes fc WHERE fc.file_id = files.id ORDER BY fc.commit_id DESC LIMIT 1)`
  if (paths === null) {
    db.prepare(`UPDATE files SET kind = 'binary' WHERE repo_id = ? AND in_head = 1 AND kind = 'source' AND ${latestChangeBinary}`).run(repoId)
    return
  }
  const mark = db.prepare(`UPDATE files SET kind = 'binary' WHERE repo_id = ? AND path = ? AND in_head = 1 AND kind = 'source' AND ${latestChangeBinary}`)
  db.transaction(() => {
    for (const path of paths) mark.run(repoId, path)
  })()
}
