import { describe, expect, it } from 'vitest'
import type { DependencyReport } from '../../../../shared/code-graph-types'
import { fileId, mergeNeighbours, packageId, startGraph, type DepGraph, type Neighbours } from './dep-graph-model'

/** The two `code:deps` answers (depth 1) for `path`, from a list of "a imports b" pairs. */
function neighbours(path: string, links: readonly (readonly [string, string])[], extra: Partial<Pick<DependencyReport, 'external' | 'unresolved'>> = {}): Neighbours {
  const out = links.filter(([from]) => from === path)
  const into = links.filter(([, to]) => to === path)
  const edge = (from: string, to: string) => ({ from, to, depth: 1, specifier: `./${to}`, line: 1, typeOnly: false })
  return {
    imports: {
      path,
      direction: 'imports',
      depth: 1,
      files: out.map(([, to]) => ({ path: to, depth: 1 })),
      edges: out.map(([from, to]) => edge(from, to)),
      external: extra.external ?? [],
      unresolved: extra.unresolved ?? [],
    },
    dependents: {
      path,
      direction: 'dependents',
      depth: 1,
      files: into.map(([from]) => ({ path: from, depth: 1 })),
      edges: into.map(([from, to]) => edge(from, to)),
      external: [],
      unresolved: [],
    },
  }
}

const columns = (graph: DepGraph) => Object.fromEntries([...graph.nodes.values()].map((node) => [node.id, node.column]))

// main.ts → app.ts → util.ts; app.ts → react (npm); app.test.ts → app.ts; cli.ts → util.ts
const links = [
  ['src/main.ts', 'src/app.ts'],
  ['src/app.ts', 'src/util.ts'],
  ['src/app.test.ts', 'src/app.ts'],
  ['src/cli.ts', 'src/util.ts'],
] as const
const react = { from: 'src/app.ts', ecosystem: 'npm', name: 'react', specifier: 'react', line: 2 }
const missing = { from: 'src/app.ts', specifier: './gone', line: 3, reason: 'no file ./gone(.ts|.tsx|.js|…)' }

describe('the dependency graph of one file', () => {
  it('puts the imports to the right, the dependents to the left and packages beside the imports', () => {
    const graph = startGraph('src/app.ts', neighbours('src/app.ts', links, { external: [react], unresolved: [missing] }))
    expect(columns(graph)).toEqual({
      'file:src/app.ts': 0,
      'file:src/util.ts': 1,
      'file:src/main.ts': -1,
      'file:src/app.test.ts': -1,
      'pkg:npm:react': 1,
    })
    expect([...graph.edges.values()].map((e) => `${e.from} → ${e.to}`)).toEqual([
      'file:src/app.ts → file:src/util.ts',
      'file:src/main.ts → file:src/app.ts',
      'file:src/app.test.ts → file:src/app.ts',
      'file:src/app.ts → pkg:npm:react',
    ])
    expect(graph.nodes.get(packageId('npm', 'react'))).toMatchObject({ kind: 'external', name: 'react', ecosystem: 'npm' })
    expect(graph.unresolved).toEqual([missing])
    expect([...graph.expanded]).toEqual([fileId('src/app.ts')])
  })

  it('grows outwards when a node is expanded, leaving what is drawn where it was', () => {
    const start = startGraph('src/app.ts', neighbours('src/app.ts', links, { external: [react], unresolved: [missing] }))
    const grown = mergeNeighbours(start, 'src/util.ts', neighbours('src/util.ts', links))
    // util.ts's other dependent is one step left of util.ts: the centre's column.
    expect(columns(grown)).toMatchObject({ 'file:src/util.ts': 1, 'file:src/cli.ts': 0, 'file:src/app.ts': 0 })
    expect(grown.edges.has(`${fileId('src/cli.ts')}\0${fileId('src/util.ts')}`)).toBe(true)
    expect(grown.edges.size).toBe(start.edges.size + 1)
    expect([...grown.expanded]).toEqual([fileId('src/app.ts'), fileId('src/util.ts')])
    // The graph it grew from is untouched.
    expect(start.nodes.has(fileId('src/cli.ts'))).toBe(false)

    const further = mergeNeighbours(grown, 'src/main.ts', neighbours('src/main.ts', [...links, ['src/boot.ts', 'src/main.ts']]))
    expect(columns(further)['file:src/boot.ts']).toBe(-2)
  })

  it('places files found several steps away by their depth', () => {
    const deep = neighbours('src/app.ts', [])
    const graph = startGraph('src/app.ts', {
      ...deep,
      imports: { ...deep.imports, depth: 2, files: [{ path: 'b.ts', depth: 1 }, { path: 'c.ts', depth: 2 }], edges: [
        { from: 'src/app.ts', to: 'b.ts', depth: 1, specifier: './b', line: 1, typeOnly: false },
        { from: 'b.ts', to: 'c.ts', depth: 2, specifier: './c', line: 1, typeOnly: false },
      ] },
    })
    expect(columns(graph)).toEqual({ 'file:src/app.ts': 0, 'file:b.ts': 1, 'file:c.ts': 2 })
  })

  it('merges repeated imports into one arrow, type-only only when all of them are', () => {
    const both = neighbours('a.ts', [['a.ts', 'b.ts']])
    const typeEdge = { from: 'a.ts', to: 'b.ts', depth: 1, specifier: './b', line: 1, typeOnly: true }
    const valueEdge = { ...typeEdge, line: 2, typeOnly: false }
    const graph = startGraph('a.ts', { ...both, imports: { ...both.imports, edges: [typeEdge] } })
    expect([...graph.edges.values()][0]?.typeOnly).toBe(true)
    const mixed = mergeNeighbours(graph, 'a.ts', { ...both, imports: { ...both.imports, edges: [typeEdge, valueEdge] } })
    expect(mixed.edges.size).toBe(1)
    expect([...mixed.edges.values()][0]?.typeOnly).toBe(false)
  })

  it('lists each unresolved import once, and never as a node or an arrow', () => {
    const first = startGraph('src/app.ts', neighbours('src/app.ts', links, { unresolved: [missing] }))
    const again = mergeNeighbours(first, 'src/app.ts', neighbours('src/app.ts', links, { unresolved: [missing, { ...missing, line: 9 }] }))
    expect(again.unresolved.map((u) => u.line)).toEqual([3, 9])
    expect([...again.nodes.keys()].some((id) => id.includes('gone'))).toBe(false)
  })

  it('refuses to expand a file that is not drawn', () => {
    const graph = startGraph('a.ts', neighbours('a.ts', []))
    expect(() => mergeNeighbours(graph, 'z.ts', neighbours('z.ts', []))).toThrow(/z.ts is not in the graph/)
  })
})
