/** Raw tree objects: `<octal mode> <name>\0<20-byte oid>` entries, in git's tree order. */

export interface RawTreeEntry {
  /** Name bytes as stored (paths are bytes to git; decoded as UTF-8 only for output). */
  readonly name: Buffer
  /** Canonical mode (canon_mode): 100644/100755, 120000, 040000 or 160000. */
  readonly mode: number
  readonly oid: string
}

const S_IFMT = 0o170000
const S_IFDIR = 0o040000
const S_IFREG = 0o100000
const S_IFLNK = 0o120000
export const S_IFGITLINK = 0o160000

export function parseTree(content: Buffer): RawTreeEntry[] {
  const entries: RawTreeEntry[] = []
  let at = 0
  while (at < content.length) {
    const space = content.indexOf(0x20, at)
    const nul = content.indexOf(0, space + 1)
    if (space < 0 || nul < 0 || nul + 21 > content.length) throw new Error('corrupt tree object')
    const mode = canonMode(parseInt(content.toString('latin1', at, space), 8))
    entries.push({ name: content.subarray(space + 1, nul), mode, oid: content.toString('hex', nul + 1, nul + 21) })
    at = nul + 21
  }
  return entries
}

/** canon_mode: what git uses (and prints) whatever odd permission bits a tree entry carries. */
function canonMode(mode: number): number {
  const type = mode & S_IFMT
  if (type === S_IFREG) return S_IFREG | (mode & 0o100 ? 0o755 : 0o644)
  if (type === S_IFLNK) return S_IFLNK
  if (type === S_IFDIR) return S_IFDIR
  return S_IFGITLINK
}

export function isTree(mode: number): boolean {
  return (mode & S_IFMT) === S_IFDIR
}

export function isGitlink(mode: number): boolean {
  return (mode & S_IFMT) === S_IFGITLINK
}

/** The mode as git prints it: six octal digits (040000 for trees). */
export function modeString(mode: number): string {
  return mode.toString(8).padStart(6, '0')
}

/**
 * base_name_compare: names compared as bytes, a tree sorting as if its name ended in '/'. This is
 * the order of entries inside a tree and of git's tree diffs (so "a" file < "a.txt" < "a/" tree).
 */
export function compareEntries(a: RawTreeEntry, b: RawTreeEntry): number {
  const length = Math.min(a.name.length, b.name.length)
  const common = a.name.subarray(0, length).compare(b.name.subarray(0, length))
  if (common !== 0) return common
  const c1 = a.name.length > length ? (a.name[length] as number) : isTree(a.mode) ? 0x2f : 0
  const c2 = b.name.length > length ? (b.name[length] as number) : isTree(b.mode) ? 0x2f : 0
  return c1 - c2
}
