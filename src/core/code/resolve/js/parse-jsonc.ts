/**
 * JSON with comments and trailing commas, as tsconfig.json and jsconfig.json are written (TypeScript
 * reads them leniently, so a resolver that used JSON.parse would ignore half of the real configs).
 */

export type JsoncResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string }

export function parseJsonc(text: string): JsoncResult {
  try {
    return { ok: true, value: JSON.parse(stripTrailingCommas(stripComments(text.replace(/^\uFEFF/, '')))) }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/** Comments become spaces (strings are copied untouched, escapes included). */
function stripComments(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; ) {
    const c = text[i]
    if (c === '"') {
      const end = endOfString(text, i)
      out += text.slice(i, end)
      i = end
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2)
      i = close === -1 ? text.length : close + 2
      out += ' '
    } else {
      out += c
      i++
    }
  }
  return out
}

/** A comma followed (after whitespace) by '}' or ']' is dropped. */
function stripTrailingCommas(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; ) {
    const c = text[i]
    if (c === '"') {
      const end = endOfString(text, i)
      out += text.slice(i, end)
      i = end
      continue
    }
    if (c === ',') {
      let j = i + 1
      while (j < text.length && /\s/.test(text[j] as string)) j++
      if (text[j] === '}' || text[j] === ']') {
        i++
        continue
      }
    }
    out += c
    i++
  }
  return out
}

/** The index just past the string literal opening at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
  return Math.min(i + 1, text.length)
}

/** A JSON object's own value as a plain record, or null for anything else. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}
