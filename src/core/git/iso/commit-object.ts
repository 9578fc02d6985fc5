/**
 * Reading a raw commit object the way git's commit.c and pretty.c read it, so that every field we
 * report (%P, %aN, %at, %s) is byte-for-byte what `git log` prints.
 */

export interface CommitObject {
  readonly tree: string
  /** Parents as written in the object; grafts and shallow boundaries are applied by the store. */
  readonly parents: readonly string[]
  /** Committer timestamp as parse_commit_date reads it (orders the revision walk); 0 when unreadable. */
  readonly date: number
  /** The whole object, needed later for people and subject. */
  readonly raw: Buffer
}

export interface PersonField {
  readonly name: string
  readonly email: string
  /** The raw digits of the timestamp, as `%at` prints them. */
  readonly time: string
}

const HEX40 = /^[0-9a-fA-F]{40}$/

/** tree, parents and date, following parse_commit_buffer: parents only directly after the tree line. */
export function parseCommit(oid: string, raw: Buffer): CommitObject {
  const text = raw.toString('latin1')
  if (!text.startsWith('tree ') || text[45] !== '\n' || !HEX40.test(text.slice(5, 45))) {
    throw new Error(`bogus commit object ${oid}`)
  }
  const tree = text.slice(5, 45).toLowerCase()
  const parents: string[] = []
  let at = 46
  while (text.startsWith('parent ', at)) {
    const hex = text.slice(at + 7, at + 47)
    if (!HEX40.test(hex) || text[at + 47] !== '\n') throw new Error(`bad parents in commit ${oid}`)
    parents.push(hex.toLowerCase())
    at += 48
  }
  return { tree, parents, date: parseCommitDate(text, at), raw }
}

/** parse_commit_date: the line after the parents must be `author`, the next `committer`. */
function parseCommitDate(text: string, at: number): number {
  if (!text.startsWith('author', at)) return 0
  const authorEnd = text.indexOf('\n', at)
  if (authorEnd < 0) return 0
  const start = authorEnd + 1
  if (!text.startsWith('committer', start)) return 0
  const end = text.indexOf('\n', start)
  if (end < 0) return 0
  const gt = text.lastIndexOf('>', end)
  if (gt < start) return 0
  const digits = /^\s*(\d+)/.exec(text.slice(gt + 1, end))
  return digits ? Number(digits[1]) : 0
}

/**
 * The commit as `git log` formats it: re-encoded to UTF-8 when an `encoding` header names another
 * charset, and cut at the first NUL (pretty.c treats the buffer as a C string).
 */
export function commitText(raw: Buffer): string {
  const nul = raw.indexOf(0)
  const bytes = nul >= 0 ? raw.subarray(0, nul) : raw
  const encoding = headerValue(bytes.toString('latin1'), 'encoding')
  if (encoding !== null && !isUtf8(encoding)) {
    try {
      return new TextDecoder(encoding.trim(), { fatal: true }).decode(bytes)
    } catch {
      // Unknown charset or invalid bytes: git keeps the original bytes when iconv fails.
    }
  }
  return bytes.toString('utf8')
}

function isUtf8(name: string): boolean {
  return /^utf-?8$/i.test(name.trim())
}

function headerValue(text: string, key: string): string | null {
  const end = headerEnd(text)
  for (const line of text.slice(0, end).split('\n')) {
    if (line.startsWith(`${key} `)) return line.slice(key.length + 1)
  }
  return null
}

function headerEnd(text: string): number {
  if (text.startsWith('\n')) return 0
  const blank = text.indexOf('\n\n')
  return blank < 0 ? text.length : blank + 1
}

/** The author and committer lines (the last of each wins, as in parse_commit_header) and the message. */
export function splitCommitText(text: string): { author: string | null; committer: string | null; message: string } {
  let author: string | null = null
  let committer: string | null = null
  let i = 0
  while (i < text.length) {
    let eol = text.indexOf('\n', i)
    if (eol < 0) eol = text.length
    if (eol === i) break
    const line = text.slice(i, eol)
    if (line.startsWith('author ')) author = line.slice(7)
    else if (line.startsWith('committer ')) committer = line.slice(10)
    i = eol + 1
  }
  return { author, committer, message: text.slice(Math.min(i, text.length)) }
}

/** git's isspace: only these four (sane_ctype), never Unicode spaces. */
export function isGitSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r'
}

/**
 * split_ident_line: name up to the first '<' (trailing spaces dropped), email up to the next '>',
 * timestamp after the last '>'. Null when git cannot split it (then %aN prints literally).
 */
export function splitIdent(line: string): PersonField | null {
  const lt = line.indexOf('<')
  if (lt < 0) return null
  let nameEnd = lt - 1
  while (nameEnd >= 0 && isGitSpace(line[nameEnd])) nameEnd--
  const gt = line.indexOf('>', lt + 1)
  if (gt < 0) return null
  const last = line.lastIndexOf('>')
  let at = last + 1
  while (at < line.length && isGitSpace(line[at])) at++
  const digits = /^\d+/.exec(line.slice(at))
  let time = ''
  if (digits) {
    let tz = at + digits[0].length
    while (tz < line.length && isGitSpace(line[tz])) tz++
    // A date without a timezone counts as no date at all (person_only).
    if (/^[+-]\d/.test(line.slice(tz))) time = digits[0]
  }
  return { name: line.slice(0, nameEnd + 1), email: line.slice(lt + 1, gt), time }
}

/**
 * `%s`: skip blank lines, then the first paragraph's lines, each stripped of trailing whitespace,
 * joined by single spaces (format_subject). Leading whitespace of each line is kept.
 */
export function subjectOf(message: string): string {
  const lines = message.split('\n')
  let i = 0
  // A trailing '\n' produces an empty last element that is not a line of its own.
  const count = message.endsWith('\n') ? lines.length - 1 : lines.length
  while (i < count && trimEnd(lines[i] ?? '') === '') i++
  const parts: string[] = []
  for (; i < count; i++) {
    const line = trimEnd(lines[i] ?? '')
    if (line === '') break
    parts.push(line)
  }
  return parts.join(' ')
}

function trimEnd(line: string): string {
  let end = line.length
  while (end > 0 && isGitSpace(line[end - 1])) end--
  return line.slice(0, end)
}
