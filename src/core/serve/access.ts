import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const COOKIE_NAME = 'coop_session'

/** A fresh secret for one launch of browser mode: 256 bits, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

export function tokensEqual(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Requests must name this server by its loopback address: a page on another site that re-points a
 * hostname at 127.0.0.1 (DNS rebinding) sends its own name in Host and is refused.
 */
export function isAllowedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** Browsers send Origin on cross-origin requests and on POSTs: only our own origin may call. */
export function isAllowedOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return req.headers['sec-fetch-site'] !== 'cross-site'
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null
}

export function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === COOKIE_NAME) return rest.join('=')
  }
  return null
}

export function sessionCookie(token: string): string {
  return `${COOKIE_NAME}=${token}; HttpOnly; SameSite=Strict; Path=/`
}
