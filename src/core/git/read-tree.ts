import type { TreeChange, TreeEntry } from './git-backend'
import { runGit } from './run-git'

/** `git ls-tree -r -l -z`: every blob and submodule with its size, in git's order. */
export async function listTree(repoPath: string, commit: string): Promise<TreeEntry[]> {
  const out = await runGit(repoPath, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit])
  const entries: TreeEntry[] = []
  for (const record of out.split('\0')) {
    if (record === '') continue
    // "<mode> SP <type> SP <oid> SP+ <size>\t<path>"
    const tab = record.indexOf('\t')
    const [mode = '', type = '', oid = '', size = '-'] = record.slice(0, tab).split(/ +/)
    if (type !== 'blob' && type !== 'commit') continue
    entries.push({ path: record.slice(tab + 1), mode, type, oid, size: size === '-' ? null : Number(size) })
  }
  return entries
}

/** `git diff-tree -r -z --no-renames`: paths that differ between two commits, with new sizes. */
export async function diffTrees(repoPath: string, from: string, to: string): Promise<TreeChange[]> {
  const out = await runGit(repoPath, ['diff-tree', '-r', '-z', '--no-renames', '--no-commit-id', from, to])
  const tokens = out.split('\0')
  const raw: { status: string; mode: string; oid: string; path: string }[] = []
  for (let i = 0; i + 1 < tokens.length; i += 2) {
    // ":<old mode> <new mode> <old oid> <new oid> <status>" then the path
    const [, newMode = '', , newOid = '', status = ''] = (tokens[i] ?? '').slice(1).split(' ')
    raw.push({ status, mode: newMode, oid: newOid, path: tokens[i + 1] ?? '' })
  }
  const sizes = await blobSizes(repoPath, raw.filter((r) => r.status !== 'D' && r.mode !== '160000').map((r) => r.oid))
  return raw.map((r): TreeChange => {
    if (r.status === 'D') return { status: 'deleted', path: r.path }
    const entry: TreeEntry = {
      path: r.path,
      mode: r.mode,
      type: r.mode === '160000' ? 'commit' : 'blob',
      oid: r.oid,
      size: r.mode === '160000' ? null : (sizes.get(r.oid) ?? null),
    }
    return { status: r.status === 'A' ? 'added' : 'modified', entry }
  })
}

async function blobSizes(repoPath: string, oids: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>()
  if (oids.length === 0) return sizes
  const out = await runGit(repoPath, ['cat-file', '--batch-check=%(objectname) %(objectsize)'], { stdin: `${oids.join('\n')}\n` })
  for (const line of out.split('\n')) {
    const [oid, size] = line.split(' ')
    if (oid && size && /^\d+$/.test(size)) sizes.set(oid, Number(size))
  }
  return sizes
}

/** A file's content at `commit`; null when it does not exist there (or is not a file). */
export async function readBlob(repoPath: string, commit: string, path: string): Promise<Buffer | null> {
  // batch-check always answers ("<oid> blob <size>" or "<name> missing"), so no empty-output wait.
  const check = (await runGit(repoPath, ['cat-file', '--batch-check'], { stdin: `${commit}:${path}\n` })).trim()
  const match = /^([0-9a-f]{40,64}) blob \d+$/.exec(check)
  if (!match) return null
  // simple-git returns text; CODEOWNERS and .mailmap are text files, so that is what callers need.
  return Buffer.from(await runGit(repoPath, ['cat-file', 'blob', match[1] as string]), 'utf8')
}

export async function isShallow(repoPath: string): Promise<boolean> {
  return (await runGit(repoPath, ['rev-parse', '--is-shallow-repository'])).trim() === 'true'
}
