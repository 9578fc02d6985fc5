import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * git config values for the few keys the reader needs (mailmap.*, diff.renameLimit,
 * diff.<driver>.binary, core.attributesFile, core.ignorecase), read from the same files the git
 * binary would consult for the same user: the global files, then the repository's config, the last
 * assignment winning. Includes, the system file and per-worktree config are not followed.
 * `section` may name a subsection the way the file does: `diff "driver"`.
 */
export async function readConfigValue(commonDir: string, section: string, key: string): Promise<string | null> {
  const xdg = process.env.XDG_CONFIG_HOME || join(homedir(), '.config')
  let value: string | null = null
  for (const file of [join(xdg, 'git', 'config'), join(homedir(), '.gitconfig'), join(commonDir, 'config')]) {
    value = valueIn(await readText(file), section, key) ?? value
  }
  return value
}

/** Only the repository's own file (for settings that describe the repository itself, like core.bare). */
export async function readRepoConfigValue(commonDir: string, section: string, key: string): Promise<string | null> {
  return valueIn(await readText(join(commonDir, 'config')), section, key)
}

/** git's boolean spellings. */
export function isTrue(value: string | null): boolean {
  return /^(true|yes|on|1)$/i.test(value ?? '')
}

function valueIn(text: string, section: string, key: string): string | null {
  const wanted = normalizeSection(section)
  let current = ''
  let value: string | null = null
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/(^|\s)[#;].*$/, '').trim()
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]$/.exec(line)
    if (header) {
      current = normalizeSection(header[2] === undefined ? (header[1] ?? '') : `${header[1] ?? ''} "${header[2]}"`)
      continue
    }
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line)
    if (entry && current === wanted && entry[1]?.toLowerCase() === key.toLowerCase()) {
      // A key with no `=` is boolean true; the last assignment wins, as in git.
      value = entry[2] === undefined ? 'true' : entry[2].replace(/^"(.*)"$/, '$1')
    }
  }
  return value
}

/** Section names are case-insensitive, subsection names are not. */
function normalizeSection(section: string): string {
  const space = section.indexOf(' ')
  return space < 0 ? section.toLowerCase() : `${section.slice(0, space).toLowerCase()}${section.slice(space)}`
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return ''
  }
}
