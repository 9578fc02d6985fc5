import { describe, expect, it } from 'vitest'
import { parseSource } from '../../../src/core/code/parse/parse-file'

const lines = (...source: string[]): string => source.join('\n')

describe('parsing Java', () => {
  const source = lines(
    'package com.acme.billing;', // 1
    '', // 2
    'import java.util.List;', // 3
    'import com.acme.core.*;', // 4
    'import static org.junit.Assert.assertEquals;', // 5
    'import static java.lang.Math.*;', // 6
    '', // 7
    '/* import com.acme.ghost.Ghost; */', // 8
    'public class Invoice extends Document implements Payable {', // 9
    '  public static final int LIMIT = 10;', // 10
    '  public Invoice() {}', // 11
    '  public List<Line> lines() { return Lines.of(LIMIT); }', // 12
    '  private void recalc() {', // 13
    '    Runnable r = new Runnable() { public void run() {} };', // 14
    '  }', // 15
    '  public static class Builder {}', // 16
    '}', // 17
    'interface Payable { void pay(); }', // 18
    'enum Status { OPEN, PAID }', // 19
    'public record Money(long cents) {}', // 20
  )

  it('lists imports; static ones name the member they import', async () => {
    const parsed = await parseSource('java', source)
    expect(parsed.imports).toEqual([
      { specifier: 'java.util.List', kind: 'import', line: 3 },
      { specifier: 'com.acme.core.*', kind: 'import', line: 4 },
      { specifier: 'org.junit.Assert.assertEquals', kind: 'import', line: 5, names: ['assertEquals'] },
      { specifier: 'java.lang.Math.*', kind: 'import', line: 6, names: ['*'] },
    ])
  })

  it('lists types and methods (not those of anonymous classes); public is exported', async () => {
    const { symbols } = await parseSource('java', source)
    expect(symbols).toEqual([
      { name: 'Invoice', kind: 'class', startLine: 9, endLine: 17, exported: true },
      { name: 'lines', kind: 'method', startLine: 12, endLine: 12, exported: true, container: 'Invoice' },
      { name: 'recalc', kind: 'method', startLine: 13, endLine: 15, exported: false, container: 'Invoice' },
      { name: 'Builder', kind: 'class', startLine: 16, endLine: 16, exported: true, container: 'Invoice' },
      { name: 'Payable', kind: 'interface', startLine: 18, endLine: 18, exported: false },
      { name: 'pay', kind: 'method', startLine: 18, endLine: 18, exported: true, container: 'Payable' },
      { name: 'Status', kind: 'enum', startLine: 19, endLine: 19, exported: false },
      { name: 'Money', kind: 'class', startLine: 20, endLine: 20, exported: true },
    ])
  })

  it('reports used names, not package paths', async () => {
    const { references } = await parseSource('java', source)
    const at = (line: number): string[] => references.filter((r) => r.line === line).map((r) => r.name)
    expect(at(1)).toEqual([])
    expect(at(3)).toEqual(['List'])
    expect(at(4)).toEqual([])
    expect(at(9)).toEqual(['Document', 'Payable'])
    expect(at(12)).toEqual(['List', 'Line', 'Lines', 'of', 'LIMIT'])
  })
})
