import type { Node } from 'web-tree-sitter'
import type { ImportSpec, SymbolDef, SymbolRef } from '../code-types'
import type { Extraction } from './extract-support'

/** A stretch of source lines to parse again on its own; `firstRow` is its first line's 0-based row. */
export interface SourcePiece {
  readonly firstRow: number
  readonly text: string
}

/**
 * Tree-sitter sometimes folds everything after a bad statement into one ERROR node (an unbalanced
 * brace in JavaScript does), which hides the imports and declarations after it. Top-level code
 * starts at column 0 in nearly every file of every language, so each top-level ERROR that spans
 * lines is cut before each line that starts at column 0, and the pieces can be parsed on their own.
 */
export function piecesOfErrors(root: Node, source: string): SourcePiece[] {
  const errors = root.children.filter((child) => child !== null && child.type === 'ERROR' && child.endPosition.row > child.startPosition.row) as Node[]
  if (errors.length === 0) return []
  const lines = source.split('\n')
  const pieces: SourcePiece[] = []
  for (const error of errors) {
    const last = Math.min(error.endPosition.row, lines.length - 1)
    let start = error.startPosition.row
    for (let row = start + 1; row <= last + 1; row++) {
      if (row <= last && !startsTopLevel(lines[row] ?? '')) continue
      pieces.push({ firstRow: start, text: lines.slice(start, row).join('\n') })
      start = row
    }
  }
  return pieces
}

/** A line that starts at column 0 with something other than a closing bracket. */
function startsTopLevel(line: string): boolean {
  const first = line.charAt(0)
  return first !== '' && !/[\s)\]}]/.test(first)
}

/** What a piece says, moved to the lines it came from. */
export function shiftLines(extraction: Extraction, rows: number): Extraction {
  return {
    imports: extraction.imports.map((i) => ({ ...i, line: i.line + rows })),
    symbols: extraction.symbols.map((s) => ({ ...s, startLine: s.startLine + rows, endLine: s.endLine + rows })),
    references: extraction.references.map((r) => ({ ...r, line: r.line + rows })),
  }
}

/** The whole-file extraction with what the pieces add, each item once, in line order. */
export function mergeExtractions(base: Extraction, extra: readonly Extraction[]): Extraction {
  const imports = unique([...base.imports, ...extra.flatMap((e) => e.imports)], (i: ImportSpec) => `${i.line}\0${i.kind}\0${i.specifier}`)
  const symbols = unique([...base.symbols, ...extra.flatMap((e) => e.symbols)], (s: SymbolDef) => `${s.startLine}\0${s.kind}\0${s.name}`)
  const references = unique([...base.references, ...extra.flatMap((e) => e.references)], (r: SymbolRef) => `${r.line}\0${r.name}`)
  return {
    imports: imports.sort((a, b) => a.line - b.line),
    symbols: symbols.sort((a, b) => a.startLine - b.startLine),
    references: references.sort((a, b) => a.line - b.line),
  }
}

function unique<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = keyOf(item)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
