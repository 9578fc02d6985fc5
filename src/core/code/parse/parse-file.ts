import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Language, Parser, type Node } from 'web-tree-sitter'
import type { CodeLanguage, ParsedFile } from '../code-types'
import { createCppExtractor } from './extract-cpp'
import { createCsharpExtractor } from './extract-csharp'
import { createGoExtractor } from './extract-go'
import { createJavaExtractor } from './extract-java'
import { createPythonExtractor } from './extract-python'
import { createRubyExtractor } from './extract-ruby'
import { createRustExtractor } from './extract-rust'
import type { Extractor } from './extract-support'
import { createTypescriptExtractor } from './extract-typescript'
import { grammarOf } from './languages'
import { mergeExtractions, piecesOfErrors, shiftLines } from './recover-errors'

interface LoadedLanguage {
  readonly parser: Parser
  readonly extract: Extractor
}

let runtime: Promise<void> | undefined
const loaded = new Map<CodeLanguage, Promise<LoadedLanguage>>()

/**
 * What a source file imports, defines and uses. Runs on the calling thread (the pool runs it in
 * workers); grammars load once per thread. Syntax errors do not fail a parse: tree-sitter recovers,
 * stretches it gave up on are parsed again piece by piece, and whatever is recognised is reported.
 */
export async function parseSource(language: CodeLanguage, source: string): Promise<ParsedFile> {
  const { parser, extract } = await load(language)
  // A byte order mark is not code; the grammars would report it as an error node.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  const whole = withTree(parser, text, (root) => {
    const extraction = extract(root)
    return { extraction, pieces: root.hasError ? piecesOfErrors(root, text) : [] }
  })
  if (whole.pieces.length === 0) return { language, ...whole.extraction }
  const recovered = whole.pieces.map((piece) => shiftLines(withTree(parser, piece.text, extract), piece.firstRow))
  return { language, ...mergeExtractions(whole.extraction, recovered) }
}

function withTree<T>(parser: Parser, text: string, read: (root: Node) => T): T {
  const tree = parser.parse(text)
  if (tree === null) throw new Error(`tree-sitter returned no tree for a source of ${text.length} characters`)
  try {
    return read(tree.rootNode)
  } finally {
    // Trees live in wasm memory, which no garbage collector frees.
    tree.delete()
  }
}

function load(language: CodeLanguage): Promise<LoadedLanguage> {
  let pending = loaded.get(language)
  if (pending === undefined) {
    pending = loadLanguage(language)
    // A failed load is tried again on the next parse rather than remembered.
    pending.catch(() => loaded.delete(language))
    loaded.set(language, pending)
  }
  return pending
}

async function loadLanguage(language: CodeLanguage): Promise<LoadedLanguage> {
  runtime ??= Parser.init()
  await runtime
  const file = join(grammarDirectory(), grammarOf(language))
  let grammar: Language
  try {
    grammar = await Language.load(await readFile(file))
  } catch (error) {
    throw new Error(`Could not load the ${language} grammar from ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  const parser = new Parser()
  parser.setLanguage(grammar)
  return { parser, extract: createExtractor(language, grammar) }
}

/** node_modules stays outside every bundle (CLI, Electron main, tests), so the package resolves at run time. */
function grammarDirectory(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm')
}

function createExtractor(language: CodeLanguage, grammar: Language): Extractor {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return createTypescriptExtractor(grammar, language)
    case 'python':
      return createPythonExtractor(grammar)
    case 'go':
      return createGoExtractor(grammar)
    case 'java':
      return createJavaExtractor(grammar)
    case 'rust':
      return createRustExtractor(grammar)
    case 'ruby':
      return createRubyExtractor(grammar)
    case 'csharp':
      return createCsharpExtractor(grammar)
    case 'c':
    case 'cpp':
      return createCppExtractor(grammar)
  }
}
