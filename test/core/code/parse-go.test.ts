import { describe, expect, it } from 'vitest'
import { parseSource } from '../../../src/core/code/parse/parse-file'

const lines = (...source: string[]): string => source.join('\n')

describe('parsing Go', () => {
  const source = lines(
    'package server', // 1
    '', // 2
    'import "fmt"', // 3
    'import (', // 4
    '\tlog "github.com/sirupsen/logrus"', // 5
    '\t_ "embed"', // 6
    '\t"github.com/acme/app/internal/store"', // 7
    '\t`net/http`', // 8
    ')', // 9
    '', // 10
    'const Version, build = "1.0", 7', // 11
    'var Debug = false', // 12
    '', // 13
    'type Server struct {', // 14
    '\tstore *store.Store', // 15
    '}', // 16
    'type Handler interface{ Serve() }', // 17
    'type Port int', // 18
    '', // 19
    'func New(s *store.Store) *Server {', // 20
    '\treturn &Server{store: s}', // 21
    '}', // 22
    '', // 23
    'func (s *Server) Serve() {', // 24
    '\tfmt.Println(Version)', // 25
    '\tlog.Info(s.store)', // 26
    '}', // 27
    'func (p Port) valid() bool { return p > 0 }', // 28
  )

  it('lists every import path, grouped, aliased and raw', async () => {
    const parsed = await parseSource('go', source)
    expect(parsed.imports).toEqual([
      { specifier: 'fmt', kind: 'import', line: 3 },
      { specifier: 'github.com/sirupsen/logrus', kind: 'import', line: 5 },
      { specifier: 'embed', kind: 'import', line: 6 },
      { specifier: 'github.com/acme/app/internal/store', kind: 'import', line: 7 },
      { specifier: 'net/http', kind: 'import', line: 8 },
    ])
  })

  it('lists funcs, methods on their receiver type, types and constants; capitalised is exported', async () => {
    const { symbols } = await parseSource('go', source)
    expect(symbols).toEqual([
      { name: 'Version', kind: 'constant', startLine: 11, endLine: 11, exported: true },
      { name: 'build', kind: 'constant', startLine: 11, endLine: 11, exported: false },
      { name: 'Server', kind: 'struct', startLine: 14, endLine: 16, exported: true },
      { name: 'Handler', kind: 'interface', startLine: 17, endLine: 17, exported: true },
      { name: 'Port', kind: 'type', startLine: 18, endLine: 18, exported: true },
      { name: 'New', kind: 'function', startLine: 20, endLine: 22, exported: true },
      { name: 'Serve', kind: 'method', startLine: 24, endLine: 27, exported: true, container: 'Server' },
      { name: 'valid', kind: 'method', startLine: 28, endLine: 28, exported: false, container: 'Port' },
    ])
  })

  it('counts qualified names (pkg.Name) as uses', async () => {
    const { references } = await parseSource('go', source)
    const at = (line: number): string[] => references.filter((r) => r.line === line).map((r) => r.name)
    expect(at(20)).toEqual(['store', 'Store', 'Server'])
    expect(at(25)).toEqual(['fmt', 'Println', 'Version'])
    expect(at(26)).toEqual(['log', 'Info', 's', 'store'])
  })
})
