/**
 * Builds credential-shaped strings at test time, so this repository never holds a literal token for a secret
 * scanner to flag. A seeded generator keeps them varied (not `aaaa…`, which the rules treat as a fixture) and stable.
 */

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
export const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
export const BASE64URL = `${ALNUM}-_`
export const BASE64 = `${ALNUM}+/`
export const HEX = '0123456789abcdef'

let seed = 0x2f6b1d
function next(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** `length` characters drawn from `alphabet`; re-drawn in the unlikely case they spell a fixture word. */
export function randomChars(length: number, alphabet = ALNUM): string {
  for (;;) {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)]
    if (!/test|fake|dummy|example|mock|sample|placeholder|xxxx/i.test(out) && /[0-9]/.test(out) === /[0-9]/.test(alphabet)) return out
  }
}

export function base64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}

/** A JWT with a real header and payload and a random signature. */
export function jwt(): string {
  return [base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })), base64url(JSON.stringify({ sub: 'u-1842', exp: 1893456000 })), randomChars(43, BASE64URL)].join('.')
}

/** A PEM block of the given kind, e.g. 'RSA PRIVATE KEY', with random base64 lines. */
export function pem(kind: string, lines = 6, headers: readonly string[] = []): string {
  const body = Array.from({ length: lines }, () => randomChars(64, BASE64))
  return ['-----BEGIN ' + kind + '-----', ...headers, ...(headers.length > 0 ? [''] : []), ...body, '-----END ' + kind + '-----'].join('\n')
}
