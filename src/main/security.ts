import type { Session } from 'electron'

/** Hosts the app may hand to the system browser: code hosts and model-provider docs. */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'docs.anthropic.com',
  'console.anthropic.com',
  'platform.openai.com',
])

/**
 * Whether a URL may go to `shell.openExternal`: https only, an allow-listed host, no credentials and no
 * explicit port. Anything else (file:, javascript:, custom schemes) could run code outside the sandbox.
 */
export function isAllowedExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:') return false
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false
  return EXTERNAL_HOSTS.has(parsed.hostname)
}

export { contentSecurityPolicy, type CspMode } from '../shared/content-security-policy'

type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  readonly webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>
}

/**
 * Session-wide defences: the app needs no browser permission (camera, notifications, geolocation…),
 * so every request and check is denied, and every response carries the CSP.
 */
export function hardenSession(session: HardenableSession, csp: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withHeader(details.responseHeaders ?? {}, 'Content-Security-Policy', csp) })
  })
}

/** Replaces a header whatever its case, so the policy in force is exactly ours whatever the server sent. */
function withHeader(
  headers: Record<string, string | string[]>,
  name: string,
  value: string,
): Record<string, string | string[]> {
  const kept = Object.entries(headers).filter(([key]) => key.toLowerCase() !== name.toLowerCase())
  return { ...Object.fromEntries(kept), [name]: [value] }
}
