import { compilePattern } from './codeowners-pattern'

/**
 * A CODEOWNERS file, GitHub or GitLab flavour. GitHub's files are GitLab files without sections, so one reading
 * serves both: rules before the first section header belong to no section (`section: null`).
 */
export interface CodeownersFile {
  /** Where the text came from, e.g. ".github/CODEOWNERS"; carried along for messages. */
  readonly source: string
  /** In file order; order matters because the last matching rule wins (per section). */
  readonly rules: readonly CodeownersRule[]
  /** GitLab sections in order of first appearance; headers that differ only in case are one section. */
  readonly sections: readonly CodeownersSection[]
  /** Lines that could not be read. They are left out of `rules`, as GitHub skips a line with invalid syntax. */
  readonly problems: readonly CodeownersProblem[]
}

export interface CodeownersRule {
  /** 1-based line number in the file. */
  readonly line: number
  /** As written, escapes included (`my\ file.txt`), so it can be found in the file. */
  readonly pattern: string
  /** `@user`, `@org/team` or an email. Empty means explicitly un-owned: matching paths have no owners. */
  readonly owners: readonly string[]
  /** The owners are the section's default owners, because the rule names none itself. */
  readonly ownersFromSection: boolean
  /** Name of the section (as first spelled in the file), or null before any section header. */
  readonly section: string | null
}

export interface CodeownersSection {
  /** As first spelled; later headers with the same name in another case add to this section. */
  readonly name: string
  /** Line of the first header. */
  readonly line: number
  /** `^[Section]`: approval from its owners is not required. */
  readonly optional: boolean
  /** `[Section][2]`: approvals required from its owners; 1 when not given. */
  readonly approvals: number
  /** `[Section] @a @b`, from the first header: owners of the section's rules that name none. */
  readonly defaultOwners: readonly string[]
}

export interface CodeownersProblem {
  readonly line: number
  readonly message: string
}

interface ParseState {
  readonly rules: CodeownersRule[]
  readonly sections: CodeownersSection[]
  readonly problems: CodeownersProblem[]
  /** Section the following rules belong to, with the default owners of the header they follow. */
  current: { readonly name: string; readonly defaultOwners: readonly string[] } | null
}

interface SectionHeader {
  readonly name: string
  readonly optional: boolean
  readonly approvals: string | undefined
  readonly rest: string
}

// GitLab: `[Name]`, `^[Name]` (optional), `[Name][2]` (approvals), each possibly followed by default owners. The
// brackets must be followed by whitespace or the end, so a pattern such as `[Tt]ests/` is not taken for a header.
const SECTION_HEADER = /^(\^)?\[([^\]]*)\](?:\[([^\]]*)\])?(?:\s+(.*))?$/
// GitHub users and teams (@org/team), GitLab groups and subgroups (@group/sub/team) and roles (@@developer).
const HANDLE = /^@@?[A-Za-z0-9_][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/
const EMAIL = /^[^\s@]+@[^\s@]+$/

export function parseCodeowners(text: string, source: string): CodeownersFile {
  const state: ParseState = { rules: [], sections: [], problems: [], current: null }
  // A byte-order mark would otherwise become part of the first pattern.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  lines.forEach((text, index) => parseLine(state, text, index + 1))
  return { source, rules: state.rules, sections: state.sections, problems: state.problems }
}

function parseLine(state: ParseState, text: string, line: number): void {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.startsWith('#')) return
  const header = trimmed.startsWith('[') || trimmed.startsWith('^[') ? parseSectionHeader(trimmed) : null
  if (header) openSection(state, header, line)
  else addRule(state, tokenize(text), line)
}

function parseSectionHeader(trimmed: string): SectionHeader | null {
  const match = SECTION_HEADER.exec(trimmed)
  if (!match) return null
  return { name: (match[2] ?? '').trim(), optional: match[1] === '^', approvals: match[3], rest: match[4] ?? '' }
}

function openSection(state: ParseState, header: SectionHeader, line: number): void {
  if (header.name === '') {
    state.problems.push({ line, message: 'Section header has no name; the rules below stay in the previous section' })
    return
  }
  const defaultOwners = validOwners(state, tokenize(header.rest), line)
  const existing = state.sections.find((section) => section.name.toLowerCase() === header.name.toLowerCase())
  if (!existing) {
    const approvals = approvalsOf(state, header.approvals, line)
    state.sections.push({ name: header.name, line, optional: header.optional, approvals, defaultOwners })
  }
  // Default owners apply to the rules under the header that declares them, also when a section is repeated.
  state.current = { name: existing?.name ?? header.name, defaultOwners }
}

function approvalsOf(state: ParseState, written: string | undefined, line: number): number {
  if (written === undefined) return 1
  const approvals = /^\s*\d+\s*$/.test(written) ? Number(written) : NaN
  if (approvals >= 1) return approvals
  state.problems.push({ line, message: `Approvals "[${written}]" is not a positive whole number; using 1` })
  return 1
}

/** Header owners that are not owners are reported and dropped; the section still opens, so its rules stay in it. */
function validOwners(state: ParseState, tokens: readonly string[], line: number): readonly string[] {
  const invalid = tokens.filter((token) => !isOwner(token))
  if (invalid.length > 0) state.problems.push({ line, message: notOwnersMessage(invalid) })
  return tokens.filter(isOwner)
}

function addRule(state: ParseState, tokens: readonly string[], line: number): void {
  const [pattern, ...owners] = tokens
  if (pattern === undefined) return
  const problem = ruleProblem(pattern, owners)
  if (problem) {
    state.problems.push({ line, message: problem })
    return
  }
  const inherited = owners.length === 0 && (state.current?.defaultOwners.length ?? 0) > 0
  state.rules.push({
    line,
    pattern,
    owners: inherited ? (state.current?.defaultOwners ?? []) : owners,
    ownersFromSection: inherited,
    section: state.current?.name ?? null,
  })
}

function ruleProblem(pattern: string, owners: readonly string[]): string | null {
  // GitHub documents `!` negation as unsupported; reading it as a literal name would silently own nothing.
  if (pattern.startsWith('!')) return `Negated pattern "${pattern}" is not supported in CODEOWNERS`
  const compiled = compilePattern(pattern)
  if (!compiled.ok) return compiled.message
  const invalid = owners.filter((owner) => !isOwner(owner))
  return invalid.length > 0 ? notOwnersMessage(invalid) : null
}

function notOwnersMessage(invalid: readonly string[]): string {
  const list = invalid.map((token) => `"${token}"`).join(', ')
  return `${list} ${invalid.length === 1 ? 'is not an owner' : 'are not owners'} (expected @user, @org/team or an email)`
}

function isOwner(token: string): boolean {
  return token.startsWith('@') ? HANDLE.test(token) : EMAIL.test(token)
}

/**
 * Splits on whitespace that is not escaped (`my\ file.txt` stays one token, escapes kept) and stops at a token
 * starting with `#`: GitHub allows a comment after the owners. A pattern starting with `\#` is not a comment.
 */
function tokenize(text: string): string[] {
  const tokens: string[] = []
  let token = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === '\\' && i + 1 < text.length) {
      token += ch + text[i + 1]
      i++
    } else if (ch === ' ' || ch === '\t') {
      if (token !== '') tokens.push(token)
      token = ''
    } else if (ch === '#' && token === '') {
      return tokens
    } else {
      token += ch
    }
  }
  if (token !== '') tokens.push(token)
  return tokens
}
