/**
 * Judgements about a candidate value: is it a stand-in (a placeholder, a test fixture, a reference to
 * something else) rather than a secret? Shared by the rules so that "fake" means the same everywhere.
 */

const PLACEHOLDER_WORDS = new Set([
  'changeme', 'changeit', 'change_me', 'change-me', 'redacted', 'example', 'dummy', 'test', 'fake', 'placeholder',
  'sample', 'null', 'nil', 'none', 'undefined', 'true', 'false', 'yes', 'no', 'on', 'off', 'todo', 'tbd', 'fixme',
  'n/a', 'na', 'empty', 'secret', 'password', 'passwd', 'pass', 'pwd', 'passphrase', 'token', 'key', 'apikey',
  'api_key', 'api-key', 'auth', 'string', 'str', 'number', 'int', 'bool', 'boolean', 'any', 'object', 'bytes',
  'required', 'optional', 'hidden', 'masked', 'bearer', 'basic', 'oauth', 'oauth2', 'jwt', 'session', 'cookie',
  'foo', 'bar', 'baz', 'qux', 'xyz',
])

/** Words that, anywhere in a value, say it was written to look like a secret without being one. */
const FIXTURE_WORDS = /example|dummy|fake|test|mock|placeholder|sample|changeme|redacted|xxxx|your[_-]|[_-]here\b|^insert[_-]|^replace[_-]/i

/** Fixture words a random provider token could still contain by chance are left out: missing a key costs more. */
const FORMAT_FIXTURE_WORDS = /example|dummy|fake|placeholder|xxxx/i

/** The documented example credentials, used across AWS docs and copied into countless tests. */
const AWS_EXAMPLES = new Set(['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'])

/** `***`, `...`, `•••`, `?` (a query parameter), `<password>`, `{token}`, `[key]`: masks and template slots. */
const MASK_OR_SLOT = /^(?:[*•.…#_?-]+|<[^<>]*>|\{[^{}]*\}|\[[^[\]]*\])$/

/**
 * A value naming where the secret comes from, or a format string to be filled in: `$VAR`, `${VAR}`, `$(cmd)`,
 * `{{ secrets.X }}`, `%(name)s`, `%s:%s`, `{0}`, `%VAR%`, `#{x}`.
 */
const REFERENCE = /^\$[A-Za-z_{(]|\$\{|\{\{|\{%|%\([\w.]+\)[sd]|%[sdrv](?![A-Za-z0-9])|\{\d*\}|^%[A-Za-z_]\w*%$|#\{|^!(?:Ref|Sub|GetAtt)\b/

export function isPlaceholder(value: string): boolean {
  const bare = value.trim().toLowerCase()
  // No letter or digit at all (`***`, `:****`, `--`): a mask, not a secret.
  return !/[\p{L}\p{N}]/u.test(bare) || PLACEHOLDER_WORDS.has(bare) || MASK_OR_SLOT.test(bare) || /^x{3,}$/.test(bare)
}

export function isReference(value: string): boolean {
  return REFERENCE.test(value)
}

/** The same character over and over (ignoring separators), or few distinct characters in a long value: `aaaa`, `0000-0000`, `abababab`. */
export function isRepetitive(value: string): boolean {
  const chars = value.replace(/[-_.\s]/g, '')
  const distinct = new Set(chars).size
  return distinct <= 1 || (chars.length >= 8 && distinct <= 2)
}

/** `12345678`, `abcdefgh`: each character one past the one before. */
export function isSequential(value: string): boolean {
  if (value.length < 3) return false
  for (let i = 1; i < value.length; i++) if (value.charCodeAt(i) !== value.charCodeAt(i - 1) + 1) return false
  return true
}

/** A value someone wrote to look like a secret in a test or a doc: keyword rules skip these. */
export function looksFake(value: string): boolean {
  return AWS_EXAMPLES.has(value) || isRepetitive(value) || isSequential(value) || FIXTURE_WORDS.test(value)
}

/**
 * The stricter check for values that already have a provider's exact token shape: only unmistakable fixtures
 * (`ghp_xxxx…`, `AKIA…EXAMPLE`, one character repeated) are let through.
 */
export function looksFakeToken(body: string): boolean {
  return AWS_EXAMPLES.has(body) || isRepetitive(body) || isSequential(body) || FORMAT_FIXTURE_WORDS.test(body)
}

/**
 * Words, not randomness: `refresh_token`, `accessKey`, `?InterpolationInTemplate`, `user:password`. Generated values
 * have digits or case changes that do not start words, so their pieces come out short.
 */
export function isWordy(value: string): boolean {
  if (/[0-9]/.test(value)) return false
  const words = value.split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])/).filter((word) => word.length > 0)
  if (words.length === 0) return true
  const letters = words.reduce((sum, word) => sum + word.length, 0)
  return words.every((word) => /^[A-Z]?[a-z]+$|^[A-Z]+$/.test(word)) && letters / words.length >= 3
}

/** Lower, upper, digit, other: how many of these kinds of character a value mixes. */
export function characterClasses(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value)) + Number(/[^A-Za-z0-9]/.test(value))
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>()
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1)
  let bits = 0
  for (const count of counts.values()) {
    const p = count / value.length
    bits -= p * Math.log2(p)
  }
  return bits
}

/** Generated, not chosen: long enough, mixed and varied. What a token, an API key or an access key looks like. */
export function looksGenerated(value: string): boolean {
  return value.length >= 8 && characterClasses(value) >= 2 && entropy(value) >= 2.5
}

/** Words and spaces: a label or a sentence (`"Enter your password"`), not a credential. */
export function isProse(value: string): boolean {
  return /\s/.test(value.trim()) && /^[\p{L}'’,.!?:;()-]+(?:\s+[\p{L}'’,.!?:;()-]+)+$/u.test(value.trim())
}
