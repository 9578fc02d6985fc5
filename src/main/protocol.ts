import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { contentTypeOf, findStaticFile, resolveStaticPath } from '../core/serve/static-files'
import { APP_HOST, APP_SCHEME } from './app-origin'

/**
 * Makes coop: a standard, secure scheme (relative URLs, storage, module scripts work as on https).
 * Electron requires this before `app` is ready. CORS stays off, so no other origin can read it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the built renderer folder at `coop://app/`. */
export function serveRenderer(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, (request) => respondWithRendererFile(request, rendererDir, csp))
}

/** Answers one coop: request from the renderer folder: the file, or 404 for anything outside it. */
export async function respondWithRendererFile(request: Request, rendererDir: string, csp: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed')
  const file = await findRendererFile(request.url, rendererDir)
  if (file === null) return textResponse(404, 'Not found')
  const body = request.method === 'HEAD' ? null : await readFile(file)
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': contentTypeOf(file),
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  })
}

/** The file a coop: URL names inside `rendererDir`, or null (other hosts, traversal, symlinks out). */
export async function findRendererFile(url: string, rendererDir: string): Promise<string | null> {
  const pathname = appPathname(url)
  return pathname === null ? null : findStaticFile(rendererDir, pathname)
}

/** Pure part of `findRendererFile`: maps the URL to a path and checks it stays under the folder. */
export function resolveRendererPath(url: string, rendererDir: string): string | null {
  const pathname = appPathname(url)
  return pathname === null ? null : resolveStaticPath(rendererDir, pathname)
}

function appPathname(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST ? parsed.pathname : null
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
