/**
 * What resolution needs from a go.mod (or go.work, same syntax): the module path, the required
 * modules, the replacements and, in a go.work, the module folders it uses.
 */
export interface GoMod {
  readonly module: string | null
  readonly requires: readonly string[]
  /** go.work `use` folders, relative to the file. */
  readonly uses: readonly string[]
  /** Replaced module path → the replacement: a local folder (relative to the go.mod) or another module. */
  readonly replaces: ReadonlyMap<string, GoReplacement>
}

export type GoReplacement = { readonly kind: 'local'; readonly dir: string } | { readonly kind: 'module'; readonly path: string }

/** Reads the `module`, `require`, `replace` and `use` directives, single-line and in blocks. */
export function readGoMod(text: string): GoMod {
  let module: string | null = null
  const requires: string[] = []
  const uses: string[] = []
  const replaces = new Map<string, GoReplacement>()
  let block: string | null = null
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim()
    if (line === '') continue
    if (block !== null) {
      if (line === ')') block = null
      else directive(block, tokens(line))
      continue
    }
    const [verb, ...args] = tokens(line)
    if (verb === undefined) continue
    if (args.length === 1 && args[0] === '(') block = verb
    else directive(verb, args)
  }
  return { module, requires, uses, replaces }

  function directive(verb: string, args: readonly string[]): void {
    if (verb === 'module' && args[0] !== undefined) module = args[0]
    else if (verb === 'require' && args[0] !== undefined) requires.push(args[0])
    else if (verb === 'use' && args[0] !== undefined) uses.push(args[0])
    else if (verb === 'replace') {
      const arrow = args.indexOf('=>')
      const from = args[0]
      const to = args[arrow + 1]
      if (arrow === -1 || from === undefined || to === undefined) return
      // A replacement starting with ./ or ../ (or absolute) is a folder; otherwise a module path.
      const local = to.startsWith('./') || to.startsWith('../') || to === '.' || to === '..' || to.startsWith('/')
      replaces.set(from, local ? { kind: 'local', dir: to } : { kind: 'module', path: to })
    }
  }
}

/** Space-separated words, a double- or back-quoted one unquoted. */
function tokens(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '')
}
