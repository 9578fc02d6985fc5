import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { RepoLocation } from './repo-location'

/** Commit → the parents git uses instead of the written ones (shallow boundaries: none). */
export type Grafts = ReadonlyMap<string, readonly string[]>

const OID = /^[0-9a-f]{40}$/

/**
 * The commit HEAD resolves to (following symbolic refs, loose then packed), or null when HEAD is
 * unborn. HEAD and per-worktree refs live in gitDir; branches and tags in the common dir.
 */
export async function resolveHead(location: RepoLocation): Promise<string | null> {
  return resolveRefName(location, 'HEAD', 0)
}

/**
 * An object id for a revision given as a full id or a ref name, looked up the way git's dwim_ref
 * tries names (as given, refs/, refs/tags/, refs/heads/, refs/remotes/, refs/remotes/<name>/HEAD).
 */
export async function resolveRevision(location: RepoLocation, revision: string): Promise<string | null> {
  const lower = revision.toLowerCase()
  if (OID.test(lower)) return lower
  for (const candidate of [revision, `refs/${revision}`, `refs/tags/${revision}`, `refs/heads/${revision}`, `refs/remotes/${revision}`, `refs/remotes/${revision}/HEAD`]) {
    const oid = await resolveRefName(location, candidate, 0)
    if (oid) return oid
  }
  return null
}

async function resolveRefName(location: RepoLocation, name: string, depth: number): Promise<string | null> {
  if (depth > 10 || name.includes('..')) return null
  const content = await readLooseRef(location, name)
  if (content !== null) {
    const symbolic = /^ref:\s*(\S+)/.exec(content)
    if (symbolic?.[1]) return resolveRefName(location, symbolic[1], depth + 1)
    const oid = content.trim().slice(0, 40).toLowerCase()
    return OID.test(oid) ? oid : null
  }
  return (await packedRefs(location.commonDir)).get(name) ?? null
}

async function readLooseRef(location: RepoLocation, name: string): Promise<string | null> {
  // Per-worktree names (HEAD, refs/bisect, refs/worktree, ...) live in the worktree's own git dir.
  const shared = name.startsWith('refs/') && !/^refs\/(bisect|worktree|rewritten)\//.test(name)
  const base = shared ? location.commonDir : location.gitDir
  try {
    const path = join(base, name)
    if (!(await stat(path)).isFile()) return null
    return await readFile(path, 'utf8')
  } catch {
    return null
  }
}

/** packed-refs: `<oid> <name>` lines; `^<oid>` lines peel the tag above them and are skipped. */
async function packedRefs(commonDir: string): Promise<Map<string, string>> {
  const refs = new Map<string, string>()
  let text: string
  try {
    text = await readFile(join(commonDir, 'packed-refs'), 'utf8')
  } catch {
    return refs
  }
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{40}) (.+)$/.exec(line.trim())
    if (match?.[1] && match[2]) refs.set(match[2], match[1])
  }
  return refs
}

/**
 * info/grafts (deprecated, still honoured by git) and the shallow file; shallow entries win, as in
 * git where they are registered last without ignoring duplicates.
 */
export async function loadGrafts(commonDir: string): Promise<Grafts> {
  const grafts = new Map<string, readonly string[]>()
  for (const line of (await readText(join(commonDir, 'info', 'grafts'))).split('\n')) {
    if (line.startsWith('#')) continue
    const oids = line.trim().split(/\s+/).filter((word) => OID.test(word))
    const [commit, ...parents] = oids
    if (commit && !grafts.has(commit)) grafts.set(commit, parents)
  }
  for (const line of (await readText(join(commonDir, 'shallow'))).split('\n')) {
    const oid = line.trim()
    if (OID.test(oid)) grafts.set(oid, [])
  }
  return grafts
}

/** git's is_repository_shallow: the shallow file exists (git removes it when it would be empty). */
export async function hasShallowFile(commonDir: string): Promise<boolean> {
  try {
    return (await stat(join(commonDir, 'shallow'))).isFile()
  } catch {
    return false
  }
}

/** refs/replace/<oid> → the object git reads in its place (loose and packed refs). */
export async function loadReplaceRefs(commonDir: string): Promise<ReadonlyMap<string, string>> {
  const replace = new Map<string, string>()
  for (const [name, oid] of await packedRefs(commonDir)) {
    const original = name.slice('refs/replace/'.length)
    if (name.startsWith('refs/replace/') && OID.test(original)) replace.set(original, oid)
  }
  const folder = join(commonDir, 'refs', 'replace')
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return replace
  }
  for (const name of names) {
    if (!OID.test(name)) continue
    const target = (await readText(join(folder, name))).trim().slice(0, 40)
    if (OID.test(target)) replace.set(name, target)
  }
  return replace
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return ''
  }
}
