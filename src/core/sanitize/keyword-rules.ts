import { isPlaceholder, isProse, isReference, isWordy, looksFake, looksGenerated } from './judge-value'
import type { Found, SecretRule } from './secret-rule'

/**
 * Secrets found by their name: `db_password = "hunter2"`, `API_KEY=…`, `clientSecret: '…'`. The name must end in
 * the keyword (`authToken`, yes; `apiKeyHeader`, `max_tokens`, `passwordField`, no) and the value must be a literal,
 * not an expression, a reference or a placeholder.
 */

interface Span {
  readonly start: number
  readonly end: number
}

/** Kinds of keyword. People choose passwords and secrets, so any literal counts; the rest are generated, so they must look it. */
interface Family {
  readonly rule: string
  readonly chosen: boolean
}

const PASSWORD: Family = { rule: 'password', chosen: true }
const SECRET: Family = { rule: 'secret', chosen: true }
const TOKEN: Family = { rule: 'token', chosen: false }
const API_KEY: Family = { rule: 'api-key', chosen: false }
const ACCESS_KEY: Family = { rule: 'access-key', chosen: false }
const PRIVATE_KEY: Family = { rule: 'private-key', chosen: false }
const AUTH: Family = { rule: 'auth', chosen: false }

const FAMILIES: Readonly<Record<string, Family>> = {
  password: PASSWORD, passwd: PASSWORD, passphrase: PASSWORD, pass: PASSWORD, pwd: PASSWORD,
  secret: SECRET, secretkey: SECRET,
  token: TOKEN,
  apikey: API_KEY,
  accesskey: ACCESS_KEY,
  privatekey: PRIVATE_KEY,
  auth: AUTH,
}

/** Short keywords are words only on their own (`db_pass`, `basicAuth`), never inside one (`bypass`, `oauth`). */
const NEEDS_WORD_START = new Set(['pass', 'pwd', 'auth'])

/** A keyword that ends a name: the next character does not continue it (`passwordField`, `token.length`, `api-key-header`). */
const KEYWORD =
  /(?:pass(?:word|wd|phrase)?|pwd|secret[_-]?key|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|auth)(?![A-Za-z0-9_$]|[-.][A-Za-z0-9_$])/gi

/** `=`, `:`, `:=`, `=>`, with an optional type annotation first (`password: str = "…"`). Not `==`, `::`, `?:`. */
const ASSIGN = /([ \t]*)(?::[ \t]*[A-Za-z_][\w.]*(?:\[\])?[ \t]*(?==(?!=)))?(:=|=>|=(?![=~])|:(?![:=]))([ \t]*)/y

const QUOTED: Readonly<Record<string, RegExp>> = {
  '"': /"((?:[^"\\\r\n]|\\.)*)"/y,
  "'": /'((?:[^'\\\r\n]|\\.)*)'/y,
  '`': /`((?:[^`\\\r\n]|\\.)*)`/y,
}

/** Before a name at the start of a .env / shell / Dockerfile / compose line (or after `//host/:` in .npmrc). */
const ENV_LINE_PREFIX = /^[ \t]*(?:-[ \t]+)?(?:export[ \t]+|ENV[ \t]+|ARG[ \t]+|set[ \t]+|declare[ \t]+-x[ \t]+)?(?:\/\/\S*:)?$/
/** Before a YAML key: indentation and an optional list dash. */
const YAML_LINE_PREFIX = /^[ \t]*(?:-[ \t]+)?$/
/** An unquoted .env or shell value runs to whitespace or shell syntax. */
const ENV_VALUE = /[^\s'"`;&|<>,(){}[\]]+/y
/** URL-safe characters only; a query value next to anything else (`?token=[A-Z]{20}`) is a pattern or code, not a URL. */
const QUERY_VALUE = /[A-Za-z0-9._~%+/=-]+(?=$|[\s&#'"`<>),;])/y
/** Member access, optional chaining, indexing or a call: `process.env['KEY']`, `options?.token`. */
const CODE_START = /^[A-Za-z_$][\w$]*(?:\?\.|\.[A-Za-z_$]|\[)/
/** Bits of code inside a value: string concatenation, calls, template syntax. */
const CODE_IN_VALUE = /['"`]\s*\+|\+\s*['"`]|^\s|\s$|^['"`]|['"`]$/

export const keywordRule: SecretRule = {
  id: 'keyword',
  anchors: [],
  specificity: 'keyword',
  *find(text) {
    for (const match of text.matchAll(KEYWORD)) {
      const found = assignedValue(text, match.index, match.index + match[0].length, match[0])
      if (found) yield found
    }
  },
}

function familyOf(keyword: string): Family | undefined {
  return FAMILIES[keyword.toLowerCase().replace(/[_-]/g, '')]
}

function startsWord(text: string, at: number, keyword: string): boolean {
  const before = text[at - 1] ?? ''
  if (!/[A-Za-z0-9]/.test(before)) return true
  if (/[a-z0-9]/.test(before) && /[A-Z]/.test(keyword[0] ?? '')) return true // camelCase: authToken
  // dbpassword, accesstoken: fine for long keywords, but pass/pwd/auth inside a word are other words.
  return !NEEDS_WORD_START.has(keyword.toLowerCase()) && /[a-z]/.test(keyword[0] ?? '') && /[a-z]/.test(before)
}

/** The span of the literal assigned to the name that ends at `keywordEnd`, when it is one and looks like a secret. */
function assignedValue(text: string, keywordStart: number, keywordEnd: number, keyword: string): Found | undefined {
  const family = familyOf(keyword)
  if (!family || !startsWord(text, keywordStart, keyword)) return undefined

  let nameStart = keywordStart
  while (nameStart > 0 && /[\w$.-]/.test(text[nameStart - 1] ?? '')) nameStart--
  const openQuote = /["'`]/.test(text[nameStart - 1] ?? '') ? (text[nameStart - 1] as string) : undefined
  let at = keywordEnd
  const quotedName = openQuote !== undefined && text[at] === openQuote
  if (quotedName) at++
  if (quotedName && text[at] === ']') at++ // config["password"] = …

  ASSIGN.lastIndex = at
  const assign = ASSIGN.exec(text)
  if (!assign) return undefined
  const operator = assign[2] ?? ''
  // A key sits right against its colon (`password:`); `Pass :meth:` is reStructuredText. Quoted JSON keys may have a space.
  if (operator === ':' && (assign[1] ?? '').length > 0 && !quotedName) return undefined
  // `name: value` is a key in an object, a mapping or a header only where a key can stand; after a word it is prose
  // ("one pass: `git …`"). A header inside one string (`'X-Api-Key: …'`) stands after its quote.
  const keyAt = quotedName ? nameStart - 1 : nameStart
  const headerInString = openQuote !== undefined && !quotedName
  if (operator === ':' && !headerInString && !/(?:^|[\n{,([;-])[ \t]*$/.test(text.slice(Math.max(0, keyAt - 80), keyAt))) return undefined
  const spaced = (assign[1] ?? '').length > 0 || (assign[3] ?? '').length > 0
  const valueAt = ASSIGN.lastIndex

  const lineStart = text.lastIndexOf('\n', nameStart - 1) + 1
  const prefix = text.slice(lineStart, keyAt)
  const span =
    openQuote && headerInString
      ? quotedHeaderValue(text, valueAt, openQuote, operator)
      : text[valueAt] !== undefined && text[valueAt] in QUOTED
        ? quotedValue(text, valueAt)
        : unquotedValue(text, valueAt, { operator, spaced, prefix, before: text[nameStart - 1] ?? '', name: text.slice(nameStart, keywordEnd) })
  if (!span) return undefined
  const value = text.slice(span.start, span.end)
  return isSecretValue(value, keyword, family) ? { ...span, rule: family.rule } : undefined
}

function quotedValue(text: string, at: number): Span | undefined {
  const quote = text[at] as string
  const pattern = QUOTED[quote] as RegExp
  pattern.lastIndex = at
  const match = pattern.exec(text)
  if (!match) return undefined
  const inner = match[1] ?? ''
  if (quote === '`' && inner.includes('${')) return undefined // a template: built from other values
  // `'AKIA' + suffix`, `'x'.repeat(36)`, `'%s:%s' % (…)`: the literal is one operand of an expression, not the value itself.
  if (/^[ \t]*(?:\+|%|\.[A-Za-z_$]|\[)/.test(text.slice(pattern.lastIndex, pattern.lastIndex + 8))) return undefined
  return { start: at + 1, end: at + 1 + inner.length }
}

/**
 * `'X-Api-Key: abc123…'`: a header written inside one string, `Name: value` with one word of value running to the
 * closing quote. Not `"pwd: expected bytes, got %s"` (a message) or `"passwd:dir"` (a name).
 */
function quotedHeaderValue(text: string, at: number, quote: string, operator: string): Span | undefined {
  if (operator !== ':' || !/[ \t]/.test(text[at - 1] ?? '')) return undefined
  const end = text.indexOf(quote, at)
  if (end <= at || /\s/.test(text.slice(at, end))) return undefined
  return { start: at, end }
}

interface UnquotedContext {
  readonly operator: string
  readonly spaced: boolean
  /** The line before the name. */
  readonly prefix: string
  /** The character just before the name. */
  readonly before: string
  readonly name: string
}

/**
 * Unquoted literals exist in .env files, shell, query strings, CLI flags and YAML; in code an unquoted value is an
 * expression. So each form is recognised by where it stands, and anything else is left alone.
 */
function unquotedValue(text: string, at: number, context: UnquotedContext): Span | undefined {
  const { operator, spaced, prefix, before, name } = context
  if (operator === '=' && !spaced && (before === '?' || before === '&')) return run(text, at, QUERY_VALUE)
  if (operator === '=' && !spaced && (ENV_LINE_PREFIX.test(prefix) || standsAlone(prefix, name))) {
    const span = run(text, at, ENV_VALUE)
    if (!span) return undefined
    // `password=pw,` or `password=pw)`: a keyword argument in code, not a .env line.
    if (/[,()[\]{}]/.test(text[span.end] ?? '')) return undefined
    // Indented `password=db_password` reads as code (a Python call over several lines); .env lines are not indented.
    if (/^[ \t]+/.test(prefix) && isIdentifierReference(text.slice(span.start, span.end))) return undefined
    return span
  }
  if (operator === ':' && spaced && YAML_LINE_PREFIX.test(prefix)) return yamlValue(text, at)
  return undefined
}

/**
 * `--password=…` on a command line, `DB_PASSWORD=…` in a sentence or a command (`docker run -e API_KEY=… app`), or
 * `password=…` after another `key=value` in a log line: after a space, these are no code's keyword argument.
 */
function standsAlone(prefix: string, name: string): boolean {
  if (prefix !== '' && !/\s$/.test(prefix)) return false
  return name.startsWith('--') || /^[A-Z][A-Z0-9_]*$/.test(name) || /(?:^|\s)[\w.-]+=[^\s=,()]+\s+$/.test(prefix)
}

function run(text: string, at: number, pattern: RegExp): Span | undefined {
  pattern.lastIndex = at
  const match = pattern.exec(text)
  return match ? { start: at, end: at + match[0].length } : undefined
}

/** The rest of a YAML line (before a ` #` comment), unless it is YAML syntax, a flow collection or a reference in code. */
function yamlValue(text: string, at: number): Span | undefined {
  const lineEnd = text.indexOf('\n', at)
  let line = text.slice(at, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '')
  // ` #` ends a YAML value; ` //` ends one in the JavaScript that looks like YAML (`apiKey: process.env.KEY, // …`).
  const comment = line.search(/\s(?:#|\/\/)/)
  if (comment !== -1) line = line.slice(0, comment)
  line = line.trimEnd()
  if (line.length === 0 || /^[[{&*!|>%@`]/.test(line) || /[,;:({[)]$/.test(line) || /\w\(/.test(line)) return undefined
  if (isIdentifierReference(line) || CODE_START.test(line)) return undefined
  return { start: at, end: at + line.length }
}

/** An identifier made of words, as code names a variable or constant: `hashedToken`, `db_password`, `DB_PASSWORD`, `config.token`. */
function isIdentifierReference(value: string): boolean {
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return true
  return /^[A-Za-z_$][\w$]*$/.test(value) && /[a-z][A-Z]|_/.test(value) && isWordy(value)
}

/** `overEvery`, `confirmPassword`: an identifier written as a string (a lookup table, a field name), not something chosen as a secret. */
const CAMEL_IDENTIFIER = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/
/** `urn:…`, `https://…`, `1.2.840.113549`: names and addresses, not tokens (a password in a URL has its own rule). */
const NAME_OR_ADDRESS = /^(?:urn:|[a-z][a-z0-9+.-]*:\/\/)|^\d+(?:\.\d+)+$/i

/** Keywords in a value (`dbpassword`, `mysecret`, `mock-token`) mark an example, whatever the name. */
const NAME_WORDS = /password|passwd|passphrase|secret|token|apikey/

function isSecretValue(value: string, keyword: string, family: Family): boolean {
  if (isPlaceholder(value) || isReference(value) || looksFake(value) || isProse(value) || CODE_IN_VALUE.test(value)) return false
  // `passphrase: 'passphrase1'`, `password=dbpassword`, `token: 'mock-token'`: a value that repeats its name is an example.
  const bare = value.toLowerCase().replace(/[_-]/g, '')
  if (bare.includes(keyword.toLowerCase().replace(/[_-]/g, '')) || NAME_WORDS.test(bare)) return false
  if (CAMEL_IDENTIFIER.test(value)) return false
  return family.chosen || (looksGenerated(value) && !isWordy(value) && !NAME_OR_ADDRESS.test(value))
}
