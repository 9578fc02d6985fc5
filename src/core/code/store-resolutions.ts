import { createHash } from 'node:crypto'
import type { GitBackend } from '../git/git-backend'
import type { Db } from '../store/open-database'
import type { CodeLanguage, ImportKind, ImportSpec, RepoSnapshot, Resolution } from './code-types'
import { createResolver } from './resolve/resolve-import'

/** Files resolution reads (tsconfig paths, workspaces, module paths, crates, Python source roots). */
const CONFIG_FILE = /(^|\/)(tsconfig[^/]*\.json|jsconfig[^/]*\.json|package\.json|pnpm-workspace\.yaml|go\.mod|go\.work|Cargo\.toml|pyproject\.toml|setup\.cfg)$/

interface ImportRow {
  readonly fileId: number
  readonly seq: number
  readonly path: string
  readonly language: CodeLanguage
  readonly specifier: string
  readonly kind: ImportKind
  readonly line: number
  readonly typeOnly: number
  readonly level: number | null
  readonly names: string | null
  readonly system: number
}

/**
 * Resolves the stored imports of a repository against its tree at HEAD and stores the edges. When
 * the tree's paths and configuration files are what the last resolution saw, only imports of files
 * parsed since are resolved; otherwise all of them (an added file can satisfy an old import).
 * Returns the number of edges written.
 */
export async function storeResolutions(db: Db, repoId: number, backend: GitBackend, repoPath: string, reparsed: ReadonlySet<number> | null = null): Promise<number> {
  const head = db.prepare("SELECT id, path, blob_oid AS oid, kind FROM files WHERE repo_id = ? AND in_head = 1 AND kind <> 'vendored'").all(repoId) as {
    id: number
    path: string
    oid: string | null
    kind: string
  }[]
  const configs = head.filter((f) => f.oid !== null && CONFIG_FILE.test(f.path))
  const key = createHash('sha256')
    .update(head.map((f) => f.path).join('\0'))
    .update(configs.map((f) => `${f.path}\0${f.oid ?? ''}`).join('\0'))
    .digest('hex')
  const previousKey = db.prepare('SELECT code_resolved_key FROM repositories WHERE id = ?').pluck().get(repoId) as string | null
  const onlyReparsed = previousKey === key && reparsed !== null

  const texts = new Map<string, string>()
  const pathsByOid = new Map<string, string[]>()
  for (const f of configs) pathsByOid.set(f.oid as string, [...(pathsByOid.get(f.oid as string) ?? []), f.path])
  if (!(onlyReparsed && reparsed.size === 0)) {
    await backend.readBlobs(repoPath, [...pathsByOid.keys()], ({ oid, content }) => {
      if (content === null) return
      for (const path of pathsByOid.get(oid) ?? []) texts.set(path, content.toString('utf8'))
    })
  }
  // Java packages and C# namespaces, as the declarations resolution reads from those files.
  for (const row of db
    .prepare("SELECT f.path, cf.language, cf.declares FROM code_files cf JOIN files f ON f.id = cf.file_id WHERE f.repo_id = ? AND cf.declares IS NOT NULL")
    .all(repoId) as { path: string; language: CodeLanguage; declares: string }[]) {
    const keyword = row.language === 'java' ? 'package' : 'namespace'
    texts.set(row.path, row.declares.split(' ').map((name) => `${keyword} ${name};`).join('\n'))
  }
  const snapshot: RepoSnapshot = { paths: new Set(head.map((f) => f.path)), readText: (path) => texts.get(path) ?? null }
  const resolve = createResolver(snapshot)

  const columns = `SELECT i.file_id AS fileId, i.seq, f.path, cf.language, i.specifier, i.kind, i.line, i.type_only AS typeOnly, i.level, i.names, i.system
    FROM code_imports i JOIN code_files cf ON cf.file_id = i.file_id JOIN files f ON f.id = i.file_id`
  const todo = (
    onlyReparsed
      ? db.prepare(`${columns} WHERE i.file_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...reparsed]))
      : db.prepare(`${columns} WHERE f.repo_id = ?`).all(repoId)
  ) as ImportRow[]
  const idOfPath = new Map(head.map((f) => [f.path, f.id]))

  const externalId = db.prepare(
    'INSERT INTO code_externals (repo_id, ecosystem, name) VALUES (?, ?, ?) ON CONFLICT (repo_id, ecosystem, name) DO UPDATE SET name = excluded.name RETURNING id',
  )
  const addEdge = db.prepare('INSERT INTO code_edges (file_id, seq, target_file_id, external_id, unresolved) VALUES (?, ?, ?, ?, ?)')
  const clearFile = db.prepare('DELETE FROM code_edges WHERE file_id = ?')
  let written = 0
  db.transaction(() => {
    if (onlyReparsed) for (const fileId of reparsed) clearFile.run(fileId)
    else db.prepare('DELETE FROM code_edges WHERE file_id IN (SELECT id FROM files WHERE repo_id = ?)').run(repoId)
    for (const row of todo) {
      for (const target of resolveRow(resolve, row)) {
        const targetId = target.kind === 'file' ? idOfPath.get(target.path) : undefined
        if (target.kind === 'file' && targetId !== undefined) addEdge.run(row.fileId, row.seq, targetId, null, null)
        else if (target.kind === 'external') addEdge.run(row.fileId, row.seq, null, (externalId.get(repoId, target.ecosystem, target.name) as { id: number }).id, null)
        else addEdge.run(row.fileId, row.seq, null, null, target.kind === 'unresolved' ? target.reason : `${target.path} is not a file at HEAD`)
        written++
      }
    }
    db.prepare('DELETE FROM code_externals WHERE repo_id = ? AND id NOT IN (SELECT external_id FROM code_edges WHERE external_id IS NOT NULL)').run(repoId)
    db.prepare('UPDATE repositories SET code_resolved_key = ? WHERE id = ?').run(key, repoId)
  })()
  return written
}

function resolveRow(resolve: ReturnType<typeof createResolver>, row: ImportRow): readonly Resolution[] {
  const spec: ImportSpec = {
    specifier: row.specifier,
    kind: row.kind,
    line: row.line,
    ...(row.typeOnly ? { typeOnly: true } : {}),
    ...(row.level !== null ? { level: row.level } : {}),
    ...(row.names !== null ? { names: JSON.parse(row.names) as string[] } : {}),
    ...(row.system ? { system: true } : {}),
  }
  try {
    return resolve(row.path, row.language, spec)
  } catch (error) {
    // A resolver bug must not lose the rest of the repository's edges.
    return [{ kind: 'unresolved', reason: `resolution failed: ${error instanceof Error ? error.message : String(error)}` }]
  }
}
