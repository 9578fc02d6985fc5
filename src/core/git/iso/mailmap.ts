import { isGitSpace } from './commit-object'

/**
 * git's .mailmap (mailmap.c), line for line: the four forms
 *   Proper Name <commit@email>
 *   <proper@email> <commit@email>
 *   Proper Name <proper@email> <commit@email>
 *   Proper Name <proper@email> Commit Name <commit@email>
 * with emails and names matched case-insensitively (ASCII only, like strcasecmp), and an entry that
 * names the commit name winning over the email-only entry for the same email.
 */

interface Replacement {
  name: string | null
  email: string | null
}

interface EmailEntry extends Replacement {
  /** Keyed by the lower-cased commit name. */
  readonly byName: Map<string, Replacement>
}

export interface Person {
  readonly name: string
  readonly email: string
}

export class Mailmap {
  readonly #byEmail = new Map<string, EmailEntry>()

  get size(): number {
    return this.#byEmail.size
  }

  /** Adds the lines of one source; later sources and lines override earlier ones, as in git. */
  addText(text: string): this {
    for (const line of text.split('\n')) this.addLine(line)
    return this
  }

  addLine(line: string): void {
    if (line.startsWith('#')) return
    const first = parseNameAndEmail(line, false)
    if (first.email === null) return
    const second = first.rest === null ? { name: null, email: null } : parseNameAndEmail(first.rest, true)
    this.#add(first.name, first.email, second.name, second.email)
  }

  /** map_user: the proper name and email for a commit's name and email. */
  map(person: Person): Person {
    const entry = this.#byEmail.get(asciiLower(person.email))
    if (!entry) return person
    const replacement = (entry.byName.size > 0 ? entry.byName.get(asciiLower(person.name)) : undefined) ?? entry
    if (replacement.name === null && replacement.email === null) return person
    return { name: replacement.name ?? person.name, email: replacement.email ?? person.email }
  }

  #add(newName: string | null, newEmail: string | null, oldName: string | null, oldEmail: string | null): void {
    // One email alone is the commit email (add_mapping's swap).
    if (oldEmail === null) {
      oldEmail = newEmail
      newEmail = null
    }
    if (oldEmail === null) return
    const key = asciiLower(oldEmail)
    let entry = this.#byEmail.get(key)
    if (!entry) {
      entry = { name: null, email: null, byName: new Map() }
      this.#byEmail.set(key, entry)
    }
    if (oldName === null) {
      if (newName !== null) entry.name = newName
      if (newEmail !== null) entry.email = newEmail
    } else {
      entry.byName.set(asciiLower(oldName), { name: newName, email: newEmail })
    }
  }
}

interface Parsed {
  readonly name: string | null
  readonly email: string | null
  /** What follows the closing '>', or null when nothing does. */
  readonly rest: string | null
}

/** parse_name_and_email: name trimmed of spaces, email taken verbatim between '<' and '>'. */
function parseNameAndEmail(buffer: string, allowEmptyEmail: boolean): Parsed {
  const left = buffer.indexOf('<')
  if (left < 0) return { name: null, email: null, rest: null }
  const right = buffer.indexOf('>', left + 1)
  if (right < 0) return { name: null, email: null, rest: null }
  if (!allowEmptyEmail && left + 1 === right) return { name: null, email: null, rest: null }
  let start = 0
  while (start < left && isGitSpace(buffer[start])) start++
  let end = left - 1
  while (end > start && isGitSpace(buffer[end])) end--
  const name = start <= end ? buffer.slice(start, end + 1) : null
  const rest = buffer.slice(right + 1)
  return { name, email: buffer.slice(left + 1, right), rest: rest === '' ? null : rest }
}

/** strcasecmp folds ASCII letters only. */
export function asciiLower(value: string): string {
  return value.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())
}

/**
 * The lines of a work-tree .mailmap as git reads it with fgets into a 1024-byte buffer: a longer
 * line arrives in several pieces, and each piece ends at its first NUL byte.
 */
export function mailmapFileLines(bytes: Buffer): string[] {
  const lines: string[] = []
  let start = 0
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start)
    const lineEnd = newline < 0 ? bytes.length : newline + 1
    for (let piece = start; piece < lineEnd; piece += 1023) lines.push(cString(bytes.subarray(piece, Math.min(piece + 1023, lineEnd))))
    start = lineEnd
  }
  return lines
}

/** A mailmap blob is read as one C string split at newlines (read_mailmap_string). */
export function mailmapBlobLines(bytes: Buffer): string[] {
  return cString(bytes).split('\n')
}

function cString(bytes: Buffer): string {
  const nul = bytes.indexOf(0)
  return (nul >= 0 ? bytes.subarray(0, nul) : bytes).toString('utf8')
}
