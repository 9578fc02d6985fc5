// CODEOWNERS patterns, compiled to regular expressions over repository-relative paths ('/'-separated, no leading
// slash). The syntax is gitignore's, as GitHub documents it for CODEOWNERS:
//   - `*` matches within one path segment, `?` one character, `[abc]` / `[a-z]` / `[!abc]` one character of a class;
//   - `**` as a whole segment matches any number of segments (`**/logs`, `docs/**`, `a/**/b`);
//   - a leading `/` anchors to the root, and so does a slash in the middle; a pattern without one matches at any depth;
//   - a trailing `/` matches a directory (and so everything under it), never a file of that name;
//   - a pattern that matches a directory also matches everything under it, except when it ends in a lone `*`:
//     GitHub documents `docs/*` as matching files directly in docs but not docs/build-app/troubleshooting.md;
//   - `\` escapes the next character (`\#` for a pattern starting with #, `\ ` for a space).
// GitHub does not honour `\#` or character classes, GitLab (Ruby's fnmatch) does; we accept both, so a file that
// relies on either is read the way GitLab reads it.

export interface CompiledPattern {
  /** Matches the path of a file the pattern owns. */
  readonly file: RegExp
  /**
   * Matches a directory whose whole content the pattern owns (the directory itself or one of its parents is matched,
   * and the pattern does not stop at direct children). Null for patterns that only ever own files, like `docs/*`.
   */
  readonly directory: RegExp | null
  /** Owns every path, so also the repository root (`*`, `**`). */
  readonly everything: boolean
  /**
   * The fixed leading segments every matching path starts with: ['src', 'api'] for `src/api/` and `/src/api/*.ts`,
   * [] when the pattern floats or starts with a wildcard. Lets a matcher skip rules for other folders.
   */
  readonly literalPrefix: readonly string[]
}

export type CompileResult = { readonly ok: true; readonly pattern: CompiledPattern } | { readonly ok: false; readonly message: string }

interface PatternShape {
  readonly segments: readonly string[]
  /** Trailing slash: only a directory matches, so the pattern owns what is under it. */
  readonly directoryOnly: boolean
}

const GLOBSTAR = '**'

export function compilePattern(pattern: string): CompileResult {
  const shape = shapeOf(pattern)
  if (typeof shape === 'string') return { ok: false, message: shape }
  const body = segmentsSource(shape.segments)
  const last = shape.segments[shape.segments.length - 1]
  // `docs/*` stops at direct children (GitHub's documented exception to gitignore); with a trailing slash it does not.
  const directChildrenOnly = !shape.directoryOnly && last === '*'
  try {
    const file = shape.directoryOnly ? `${body}/.+$` : directChildrenOnly ? `${body}$` : `${body}(?:/.+)?$`
    const directory = directChildrenOnly ? null : new RegExp(`${body}(?:/.+)?$`)
    const everything = !shape.directoryOnly && shape.segments.length === 1 && last === GLOBSTAR
    return { ok: true, pattern: { file: new RegExp(file), directory, everything, literalPrefix: literalPrefixOf(shape.segments) } }
  } catch {
    // Only a malformed character class gets here, e.g. the reversed range in `[z-a]`.
    return { ok: false, message: `Pattern "${pattern}" has an invalid character class` }
  }
}

/** Splits a pattern into segments and normalises the spellings that mean the same thing. */
function shapeOf(pattern: string): PatternShape | string {
  const rooted = pattern.startsWith('/')
  let body = rooted ? pattern.slice(1) : pattern
  let directoryOnly = body.endsWith('/')
  if (directoryOnly) body = body.slice(0, -1)
  if (body === '') return `Pattern "${pattern}" matches nothing`
  let segments = body.split('/')
  if (segments.includes('')) return `Pattern "${pattern}" has an empty path segment ("//")`
  // Without a slash before the end the pattern matches at any depth, which is what a leading `**/` says.
  if (!rooted && segments.length === 1) segments = [GLOBSTAR, ...segments]
  segments = segments.filter((segment, i) => !(segment === GLOBSTAR && segments[i - 1] === GLOBSTAR))
  // `x/**/*` owns the same files as `x/**`, and `x/**` the same as `x/`; folding them lets `x/**` own the directory x.
  if (!directoryOnly && segments.length > 1 && segments.at(-1) === '*' && segments.at(-2) === GLOBSTAR) segments = segments.slice(0, -1)
  if (!directoryOnly && segments.length > 1 && segments.at(-1) === GLOBSTAR) {
    segments = segments.slice(0, -1)
    directoryOnly = true
  }
  return { segments, directoryOnly }
}

function literalPrefixOf(segments: readonly string[]): readonly string[] {
  // Floating patterns start with the ** added by shapeOf; segments with escapes or wildcards are left to the regex.
  const end = segments.findIndex((segment) => !/^[^*?[\\]+$/.test(segment))
  return end === -1 ? segments : segments.slice(0, end)
}

/** The regex source matching exactly the paths the segments name (no descendants); no `$`, the caller adds the tail. */
function segmentsSource(segments: readonly string[]): string {
  if (segments.length === 1 && segments[0] === GLOBSTAR) return '^.+'
  // A leading ** is a search for the rest after any slash: several times faster than `^(?:.+/)?`, which backtracks.
  const floating = segments[0] === GLOBSTAR
  let source = floating ? '(?:^|/)' : '^'
  ;(floating ? segments.slice(1) : segments).forEach((segment, i, rest) => {
    const separator = i === 0 ? '' : '/'
    if (segment !== GLOBSTAR) source += separator + segmentSource(segment)
    // A trailing ** (only with a trailing slash) needs something under it; a middle one may stand for nothing.
    else source += i === rest.length - 1 ? '/.+' : '(?:/.+?)?'
  })
  return source
}

function segmentSource(segment: string): string {
  // A segment is never empty, so a lone * must consume something; it keeps unanchored searches honest.
  if (segment === '*') return '[^/]+'
  let source = ''
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] as string
    if (ch === '\\') {
      // A trailing lone backslash has nothing to escape and stands for itself.
      source += escapeLiteral(segment[i + 1] ?? '\\')
      i++
    } else if (ch === '*') {
      source += '[^/]*'
      while (segment[i + 1] === '*') i++
    } else if (ch === '?') {
      source += '[^/]'
    } else {
      const characterClass = ch === '[' ? readClass(segment, i) : null
      source += characterClass ? characterClass.source : escapeLiteral(ch)
      if (characterClass) i = characterClass.end
    }
  }
  return source
}

interface CharacterClass {
  readonly source: string
  /** Index of the closing bracket. */
  readonly end: number
}

/** A `[...]` class starting at `start`, or null when it is not closed (then `[` is a literal, as in fnmatch). */
function readClass(segment: string, start: number): CharacterClass | null {
  let i = start + 1
  const negated = segment[i] === '!' || segment[i] === '^'
  if (negated) i++
  let members = ''
  // A `]` right after the opening bracket is a member, not the end.
  for (let firstMember = true; i < segment.length; i++, firstMember = false) {
    const ch = segment[i] as string
    if (ch === ']' && !firstMember) {
      // A class never matches the separator, negated or not.
      return { source: negated ? `[^/${members}]` : `(?!/)[${members}]`, end: i }
    }
    if (ch === '\\' && i + 1 < segment.length) {
      i++
      members += escapeClassMember(segment[i] as string, true)
    } else {
      members += escapeClassMember(ch, false)
    }
  }
  return null
}

function escapeLiteral(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Keeps `-` meaningful as a range unless it was escaped in the pattern. */
function escapeClassMember(ch: string, escaped: boolean): string {
  return /[\]\\[^]/.test(ch) || (escaped && ch === '-') ? `\\${ch}` : ch
}
