import { lstat, readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { isAbsolute, join } from 'node:path'
import { Mailmap, mailmapBlobLines, mailmapFileLines } from './mailmap'
import type { ObjectStore } from './object-store'
import { resolveRevision } from './refs'
import { readConfigValue } from './config'
import { entryAt } from './tree-walk'

/**
 * The mailmap `git log` applies (read_mailmap): the work tree's `.mailmap` file (not followed if it is
 * a symlink), then the `mailmap.blob` config (by default `HEAD:.mailmap` in bare repositories, which
 * have no work tree), then the `mailmap.file` config. Only the repository's own config is consulted.
 */
export async function loadMailmap(store: ObjectStore): Promise<Mailmap> {
  const mailmap = new Mailmap()
  const location = store.location
  if (location.layout === 'worktree') {
    const lines = await readWorktreeFile(join(location.top, '.mailmap'), false)
    for (const line of lines) mailmap.addLine(line)
  }
  const blob = (await readConfigValue(location.commonDir, 'mailmap', 'blob')) ?? (location.layout === 'bare' ? 'HEAD:.mailmap' : null)
  if (blob) {
    for (const line of await readBlobSpec(store, blob)) mailmap.addLine(line)
  }
  const file = await readConfigValue(location.commonDir, 'mailmap', 'file')
  if (file) {
    const path = file.startsWith('~/') ? join(homedir(), file.slice(2)) : isAbsolute(file) ? file : join(location.top, file)
    for (const line of await readWorktreeFile(path, true)) mailmap.addLine(line)
  }
  return mailmap
}

async function readWorktreeFile(path: string, followSymlinks: boolean): Promise<string[]> {
  try {
    if (!followSymlinks && (await lstat(path)).isSymbolicLink()) return []
    return mailmapFileLines(await readFile(path))
  } catch {
    return []
  }
}

/** `<revision>:<path>` (or a blob id) as git's get_oid would read it; nothing when it does not resolve. */
async function readBlobSpec(store: ObjectStore, spec: string): Promise<string[]> {
  try {
    const colon = spec.indexOf(':')
    let oid: string | null
    if (colon < 0) {
      oid = await resolveRevision(store.location, spec)
    } else {
      const revision = await resolveRevision(store.location, spec.slice(0, colon) || 'HEAD')
      const commit = revision ? await store.peelToCommit(revision) : null
      const entry = commit ? await entryAt(store, (await store.commit(commit)).tree, spec.slice(colon + 1)) : null
      oid = entry?.oid ?? null
    }
    if (!oid) return []
    return mailmapBlobLines(await store.blob(oid, false))
  } catch {
    return []
  }
}
