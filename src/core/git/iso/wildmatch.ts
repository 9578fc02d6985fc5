/**
 * git's wildmatch() as a regular expression, for .gitattributes patterns: `*` and `?` stop at '/'
 * in pathname mode, `**` between slashes (or at either end) crosses folders, `[...]` classes (with
 * `!`/`^` negation, ranges and [:class:] names) and backslash escapes.
 */
export function wildmatchRegExp(pattern: string, options: { pathname: boolean; ignoreCase: boolean }): RegExp {
  const any = options.pathname ? '[^/]' : '[\\s\\S]'
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string
    if (ch === '\\' && i + 1 < pattern.length) {
      out += escape(pattern[++i] as string)
    } else if (ch === '?') {
      out += any
    } else if (ch === '*') {
      let stars = 1
      while (pattern[i + 1] === '*') {
        stars++
        i++
      }
      const atSegmentStart = i - stars < 0 || pattern[i - stars] === '/'
      const atSegmentEnd = i + 1 >= pattern.length || pattern[i + 1] === '/'
      if (options.pathname && stars >= 2 && atSegmentStart && atSegmentEnd) {
        // "**/" matches zero or more whole folders; a trailing "/**" everything inside.
        if (pattern[i + 1] === '/') {
          out += '(?:[\\s\\S]*/)?'
          i++
        } else {
          out += '[\\s\\S]*'
        }
      } else {
        out += `${any}*`
      }
    } else if (ch === '[') {
      const parsed = characterClass(pattern, i, options.pathname)
      if (parsed) {
        out += parsed.source
        i = parsed.end
      } else {
        out += '\\['
      }
    } else {
      out += escape(ch)
    }
  }
  return new RegExp(`^${out}$`, options.ignoreCase ? 'i' : '')
}

const NAMED_CLASSES: Record<string, string> = {
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '\\x21-\\x7e',
  lower: 'a-z',
  print: '\\x20-\\x7e',
  punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  xdigit: '0-9a-fA-F',
}

/** A `[...]` class starting at `start`; null when it never closes (then '[' is literal). */
function characterClass(pattern: string, start: number, pathname: boolean): { source: string; end: number } | null {
  let i = start + 1
  let negate = false
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true
    i++
  }
  let body = ''
  let first = true
  for (; i < pattern.length; i++) {
    const ch = pattern[i] as string
    if (ch === ']' && !first) {
      // In pathname mode a class never matches '/', negated or not.
      const slash = pathname ? '/' : ''
      return { source: negate ? `[^${body}${slash ? '\\/' : ''}]` : slash ? `(?!/)[${body}]` : `[${body}]`, end: i }
    }
    first = false
    if (ch === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2)
      const name = close < 0 ? '' : pattern.slice(i + 2, close)
      const range = NAMED_CLASSES[name]
      if (range !== undefined) {
        body += range
        i = close + 1
        continue
      }
    }
    if (ch === '\\' && i + 1 < pattern.length) {
      body += escapeInClass(pattern[++i] as string)
    } else if (ch === '-' && body !== '' && pattern[i + 1] !== ']' && i + 1 < pattern.length) {
      body += '-'
    } else {
      body += escapeInClass(ch)
    }
  }
  return null
}

function escape(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch
}

function escapeInClass(ch: string): string {
  return /[\]\\^-]/.test(ch) ? `\\${ch}` : ch
}
