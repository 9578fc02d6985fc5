import { isPlaceholder, isReference, looksFake, looksFakeToken } from './judge-value'
import { patternRule, type SecretRule } from './secret-rule'

/** Secrets recognisable by their structure rather than a vendor prefix: JWTs, PEM private keys, passwords in URLs, Authorization headers. */

/** A JWT's header is base64url JSON naming its algorithm; checking it rules out look-alike dotted strings. */
function hasJwtHeader(secret: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(secret.slice(0, secret.indexOf('.')), 'base64url').toString('utf8'))
    return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string'
  } catch {
    return false // not JSON: not a JWT
  }
}

/** The base64 between the markers, without PEM headers (`Proc-Type: …`), line breaks or escaped `\n`s. */
function pemBody(block: string): string {
  return block
    .replace(/-----(?:BEGIN|END)[^-]*-----/g, '')
    .replace(/^[ \t]*[A-Za-z-]+:.*$/gm, '')
    .replace(/\\[rn]|\s/g, '')
}

export const formatRules: readonly SecretRule[] = [
  patternRule({
    id: 'jwt',
    anchors: ['eyJ'],
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/,
    validate: (secret) => hasJwtHeader(secret) && !looksFakeToken(secret.slice(secret.lastIndexOf('.') + 1)),
  }),
  patternRule({
    id: 'private-key',
    anchors: ['-----BEGIN'],
    // Through the matching END line; a key cut short (no END) still loses the base64 lines that follow it.
    // Escaped line breaks (`\n`) count too, for keys pasted into JSON or .env values.
    pattern:
      /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----(?:[\s\S]*?-----END \1PRIVATE KEY\2-----|(?:(?:\r?\n|\\r?\\n)[ \t]*(?:[A-Za-z0-9+/=]{16,}|[A-Za-z-]+: [^\r\n\\]*))+)/,
    validate: (secret) => {
      const body = pemBody(secret)
      return body.length >= 32 && /^[A-Za-z0-9+/=]+$/.test(body) && !looksFakeToken(body)
    },
  }),
  patternRule({
    id: 'url-password',
    anchors: ['://'],
    // scheme://user:password@host: only the password goes, so the reader still sees the kind of database and where it is.
    // `[`, `]`, `/` and `@` cannot appear unescaped in a URL's password; excluding them keeps `host:8080/x@y` and placeholders out.
    pattern: /:\/\/[^\s:@/?#'"`<>[\]]*:([^\s@/?#'"`<>[\]]+)@([A-Za-z0-9_[][^\s/?#:'"`<>]*)/,
    group: 1,
    // Hosts under example.com/.org/.net are documentation (RFC 2606), as in `https://abc:xyz@example.com`.
    validate: (secret, match) =>
      !isPlaceholder(secret) && !isReference(secret) && !looksFake(secret) && !/(?:^|\.)example\.(?:com|org|net)$/i.test(match[2] ?? ''),
  }),
  patternRule({
    id: 'authorization-header',
    anchors: ['uthorization', 'UTHORIZATION'],
    pattern: /\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:bearer|basic|token|digest)\s+([A-Za-z0-9._~+/=-]{8,})/i,
    group: 1,
    validate: (secret) => !isPlaceholder(secret) && !looksFake(secret),
  }),
]
