import { describe, expect, it } from 'vitest'
import { parseSource } from '../../../src/core/code/parse/parse-file'

const lines = (...source: string[]): string => source.join('\n')

describe('parsing C and C++', () => {
  it('reads C (with the C++ grammar): includes, functions, static ones file-local, structs with bodies', async () => {
    const parsed = await parseSource(
      'c',
      lines(
        '#include <stdio.h>', // 1
        '#include "util/strings.h"', // 2
        '#ifdef _WIN32', // 3
        '#  include "win/compat.h"', // 4
        '#endif', // 5
        '#include CONFIG_HEADER', // 6
        '// #include "commented.h"', // 7
        'static int clamp(int v) { return v; }', // 8
        'char *duplicate(const char *s) {', // 9
        '  return strdup(s);', // 10
        '}', // 11
        'struct point { int x, y; };', // 12
        'struct forward;', // 13
        'typedef struct { int w; } size_t2;', // 14
        'enum color { RED, GREEN };', // 15
        'int prototype(void);', // 16
      ),
    )
    expect(parsed.imports).toEqual([
      { specifier: 'stdio.h', kind: 'include', line: 1, system: true },
      { specifier: 'util/strings.h', kind: 'include', line: 2, system: false },
      { specifier: 'win/compat.h', kind: 'include', line: 4, system: false },
    ])
    expect(parsed.symbols).toEqual([
      { name: 'clamp', kind: 'function', startLine: 8, endLine: 8, exported: false },
      { name: 'duplicate', kind: 'function', startLine: 9, endLine: 11, exported: true },
      { name: 'point', kind: 'struct', startLine: 12, endLine: 12, exported: true },
      { name: 'size_t2', kind: 'struct', startLine: 14, endLine: 14, exported: true },
      { name: 'color', kind: 'enum', startLine: 15, endLine: 15, exported: true },
    ])
    expect(parsed.references.filter((r) => r.line === 10).map((r) => r.name)).toEqual(['strdup', 's'])
  })

  it('reads C++: classes, methods inside and outside their class, namespaces', async () => {
    const parsed = await parseSource(
      'cpp',
      lines(
        '#include <vector>', // 1
        'namespace geo {', // 2
        'class Shape : public Base {', // 3
        ' public:', // 4
        '  double area() const { return 0; }', // 5
        '  void scale(double f);', // 6
        '};', // 7
        'void Shape::scale(double f) { area(); }', // 8
        'template <typename T> T twice(T v) { return v + v; }', // 9
        '}', // 10
        'namespace {', // 11
        'int hidden() { return 1; }', // 12
        '}', // 13
      ),
    )
    expect(parsed.imports).toEqual([{ specifier: 'vector', kind: 'include', line: 1, system: true }])
    expect(parsed.symbols).toEqual([
      { name: 'Shape', kind: 'class', startLine: 3, endLine: 7, exported: true },
      { name: 'area', kind: 'method', startLine: 5, endLine: 5, exported: true, container: 'Shape' },
      { name: 'scale', kind: 'method', startLine: 8, endLine: 8, exported: true, container: 'Shape' },
      { name: 'twice', kind: 'function', startLine: 9, endLine: 9, exported: true },
      { name: 'hidden', kind: 'function', startLine: 12, endLine: 12, exported: false },
    ])
    expect(parsed.references.filter((r) => r.line === 3).map((r) => r.name)).toEqual(['Base'])
  })
})
