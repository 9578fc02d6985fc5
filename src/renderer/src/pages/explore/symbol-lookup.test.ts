import { describe, expect, it } from 'vitest'
import type { ReferenceHit, SymbolHit } from '../../../../shared/code-graph-types'
import { lineRuns, orderUses, referenceName, summariseUses } from './symbol-lookup'

const definition = (name: string, path = 'src/service.ts'): SymbolHit => ({ name, kind: 'class', path, startLine: 6, endLine: 10, exported: true, container: null })
const use = (path: string, lines: number[], importsDefinition: boolean): ReferenceHit => ({ path, lines, importsDefinition })

describe('the name whose uses are listed', () => {
  it('is the name asked when a definition has that exact spelling, or when nothing is defined', () => {
    expect(referenceName('Service', [definition('Service')])).toBe('Service')
    expect(referenceName('service', [definition('Service'), definition('service', 'src/a.ts')])).toBe('service')
    expect(referenceName('express', [])).toBe('express')
  })

  it("is the definition's spelling when only a case-insensitive match was found", () => {
    expect(referenceName('service', [definition('Service')])).toBe('Service')
    expect(referenceName('SERVICE', [definition('Service'), definition('service', 'src/a.ts')])).toBe('Service')
  })
})

describe('ordering the uses', () => {
  it('puts files that import a definition first, then sorts by path, with lines ascending once each', () => {
    const ordered = orderUses([use('src/main.ts', [3], false), use('test/a.test.ts', [9, 1, 9], true), use('src/cli.ts', [3, 1], true), use('docs/x.ts', [2], false)])
    expect(ordered.map((u) => `${u.path} ${u.lines.join(',')} ${u.importsDefinition}`)).toEqual([
      'src/cli.ts 1,3 true',
      'test/a.test.ts 1,9 true',
      'docs/x.ts 2 false',
      'src/main.ts 3 false',
    ])
  })

  it('counts files, distinct lines and importers', () => {
    expect(summariseUses([use('a.ts', [1, 3, 3], true), use('b.ts', [5], false)])).toEqual({ files: 2, lines: 3, importers: 1 })
    expect(summariseUses([])).toEqual({ files: 0, lines: 0, importers: 0 })
  })
})

describe('line runs', () => {
  it('joins consecutive lines', () => {
    expect(lineRuns([1, 2, 3, 7, 9, 10])).toEqual([
      [1, 3],
      [7, 7],
      [9, 10],
    ])
    expect(lineRuns([4, 4, 5])).toEqual([[4, 5]])
    expect(lineRuns([])).toEqual([])
  })
})
