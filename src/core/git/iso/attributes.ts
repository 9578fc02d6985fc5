import { lstat, readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { looksBinary, type BinaryRule } from './commit-changes'
import { isTrue, readConfigValue } from './config'
import type { RepoLocation } from './repo-location'
import { wildmatchRegExp } from './wildmatch'

/**
 * The part of gitattributes that changes `git log --numstat`: the `diff` attribute. `-diff` (or the
 * `binary` macro) makes a file binary and `diff` makes it text, whatever its content;
 * `diff=<driver>` defers to `diff.<driver>.binary` when configured, else to the content. Like git log, patterns come from the work tree's
 * .gitattributes files (not from the commit being read), `$GIT_DIR/info/attributes` and the user's
 * global attributes file; a bare repository only has the last two.
 */

type State = true | false | string

interface Line {
  /** Tests a path relative to the attribute file's folder. */
  readonly matches: (relativePath: string) => boolean
  readonly states: readonly (readonly [name: string, state: State | null])[]
}

interface AttributeFile {
  /** Folder the patterns are relative to ('' for the top level), with a trailing '/'. */
  readonly base: string
  readonly lines: readonly Line[]
}

const BUILTIN_MACROS = new Map<string, readonly (readonly [string, State | null])[]>([['binary', [['diff', false], ['merge', false], ['text', false]]]])

export async function binaryRuleFor(location: RepoLocation): Promise<BinaryRule> {
  const ignoreCase = isTrue(await readConfigValue(location.commonDir, 'core', 'ignorecase'))
  const macros = new Map(BUILTIN_MACROS)
  const load = (path: string, base: string, inTree: boolean, macrosAllowed = true) => readAttributeFile(path, base, { ignoreCase, inTree, macros: macrosAllowed ? macros : null })
  const configured = await readConfigValue(location.commonDir, 'core', 'attributesfile')
  const globalPath = configured ?? join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'git', 'attributes')
  const outer = [await load(globalPath.replace(/^~\//, `${homedir()}/`), '', false)]
  const worktree = location.layout === 'worktree' ? location.top : null
  if (worktree) outer.push(await load(join(worktree, '.gitattributes'), '', true))
  const info = await load(join(location.commonDir, 'info', 'attributes'), '', false)
  const folders = new Map<string, Promise<AttributeFile>>()
  const folderFile = (folder: string): Promise<AttributeFile> => {
    let file = folders.get(folder)
    if (!file) {
      file = worktree ? load(join(worktree, folder, '.gitattributes'), folder, true, false) : Promise.resolve({ base: folder, lines: [] })
      folders.set(folder, file)
    }
    return file
  }
  const drivers = new Map<string, Promise<boolean | null>>()
  const driverBinary = (name: string): Promise<boolean | null> => {
    let value = drivers.get(name)
    if (!value) {
      value = readConfigValue(location.commonDir, `diff "${name}"`, 'binary').then((v) => (v === null ? null : isTrue(v)))
      drivers.set(name, value)
    }
    return value
  }

  const hasAnySource = outer.some((file) => file.lines.length > 0) || info.lines.length > 0 || worktree !== null
  if (!hasAnySource) return async (_path, content) => looksBinary(content)

  const cache = new Map<string, State | null>()
  return async (path, content) => {
    let state = cache.get(path)
    if (state === undefined) {
      const files = [...outer]
      const parts = path.split('/')
      for (let depth = 1; depth < parts.length; depth++) files.push(await folderFile(`${parts.slice(0, depth).join('/')}/`))
      files.push(info)
      state = diffState(path, files, macros)
      cache.set(path, state)
    }
    // userdiff's driver_false and driver_true: `-diff` is binary, `diff` is text, whatever the bytes.
    if (state === false) return true
    if (state === true) return false
    if (typeof state === 'string') {
      const configured = await driverBinary(state)
      if (configured !== null) return configured
    }
    return looksBinary(content)
  }
}

/** The `diff` attribute after every matching line, least specific first, so the last assignment wins. */
function diffState(path: string, files: readonly AttributeFile[], macros: ReadonlyMap<string, readonly (readonly [string, State | null])[]>): State | null {
  let state: State | null = null
  const apply = (name: string, value: State | null, depth: number): void => {
    if (name === 'diff') state = value
    const macro = value === true && depth < 8 ? macros.get(name) : undefined
    for (const [inner, innerValue] of macro ?? []) apply(inner, innerValue, depth + 1)
  }
  for (const file of files) {
    if (!path.startsWith(file.base)) continue
    const relative = path.slice(file.base.length)
    for (const line of file.lines) {
      if (!line.matches(relative)) continue
      for (const [attribute, value] of line.states) apply(attribute, value, 0)
    }
  }
  return state
}

interface ReadOptions {
  readonly ignoreCase: boolean
  /** Work-tree files are not followed when they are symlinks (git opens them with O_NOFOLLOW). */
  readonly inTree: boolean
  /** Where `[attr]` macro definitions go; null where git ignores them (below the top level). */
  readonly macros: Map<string, readonly (readonly [string, State | null])[]> | null
}

async function readAttributeFile(path: string, base: string, options: ReadOptions): Promise<AttributeFile> {
  const { ignoreCase, macros } = options
  let text: string
  try {
    if (options.inTree && (await lstat(path)).isSymbolicLink()) return { base, lines: [] }
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')
  } catch {
    return { base, lines: [] }
  }
  const lines: Line[] = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^[ \t\r\n]+/, '')
    if (line === '' || line.startsWith('#')) continue
    const macro = /^\[attr\]([^ \t\r\n]+)(.*)$/.exec(line)
    if (macro) {
      // Macros may only be defined at the top level (git ignores them elsewhere).
      if (macros && macro[1]) macros.set(macro[1], parseStates(macro[2] ?? ''))
      continue
    }
    const { pattern, rest } = splitPattern(line)
    const matches = compilePattern(pattern, ignoreCase)
    if (matches) lines.push({ matches, states: parseStates(rest) })
  }
  return { base, lines }
}

/**
 * A gitattributes pattern as a test on file paths relative to its file's folder (attr.c
 * path_matches): without a '/', it matches the file name at any depth; with one, the whole relative
 * path (a leading '/' only anchors). Null for what never matches a file: negative patterns, which
 * git rejects in attributes, and folder-only patterns ("dir/").
 */
export function compilePattern(pattern: string, ignoreCase: boolean): ((relativePath: string) => boolean) | null {
  if (pattern === '' || pattern.startsWith('!') || pattern.endsWith('/')) return null
  if (!pattern.includes('/')) {
    const regex = wildmatchRegExp(pattern, { pathname: false, ignoreCase })
    return (relativePath) => regex.test(relativePath.slice(relativePath.lastIndexOf('/') + 1))
  }
  const regex = wildmatchRegExp(pattern.startsWith('/') ? pattern.slice(1) : pattern, { pathname: true, ignoreCase })
  return (relativePath) => regex.test(relativePath)
}

/** The pattern (possibly a C-quoted string) and what follows it. */
function splitPattern(line: string): { pattern: string; rest: string } {
  if (line.startsWith('"')) {
    const end = /^"((?:[^"\\]|\\.)*)"/.exec(line)
    if (end) return { pattern: JSON.parse(`"${(end[1] ?? '').replace(/\\([0-7]{3})/g, (_, octal: string) => `\\u00${parseInt(octal, 8).toString(16).padStart(2, '0')}`)}"`) as string, rest: line.slice(end[0].length) }
  }
  const space = line.search(/[ \t\r\n]/)
  return space < 0 ? { pattern: line, rest: '' } : { pattern: line.slice(0, space), rest: line.slice(space) }
}

/** `name` set, `-name` unset, `!name` unspecified, `name=value`. */
function parseStates(text: string): (readonly [string, State | null])[] {
  return text
    .split(/[ \t\r\n]+/)
    .filter((word) => word !== '')
    .map((word): readonly [string, State | null] => {
      if (word.startsWith('-')) return [word.slice(1), false]
      if (word.startsWith('!')) return [word.slice(1), null]
      const eq = word.indexOf('=')
      return eq < 0 ? [word, true] : [word.slice(0, eq), word.slice(eq + 1)]
    })
}
