import { describe, expect, it } from 'vitest'
import { parseSource } from '../../../src/core/code/parse/parse-file'

const lines = (...source: string[]): string => source.join('\n')

describe('parsing C#', () => {
  const source = lines(
    'using System;', // 1
    'using static System.Math;', // 2
    'using Strings = System.Collections.Generic.List<string>;', // 3
    'global using System.Linq;', // 4
    '// using Commented.Out;', // 5
    'namespace Acme.Billing {', // 6
    '  public class Invoice : Document, IPayable {', // 7
    '    public Invoice() {}', // 8
    '    public decimal Total() { return Max(Lines.Count, 0); }', // 9
    '    private void Recalc() {}', // 10
    '    public class Builder {}', // 11
    '  }', // 12
    '  interface IPayable { void Pay(); }', // 13
    '  public struct Money {}', // 14
    '  public enum Status { Open, Paid }', // 15
    '  public record Line(int Amount);', // 16
    '}', // 17
  )

  it('lists using directives by their target', async () => {
    const parsed = await parseSource('csharp', source)
    expect(parsed.imports).toEqual([
      { specifier: 'System', kind: 'import', line: 1 },
      { specifier: 'System.Math', kind: 'import', line: 2 },
      { specifier: 'System.Collections.Generic.List<string>', kind: 'import', line: 3 },
      { specifier: 'System.Linq', kind: 'import', line: 4 },
    ])
  })

  it('lists types and methods; public (or an interface member) is exported', async () => {
    const { symbols } = await parseSource('csharp', source)
    expect(symbols).toEqual([
      { name: 'Invoice', kind: 'class', startLine: 7, endLine: 12, exported: true },
      { name: 'Total', kind: 'method', startLine: 9, endLine: 9, exported: true, container: 'Invoice' },
      { name: 'Recalc', kind: 'method', startLine: 10, endLine: 10, exported: false, container: 'Invoice' },
      { name: 'Builder', kind: 'class', startLine: 11, endLine: 11, exported: true, container: 'Invoice' },
      { name: 'IPayable', kind: 'interface', startLine: 13, endLine: 13, exported: false },
      { name: 'Pay', kind: 'method', startLine: 13, endLine: 13, exported: true, container: 'IPayable' },
      { name: 'Money', kind: 'struct', startLine: 14, endLine: 14, exported: true },
      { name: 'Status', kind: 'enum', startLine: 15, endLine: 15, exported: true },
      { name: 'Line', kind: 'class', startLine: 16, endLine: 16, exported: true },
    ])
  })

  it('reports used names, not namespaces', async () => {
    const { references } = await parseSource('csharp', source)
    const at = (line: number): string[] => references.filter((r) => r.line === line).map((r) => r.name)
    expect(at(1)).toEqual([])
    expect(at(6)).toEqual([])
    expect(at(7)).toEqual(['Document', 'IPayable'])
    expect(at(9)).toEqual(['Max', 'Lines', 'Count'])
  })
})
