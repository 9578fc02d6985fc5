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
  readonly rule: CodeownersRule
  readonly pattern: CompiledPattern
}

/** Rules of one section, last rule first: the first hit is the winner. */
type CompiledSection = readonly CompiledRule[]

// Kept beside the parsed file rather than on it, so the file stays plain data (it may cross IPC or be cloned);
// the entry goes when the parsed file does.
const compiledFiles = new WeakMap<CodeownersFile, readonly CompiledSection[]>()

/**
 * Declared owners of a file, `path` repository-relative with '/' separators. The last matching rule wins; with
 * GitLab sections each section picks its own last match and the owners of all sections add up, as GitLab requires
 * approval from every section.
 */
export function matchCodeowners(file: CodeownersFile, path: string): DeclaredMatch {
  const target = trimSlashes(path)
  return declared(file, (pattern) => pattern.file.test(target))
}

/**
 * Declared owners of a directory as a whole: rules that own the directory itself or a parent of it (`src/api/`,
 * `/src/api`, `src/**`, `*`). The rule for a file directly inside is not the answer: `src/api/*` or `*.ts` own some
 * of its files but not the directory. An empty path is the repository root, owned only by catch-all rules.
 */
export function declaredOwnersOfDirectory(file: CodeownersFile, dir: string): DeclaredMatch {
  const target = trimSlashes(dir)
  if (target === '') return declared(file, (pattern) => pattern.everything)
  return declared(file, (pattern) => pattern.directory?.test(target) ?? false)
}

function declared(file: CodeownersFile, matches: (pattern: CompiledPattern) => boolean): DeclaredMatch {
  const winners: CodeownersRule[] = []
  for (const section of compiledSections(file)) {
    const winner = section.find((candidate) => matches(candidate.pattern))
    if (winner) winners.push(winner.rule)
  }
  return {
    owners: uniqueOwners(winners.flatMap((rule) => rule.owners)),
    rules: winners.map(({ line, pattern, section }) => ({ line, pattern, section })),
  }
}

function compiledSections(file: CodeownersFile): readonly CompiledSection[] {
  let sections = compiledFiles.get(file)
  if (!sections) {
    sections = compileSections(file)
    compiledFiles.set(file, sections)
  }
  return sections
}

function compileSections(file: CodeownersFile): readonly CompiledSection[] {
  // Rules before any header come first; then sections in the order the file introduces them.
  const names: (string | null)[] = [null, ...file.sections.map((section) => section.name)]
  return names
    .map((name) => file.rules.filter((rule) => rule.section === name).flatMap(compileRule).reverse())
    .filter((section) => section.length > 0)
}

function compileRule(rule: CodeownersRule): CompiledRule[] {
  // The parser already reported and dropped patterns that do not compile; a hand-built file may still have one.
  const compiled = compilePattern(rule.pattern)
  return compiled.ok ? [{ rule, pattern: compiled.pattern }] : []
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
  return path.replace(/^\/+|\/+$/g, '')
}
