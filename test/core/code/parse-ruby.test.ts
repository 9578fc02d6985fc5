import { describe, expect, it } from 'vitest'
import { parseSource } from '../../../src/core/code/parse/parse-file'

const lines = (...source: string[]): string => source.join('\n')

describe('parsing Ruby', () => {
  const source = lines(
    "require 'json'", // 1
    'require "net/http"', // 2
    "require_relative '../lib/store'", // 3
    'require library_name', // 4
    'require "plugins/#{name}"', // 5
    "text = \"require 'not_a_require'\"", // 6
    'DEFAULT_PORT = 8080', // 7
    'module Shop', // 8
    '  class Cart < Base', // 9
    '    LIMIT = 5', // 10
    '    def add(item) = items << item', // 11
    '    def self.build; new; end', // 12
    '    private', // 13
    '    def recalc; total(DEFAULT_PORT); end', // 14
    '  end', // 15
    'end', // 16
    'class Shop::Order; end', // 17
    'def helper; end', // 18
  )

  it('lists require and require_relative with literal paths only', async () => {
    const parsed = await parseSource('ruby', source)
    expect(parsed.imports).toEqual([
      { specifier: 'json', kind: 'require', line: 1 },
      { specifier: 'net/http', kind: 'require', line: 2 },
      { specifier: '../lib/store', kind: 'require_relative', line: 3 },
    ])
  })

  it('lists classes, modules, methods and constants; methods after `private` are not exported', async () => {
    const { symbols } = await parseSource('ruby', source)
    expect(symbols).toEqual([
      { name: 'DEFAULT_PORT', kind: 'constant', startLine: 7, endLine: 7, exported: true },
      { name: 'Shop', kind: 'module', startLine: 8, endLine: 16, exported: true },
      { name: 'Cart', kind: 'class', startLine: 9, endLine: 15, exported: true, container: 'Shop' },
      { name: 'LIMIT', kind: 'constant', startLine: 10, endLine: 10, exported: true, container: 'Cart' },
      { name: 'add', kind: 'method', startLine: 11, endLine: 11, exported: true, container: 'Cart' },
      { name: 'build', kind: 'method', startLine: 12, endLine: 12, exported: true, container: 'Cart' },
      { name: 'recalc', kind: 'method', startLine: 14, endLine: 14, exported: false, container: 'Cart' },
      { name: 'Order', kind: 'class', startLine: 17, endLine: 17, exported: true },
      { name: 'helper', kind: 'function', startLine: 18, endLine: 18, exported: true },
    ])
  })

  it('reports constants and method calls used', async () => {
    const { references } = await parseSource('ruby', source)
    const at = (line: number): string[] => references.filter((r) => r.line === line).map((r) => r.name)
    expect(at(9)).toEqual(['Base'])
    expect(at(11)).toEqual(['items', 'item'])
    expect(at(14)).toEqual(['total', 'DEFAULT_PORT'])
    expect(at(17)).toEqual(['Shop'])
  })
})
