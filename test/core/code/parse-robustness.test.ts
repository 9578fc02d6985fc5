import { describe, expect, it } from 'vitest'
import { languageOfPath } from '../../../src/core/code/parse/languages'
import { parseSource } from '../../../src/core/code/parse/parse-file'

describe('which files are parsed, and as what', () => {
  it('picks the language by extension', () => {
    expect(
      ['a.ts', 'a.mts', 'a.cts', 'types/index.d.ts', 'a.tsx', 'a.js', 'a.mjs', 'a.cjs', 'a.jsx', 'a.py', 'a.pyi', 'main.go', 'A.java', 'lib.rs', 'a.rb', 'A.cs', 'a.c', 'a.h', 'a.cc', 'a.cpp', 'a.cxx', 'a.hpp', 'a.hh', 'a.hxx'].map(
        languageOfPath,
      ),
    ).toEqual(['typescript', 'typescript', 'typescript', 'typescript', 'tsx', 'javascript', 'javascript', 'javascript', 'javascript', 'python', 'python', 'go', 'java', 'rust', 'ruby', 'csharp', 'c', 'c', 'cpp', 'cpp', 'cpp', 'cpp', 'cpp', 'cpp'])
  })

  it('parses nothing else', () => {
    expect(['README.md', 'Makefile', 'package.json', '.ts', 'src/.eslintrc', 'image.png', 'dir.ts/file'].map(languageOfPath)).toEqual([null, null, null, null, null, null, null])
  })
})

describe('parsing what real repositories hold', () => {
  it('still reports the imports and declarations after a syntax error', async () => {
    // tree-sitter folds everything after the unbalanced braces into one error node.
    const source = ["import { a } from './a'", 'function broken( {', '  const = ;', '}}}', "import { b } from './b'", "export * from './c'", 'export function after(): void {', '  b()', '}']
    const parsed = await parseSource('typescript', source.join('\n'))
    expect(parsed.imports.map((i) => [i.specifier, i.line])).toEqual([
      ['./a', 1],
      ['./b', 5],
      ['./c', 6],
    ])
    expect(parsed.symbols).toContainEqual({ name: 'after', kind: 'function', startLine: 7, endLine: 9, exported: true })
    expect(parsed.references).toContainEqual({ name: 'b', line: 8 })
  })

  it('still reports Python imports after a broken line', async () => {
    const parsed = await parseSource('python', ['import os', 'def broken(:', '    pass', 'import sys', 'from . import util'].join('\n'))
    expect(parsed.imports.map((i) => [i.specifier, i.line])).toEqual([
      ['os', 1],
      ['sys', 4],
      ['', 5],
    ])
  })

  it('counts lines the same with CRLF line endings', async () => {
    const source = ["import { a } from './a'", '', 'export function f(): void {', '  a()', '}'].join('\r\n')
    const parsed = await parseSource('typescript', source)
    expect(parsed.imports).toEqual([{ specifier: './a', kind: 'import', line: 1 }])
    expect(parsed.symbols).toEqual([{ name: 'f', kind: 'function', startLine: 3, endLine: 5, exported: true }])
    expect(parsed.references).toContainEqual({ name: 'a', line: 4 })
  })

  it('keeps non-ASCII identifiers and paths intact', async () => {
    const parsed = await parseSource('typescript', ["import { grüße } from './übersetzung'", 'export const 名前 = grüße()', 'export class Café {}'].join('\n'))
    expect(parsed.imports).toEqual([{ specifier: './übersetzung', kind: 'import', line: 1 }])
    expect(parsed.symbols.map((s) => s.name)).toEqual(['名前', 'Café'])
    expect(parsed.references).toContainEqual({ name: 'grüße', line: 2 })

    const python = await parseSource('python', ['from .données import résumé', 'def größe():', '    return résumé'].join('\n'))
    expect(python.imports).toEqual([{ specifier: 'données', kind: 'import', line: 1, level: 1, names: ['résumé'] }])
    expect(python.symbols.map((s) => s.name)).toEqual(['größe'])
  })

  it('ignores a byte order mark', async () => {
    const parsed = await parseSource('typescript', "\uFEFFimport x from 'x'\nexport const y = x")
    expect(parsed.imports).toEqual([{ specifier: 'x', kind: 'import', line: 1 }])
  })

  it('returns empty results for empty, binary-looking and nonsense input, without throwing', async () => {
    for (const language of ['typescript', 'javascript', 'python', 'go', 'java', 'rust', 'ruby', 'csharp', 'c', 'cpp'] as const) {
      expect(await parseSource(language, '')).toEqual({ language, imports: [], symbols: [], references: [] })
      const noise = await parseSource(language, '\u0001\u0002\uFFFD\u0000garbage ]]]} {{{ "unterminated')
      expect(noise.imports).toEqual([])
    }
  })

  it('parses a large generated file', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `export const value${i} = compute(${i})`).join('\n')
    const parsed = await parseSource('typescript', `import { compute } from './compute'\n${body}`)
    expect(parsed.imports).toHaveLength(1)
    expect(parsed.symbols).toHaveLength(20_000)
    expect(parsed.symbols.at(-1)).toEqual({ name: 'value19999', kind: 'constant', startLine: 20_001, endLine: 20_001, exported: true })
  })
})
