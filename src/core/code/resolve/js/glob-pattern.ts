/**
 * The glob subset workspace lists and tsconfig include/exclude use: `*` and `?` within a segment,
 * `**` across segments. Braces and character classes are rare there and are matched literally.
 */

/** A regular expression matching the whole repository-relative path. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${globSource(normalizeGlob(glob))}$`)
}

/**
 * Matches the path or anything below it: how tsconfig `exclude` and TypeScript's implicit globs
 * treat a pattern naming a folder.
 */
export function globPrefixRegExp(glob: string): RegExp {
  return new RegExp(`^${globSource(normalizeGlob(glob))}(?:/.*)?$`)
}

/** './packages/*\/' → 'packages/*'. */
export function normalizeGlob(glob: string): string {
  let g = glob.trim()
  while (g.startsWith('./')) g = g.slice(2)
  while (g.endsWith('/')) g = g.slice(0, -1)
  return g === '.' ? '' : g
}

function globSource(glob: string): string {
  let source = ''
  for (let i = 0; i < glob.length; ) {
    if (glob.startsWith('**/', i)) {
      source += '(?:[^/]+/)*'
      i += 3
    } else if (glob.startsWith('/**', i) && i + 3 === glob.length) {
      source += '(?:/.*)?'
      i += 3
    } else if (glob.startsWith('**', i)) {
      source += '.*'
      i += 2
    } else if (glob[i] === '*') {
      source += '[^/]*'
      i++
    } else if (glob[i] === '?') {
      source += '[^/]'
      i++
    } else {
      source += (glob[i] as string).replace(/[.+^${}()|[\]\\]/g, '\\$&')
      i++
    }
  }
  return source
}
