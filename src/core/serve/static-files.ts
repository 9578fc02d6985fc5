import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

/**
 * The built renderer as files, for both hosts that serve it: Electron's coop:// protocol and
 * browser mode's HTTP server. One place decides what may be read.
 */

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps a URL path (still percent-encoded) to a path under `root`, or null when it is malformed,
 * holds a NUL byte, or climbs out (`..`, `%2e%2e%2f`, backslashes). `/` is index.html.
 */
export function resolveStaticPath(root: string, urlPathname: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(urlPathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  const base = resolve(root)
  const target = resolve(base, `.${pathname.replaceAll('\\', '/')}`)
  return isInside(base, target) ? target : null
}

/** The file a URL path names inside `root`, checked again by real path so symlinks cannot lead out. */
export async function findStaticFile(root: string, urlPathname: string): Promise<string | null> {
  const candidate = resolveStaticPath(root, urlPathname)
  if (candidate === null) return null
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(candidate)])
    if (!isInside(realRoot, real)) return null
    return (await stat(real)).isFile() ? real : null
  } catch {
    return null // missing: a plain 404
  }
}

export interface StaticFile {
  readonly body: Buffer
  readonly contentType: string
}

export async function readStaticFile(root: string, urlPathname: string): Promise<StaticFile | null> {
  const file = await findStaticFile(root, urlPathname)
  return file === null ? null : { body: await readFile(file), contentType: contentTypeOf(file) }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}
