import type { AskFileRef } from '../../../../shared/router-types'

export type FileRefParse = { readonly ok: true; readonly ref: AskFileRef } | { readonly ok: false; readonly message: string }

/**
 * `path`, `path:N` or `path:A-B` (1-based, inclusive), read the way `coop ask --file` reads them: only a
 * trailing `:N` or `:N-M` is a range, so a path with colons in it still works.
 */
export function parseFileRef(text: string): FileRefParse {
  const argument = text.trim()
  if (argument === '') return { ok: false, message: 'Enter a file path, like src/app.ts or src/app.ts:10-40' }
  if (argument.includes('\0')) return { ok: false, message: 'The path contains a NUL byte' }
  const match = /^(.+?):(\d+)(?:-(\d+))?$/.exec(argument)
  if (!match) return { ok: true, ref: { path: argument } }
  const startLine = Number(match[2])
  const endLine = match[3] === undefined ? startLine : Number(match[3])
  if (startLine < 1 || endLine < startLine) return { ok: false, message: `The line range in ${argument} must be A-B with 1 ≤ A ≤ B` }
  return { ok: true, ref: { path: match[1] as string, startLine, endLine } }
}

/** The reference as the user would type it again. */
export function formatFileRef(ref: AskFileRef): string {
  if (ref.startLine === undefined) return ref.path
  const end = ref.endLine ?? ref.startLine
  return end === ref.startLine ? `${ref.path}:${ref.startLine}` : `${ref.path}:${ref.startLine}-${end}`
}
