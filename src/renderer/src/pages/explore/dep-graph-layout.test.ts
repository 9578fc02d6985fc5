import { describe, expect, it } from 'vitest'
import { edgePath, layoutGraph, NODE_HEIGHT, NODE_WIDTH, neighbourOf, shortenEnd, shortenStart } from './dep-graph-layout'
import { fileId, packageId, type DepGraph, type GraphNode } from './dep-graph-model'

function graphOf(centre: string, nodes: readonly GraphNode[], edges: readonly (readonly [string, string])[] = []): DepGraph {
  const all = [{ kind: 'file', id: fileId(centre), path: centre, column: 0 } as const, ...nodes]
  return {
    centre: fileId(centre),
    nodes: new Map(all.map((node) => [node.id, node])),
    edges: new Map(edges.map(([from, to]) => [`${from}\0${to}`, { id: `${from}\0${to}`, from, to, typeOnly: false }])),
    unresolved: [],
    expanded: new Set([fileId(centre)]),
  }
}
const file = (path: string, column: number): GraphNode => ({ kind: 'file', id: fileId(path), path, column })

describe('laying out the dependency graph', () => {
  it('draws dependents left of the file and imports right, each column sorted by path, packages last', () => {
    const graph = graphOf('src/app.ts', [
      file('src/z.ts', 1),
      { kind: 'external', id: packageId('npm', 'react'), ecosystem: 'npm', name: 'react', column: 1 },
      file('src/b.ts', 1),
      file('test/app.test.ts', -1),
      file('src/main.ts', -1),
    ])
    const layout = layoutGraph(graph)
    expect(layout.columns.map((column) => column.map((id) => id.replace(/^file:/, '')))).toEqual([
      ['src/main.ts', 'test/app.test.ts'],
      ['src/app.ts'],
      ['src/b.ts', 'src/z.ts', 'pkg:npm:react'],
    ])
    const x = (id: string) => layout.byId.get(id)?.x ?? NaN
    expect(x(fileId('src/main.ts'))).toBeLessThan(x(fileId('src/app.ts')))
    expect(x(fileId('src/b.ts'))).toBeGreaterThan(x(fileId('src/app.ts')))
    expect(layout.byId.get(fileId('src/app.ts'))).toMatchObject({ y: -NODE_HEIGHT / 2, label: 'app.ts', sublabel: 'src' })
    expect(layout.byId.get(packageId('npm', 'react'))).toMatchObject({ label: 'react', sublabel: 'npm package' })
    expect(layout.hidden).toBe(0)
  })

  it('gives the same picture whatever order the nodes were found in', () => {
    const nodes = [file('b.ts', 1), file('a.ts', 1), file('c.ts', -1), file('d.ts', -2)]
    const one = layoutGraph(graphOf('x.ts', nodes))
    const other = layoutGraph(graphOf('x.ts', [...nodes].reverse()))
    expect(other.nodes.map((n) => [n.node.id, n.x, n.y])).toEqual(one.nodes.map((n) => [n.node.id, n.x, n.y]))
    expect(other.bounds).toEqual(one.bounds)
  })

  it('draws at most the nearest nodes, both sides in turn, and counts the rest', () => {
    const dependents = Array.from({ length: 300 }, (_, i) => file(`dep/${String(i).padStart(3, '0')}.ts`, -1))
    const imports = Array.from({ length: 5 }, (_, i) => file(`lib/${i}.ts`, 1))
    const far = file('far.ts', 2)
    const graph = graphOf('x.ts', [...dependents, ...imports, far], [
      [fileId('dep/000.ts'), fileId('x.ts')],
      [fileId('dep/299.ts'), fileId('x.ts')],
    ])
    const layout = layoutGraph(graph, 200)
    expect(layout.nodes).toHaveLength(200)
    expect(layout.hidden).toBe(307 - 200)
    const shown = new Set(layout.nodes.map((n) => n.node.id))
    expect(shown.has(fileId('x.ts'))).toBe(true)
    expect(imports.every((node) => shown.has(node.id))).toBe(true)
    expect(shown.has(far.id)).toBe(false)
    expect(shown.has(fileId('dep/000.ts'))).toBe(true)
    expect(shown.has(fileId('dep/299.ts'))).toBe(false)
    // An arrow is drawn only when both of its ends are.
    expect(layout.edges.map((e) => e.edge.from)).toEqual([fileId('dep/000.ts')])
  })

  it('lays out thousands of nodes quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) => file(`f/${i}.ts`, (i % 6) - 3 || 1))
    const edges = many.map((node) => [node.id, fileId('x.ts')] as const)
    const started = performance.now()
    const layout = layoutGraph(graphOf('x.ts', many, edges), 200)
    expect(layout.nodes).toHaveLength(200)
    expect(performance.now() - started).toBeLessThan(200)
  })

  it('draws arrows from the importer to the facing side of the imported node', () => {
    const left = { x: 0, y: 0 }
    const right = { x: 290, y: 52 }
    expect(edgePath(left, right)).toBe(`M${NODE_WIDTH} ${NODE_HEIGHT / 2} C${(NODE_WIDTH + 290) / 2} 20 ${(NODE_WIDTH + 290) / 2} 72 290 72`)
    expect(edgePath(right, left).startsWith('M290 72')).toBe(true)
    expect(edgePath(right, left).endsWith(`${NODE_WIDTH} 20`)).toBe(true)
    // Same column: out of the right side and back in.
    expect(edgePath({ x: 0, y: 0 }, { x: 0, y: 104 })).toMatch(/^M200 20 C\d+ 20 \d+ 124 200 124$/)
  })

  it('moves between nodes with the arrow keys', () => {
    const layout = layoutGraph(graphOf('x.ts', [file('a.ts', 1), file('b.ts', 1), file('c.ts', 1), file('d.ts', -1)]))
    expect(neighbourOf(layout, fileId('a.ts'), 'down')).toBe(fileId('b.ts'))
    expect(neighbourOf(layout, fileId('a.ts'), 'up')).toBeNull()
    expect(neighbourOf(layout, fileId('x.ts'), 'right')).toBe(fileId('b.ts'))
    expect(neighbourOf(layout, fileId('x.ts'), 'left')).toBe(fileId('d.ts'))
    expect(neighbourOf(layout, fileId('d.ts'), 'left')).toBeNull()
    expect(neighbourOf(layout, 'nothing', 'left')).toBeNull()
  })

  it('shortens names at the end and folders at the start', () => {
    expect(shortenEnd('short.ts', 10)).toBe('short.ts')
    expect(shortenEnd('a-very-long-file-name.ts', 10)).toBe('a-very-lo…')
    expect(shortenStart('src/deep/nested/folder', 12)).toBe('…sted/folder')
    expect(shortenStart('src', 12)).toBe('src')
  })
})
