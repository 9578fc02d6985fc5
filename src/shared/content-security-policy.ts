/** One policy for the renderer, whether Electron's coop:// protocol or browser mode serves it. */

export type CspMode = 'production' | 'development'

/**
 * The renderer's Content-Security-Policy. Development relaxes script-src only because Vite's React
 * refresh injects an inline preamble; the packaged app gets the strict policy.
 */
export function contentSecurityPolicy(mode: CspMode): string {
  const scriptSrc = mode === 'development' ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'"
  return [
    "default-src 'self'",
    scriptSrc,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ')
}
