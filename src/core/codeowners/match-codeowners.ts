import { compilePattern, type CompiledPattern } from './codeowners-pattern'
import type { CodeownersFile, CodeownersRule } from './parse-codeowners'

/** The declared owners of one path, and the rules that declare them. */
export interface DeclaredMatch {
  /** Deduplicated (case-insensitively, first spelling kept), in section order. Empty: nobody is declared. */
  readonly owners: readonly string[]
  /** The winning rule of each section that has one, in section order; a winner may have no owners. */
  readonly rules: readonly DeclaredRule[]
}

export interface DeclaredRule {
  readonly line: number
  readonly pattern: string
  readonly section: string | null
}

interface CompiledRule {
  readonly pattern: CompiledPattern
  /** What a match with this rule as the only winner returns; built once, frozen because it is shared. */
  readonly alone: DeclaredMatch
  /** Position in the file, to keep candidate lists in file order. */
  readonly index: number
  readonly section: string | null
}

/**
 * The rules of one section, as a tree of the fixed folders their patterns start with; a section is its root node.
 * A rule for `/packages/web/` is only a candidate for paths under packages/web, so a file with hundreds of such
 * rules still costs a handful of regex tests per path. Rules that can match anywhere (`*.js`, `logs`) sit at the
 * root: candidates everywhere.
 */
interface PrefixNode {
  readonly children: Map<string, PrefixNode>
  /** Rules whose fixed prefix ends at this node. */
  readonly rules: CompiledRule[]
  readonly parent: PrefixNode | null
  /** Rules of this node and its ancestors, last rule first so the first hit wins; built on first use. */
  candidates: readonly CompiledRule[] | null
}

type Target = { readonly path: string; readonly kind: 'file' | 'directory' }

const NO_MATCH: DeclaredMatch = Object.freeze({ owners: Object.freeze([]), rules: Object.freeze([]) })

// Kept beside the parsed file rather than on it, so the file stays plain data (it may cross IPC or be cloned);
// the entry goes when the parsed file does.
const compiledFiles = new WeakMap<CodeownersFile, readonly PrefixNode[]>()

/**
 * Declared owners of a file, `path` repository-relative with '/' separators. The last matching rule wins; with
 * GitLab sections each section picks its own last match and the owners of all sections add up, as GitLab requires
 * approval from every section.
 */
export function matchCodeowners(file: CodeownersFile, path: string): DeclaredMatch {
  return declared(compiledSections(file), { path: trimSlashes(path), kind: 'file' })
}

/**
 * Declared owners of a directory as a whole: rules that own the directory itself or a parent of it (`src/api/`,
 * `/src/api`, `src/**`, `*`). The rule for a file directly inside is not the answer: `src/api/*` or `*.ts` own some
 * of its files but not the directory. An empty path is the repository root, owned only by catch-all rules.
 */
export function declaredOwnersOfDirectory(file: CodeownersFile, dir: string): DeclaredMatch {
  return declared(compiledSections(file), { path: trimSlashes(dir), kind: 'directory' })
}

/** Alias of declaredOwnersOfDirectory, named like matchCodeowners. */
export const matchDirectory = declaredOwnersOfDirectory

function declared(sections: readonly PrefixNode[], target: Target): DeclaredMatch {
  let only: CompiledRule | null = null
  let winners: CompiledRule[] | null = null
  for (const section of sections) {
    const winner = winnerIn(candidatesOf(section, target.path), target)
    if (!winner) continue
    if (only === null) only = winner
    else (winners ??= [only]).push(winner)
  }
  // One winner, the common case: the shared answer prepared at compile time, nothing to combine.
  if (winners) return combined(winners)
  return only ? only.alone : NO_MATCH
}

function winnerIn(candidates: readonly CompiledRule[], target: Target): CompiledRule | null {
  for (const candidate of candidates) if (matches(candidate.pattern, target)) return candidate
  return null
}

function matches(pattern: CompiledPattern, { path, kind }: Target): boolean {
  if (kind === 'file') return pattern.file.test(path)
  if (path === '') return pattern.everything
  return pattern.directory !== null && pattern.directory.test(path)
}

function combined(winners: readonly CompiledRule[]): DeclaredMatch {
  return {
    owners: uniqueOwners(winners.flatMap((winner) => winner.alone.owners)),
    rules: winners.flatMap((winner) => winner.alone.rules),
  }
}

function candidatesOf(section: PrefixNode, path: string): readonly CompiledRule[] {
  const node = deepestNode(section, path)
  node.candidates ??= rulesUpTo(node).sort((a, b) => b.index - a.index)
  return node.candidates
}

/** The node of the longest fixed prefix the path starts with; walks the path without splitting it. */
function deepestNode(root: PrefixNode, path: string): PrefixNode {
  let node = root
  let start = 0
  while (start < path.length) {
    const slash = path.indexOf('/', start)
    const end = slash === -1 ? path.length : slash
    const child = node.children.get(path.slice(start, end))
    if (!child) break
    node = child
    start = end + 1
  }
  return node
}

function rulesUpTo(node: PrefixNode): CompiledRule[] {
  return node.parent ? [...rulesUpTo(node.parent), ...node.rules] : [...node.rules]
}

function compiledSections(file: CodeownersFile): readonly PrefixNode[] {
  let sections = compiledFiles.get(file)
  if (!sections) {
    sections = compileSections(file)
    compiledFiles.set(file, sections)
  }
  return sections
}

function compileSections(file: CodeownersFile): readonly PrefixNode[] {
  const compiled = file.rules.flatMap(compileRule)
  // Rules before any header come first; then sections in the order the file introduces them.
  const names: (string | null)[] = [null, ...file.sections.map((section) => section.name)]
  return names
    .map((name) => compiled.filter((rule) => rule.section === name))
    .filter((rules) => rules.length > 0)
    .map(sectionOf)
}

function sectionOf(rules: readonly CompiledRule[]): PrefixNode {
  const root = newNode(null)
  for (const rule of rules) {
    let node = root
    for (const segment of rule.pattern.literalPrefix) {
      let child = node.children.get(segment)
      if (!child) node.children.set(segment, (child = newNode(node)))
      node = child
    }
    node.rules.push(rule)
  }
  return root
}

function newNode(parent: PrefixNode | null): PrefixNode {
  return { children: new Map(), rules: [], parent, candidates: null }
}

function compileRule(rule: CodeownersRule, index: number): CompiledRule[] {
  // The parser already reported and dropped patterns that do not compile; a hand-built file may still have one.
  const compiled = compilePattern(rule.pattern)
  if (!compiled.ok) return []
  const { line, pattern, section } = rule
  const alone = Object.freeze({
    owners: Object.freeze(uniqueOwners(rule.owners)),
    rules: Object.freeze([Object.freeze({ line, pattern, section })]),
  })
  return [{ pattern: compiled.pattern, alone, index, section }]
}

function uniqueOwners(owners: readonly string[]): string[] {
  // Handles and emails are case-insensitive on both forges; @Alice and @alice are one reviewer.
  const seen = new Set<string>()
  return owners.filter((owner) => {
    const key = owner.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function trimSlashes(path: string): string {
  // Checked first: the callers' paths are normally clean, and this runs for every path of a repository.
  return path.startsWith('/') || path.endsWith('/') ? path.replace(/^\/+|\/+$/g, '') : path
}
