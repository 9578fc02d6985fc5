import { describe, expect, it } from 'vitest'
import { parseSource } from '../../../src/core/code/parse/parse-file'

const lines = (...source: string[]): string => source.join('\n')

describe('parsing Python', () => {
  const source = lines(
    'import os.path', // 1
    'import numpy as np, sys', // 2
    'from . import sibling', // 3
    'from ..pkg.mod import alpha, beta as b', // 4
    'from typing import *', // 5
    'from .models import (', // 6
    '    User,', // 7
    '    Group,', // 8
    ')', // 9
    '"""import not_an_import"""', // 10
    '# from nowhere import nothing', // 11
    'MAX_SIZE = 10', // 12
    '_PRIVATE_LIMIT: int = 3', // 13
    'lowercase = 4', // 14
    '', // 15
    '@cached', // 16
    'def load(path, retries=MAX_SIZE):', // 17
    '    def helper():', // 18
    '        return path', // 19
    '    return np.load(os.path.join(path))', // 20
    '', // 21
    'class Repository(Base):', // 22
    '    def __init__(self, root):', // 23
    '        self.root = root', // 24
    '', // 25
    '    def _scan(self):', // 26
    '        return User(self.root)', // 27
    '', // 28
    'def _internal():', // 29
    '    pass', // 30
  )

  it('lists imports with relative levels and imported names', async () => {
    const parsed = await parseSource('python', source)
    expect(parsed.imports).toEqual([
      { specifier: 'os.path', kind: 'import', line: 1 },
      { specifier: 'numpy', kind: 'import', line: 2 },
      { specifier: 'sys', kind: 'import', line: 2 },
      { specifier: '', kind: 'import', line: 3, level: 1, names: ['sibling'] },
      { specifier: 'pkg.mod', kind: 'import', line: 4, level: 2, names: ['alpha', 'beta'] },
      { specifier: 'typing', kind: 'import', line: 5 },
      { specifier: 'models', kind: 'import', line: 6, level: 1, names: ['User', 'Group'] },
    ])
  })

  it('lists top-level functions and classes, methods and ALL_CAPS constants', async () => {
    const { symbols } = await parseSource('python', source)
    expect(symbols).toEqual([
      { name: 'MAX_SIZE', kind: 'constant', startLine: 12, endLine: 12, exported: true },
      { name: '_PRIVATE_LIMIT', kind: 'constant', startLine: 13, endLine: 13, exported: false },
      { name: 'load', kind: 'function', startLine: 16, endLine: 20, exported: true },
      { name: 'Repository', kind: 'class', startLine: 22, endLine: 27, exported: true },
      { name: '__init__', kind: 'method', startLine: 23, endLine: 24, exported: true, container: 'Repository' },
      { name: '_scan', kind: 'method', startLine: 26, endLine: 27, exported: false, container: 'Repository' },
      { name: '_internal', kind: 'function', startLine: 29, endLine: 30, exported: false },
    ])
  })

  it('reports uses of names, leaving out module paths, parameters and self', async () => {
    const { references } = await parseSource('python', source)
    const at = (line: number): string[] => references.filter((r) => r.line === line).map((r) => r.name)
    expect(at(1)).toEqual([])
    expect(at(4)).toEqual(['alpha', 'beta'])
    expect(at(16)).toEqual(['cached'])
    expect(at(17)).toEqual(['MAX_SIZE'])
    expect(at(20)).toEqual(['np', 'load', 'os', 'path', 'join'])
    expect(at(22)).toEqual(['Base'])
    expect(at(27)).toEqual(['User', 'root'])
  })
})
