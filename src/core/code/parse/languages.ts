import type { CodeLanguage } from '../code-types'

const BY_EXTENSION: Readonly<Record<string, CodeLanguage>> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  // The javascript grammar parses JSX; the typescript one does not, hence tsx's own grammar.
  jsx: 'javascript',
  py: 'python',
  pyi: 'python',
  go: 'go',
  java: 'java',
  rs: 'rust',
  rb: 'ruby',
  cs: 'csharp',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  hh: 'cpp',
  hxx: 'cpp',
}

/** The language of a source file by its extension (`.d.ts` is TypeScript), or null when Coop does not parse it. */
export function languageOfPath(path: string): CodeLanguage | null {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  if (dot <= 0) return null
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null
}

const LANGUAGES: ReadonlySet<string> = new Set<CodeLanguage>(['typescript', 'tsx', 'javascript', 'python', 'go', 'java', 'rust', 'ruby', 'csharp', 'c', 'cpp'])

/** For values from outside the type system (a worker message, a command-line option). */
export function isCodeLanguage(value: unknown): value is CodeLanguage {
  return typeof value === 'string' && LANGUAGES.has(value)
}

/**
 * The grammar file (in @vscode/tree-sitter-wasm/wasm) that parses a language. There is no C grammar
 * there: C parses with the C++ one, which accepts nearly all of it.
 */
export function grammarOf(language: CodeLanguage): string {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
    case 'python':
    case 'go':
    case 'java':
    case 'rust':
    case 'ruby':
    case 'cpp':
      return `tree-sitter-${language}.wasm`
    case 'csharp':
      return 'tree-sitter-c-sharp.wasm'
    case 'c':
      return 'tree-sitter-cpp.wasm'
  }
}
