import { describe, expect, it } from 'vitest'
import { colourOf } from '../../lib/owner-identity'
import { fileId, packageId, type GraphNode } from './dep-graph-model'
import { colourByFolder, colourByOwner, EXTERNAL_COLOUR, NO_OWNER_COLOUR, PENDING_COLOUR, topFolderOf, type TopOwner } from './graph-colours'

const file = (path: string): GraphNode => ({ kind: 'file', id: fileId(path), path, column: 0 })
const react: GraphNode = { kind: 'external', id: packageId('npm', 'react'), ecosystem: 'npm', name: 'react', column: 1 }

describe('colouring the graph by folder', () => {
  it('names the top-level folder, and puts top-level files together', () => {
    expect(topFolderOf('src/app/main.ts')).toBe('src')
    expect(topFolderOf('setup.py')).toBe('(top level)')
  })

  it('gives each folder its own colour, in the order the folders appear, with counts in the legend', () => {
    const nodes = [file('src/a.ts'), file('test/a.test.ts'), file('src/b.ts'), react, file('main.ts')]
    const { colours, legend, more } = colourByFolder(nodes)
    expect(colours.get(fileId('src/a.ts'))).toBe(colours.get(fileId('src/b.ts')))
    expect(colours.get(fileId('test/a.test.ts'))).not.toBe(colours.get(fileId('src/a.ts')))
    expect(colours.get(react.id)).toBe(EXTERNAL_COLOUR)
    expect(legend.map((entry) => [entry.label, entry.count, entry.shape])).toEqual([
      ['src/', 2, 'file'],
      ['(top level)', 1, 'file'],
      ['test/', 1, 'file'],
      ['Package outside the repository', 1, 'external'],
    ])
    expect(more).toBe(0)
    // Growing the graph keeps the colours already given.
    const grown = colourByFolder([...nodes, file('docs/x.ts'), file('bench/y.ts')])
    for (const node of nodes) expect(grown.colours.get(node.id)).toBe(colours.get(node.id))
  })

  it('keeps the legend short, counting the folders left out', () => {
    const nodes = Array.from({ length: 14 }, (_, i) => file(`f${String(i).padStart(2, '0')}/x.ts`))
    const { legend, more, colours } = colourByFolder(nodes)
    expect(legend).toHaveLength(10)
    expect(more).toBe(4)
    expect(new Set(colours.values()).size).toBe(14)
  })
})

describe('colouring the graph by owner', () => {
  it('uses each owner’s badge colour and says which files have no owner yet', () => {
    const owners = new Map<string, TopOwner>([
      ['src/a.ts', { kind: 'owner', name: 'Ada', email: 'ada@example.com' }],
      ['src/b.ts', { kind: 'owner', name: 'Ada', email: 'ADA@example.com' }],
      ['src/c.ts', { kind: 'owner', name: 'Grace', email: 'grace@example.com' }],
      ['src/d.ts', { kind: 'none' }],
      ['src/e.ts', { kind: 'failed', message: 'database busy' }],
    ])
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => file(`src/${n}.ts`))
    const { colours, legend } = colourByOwner([...nodes, react], (path) => owners.get(path))
    expect(colours.get(fileId('src/a.ts'))).toBe(colourOf('ada@example.com'))
    expect(colours.get(fileId('src/d.ts'))).toBe(NO_OWNER_COLOUR)
    expect(colours.get(fileId('src/f.ts'))).toBe(PENDING_COLOUR)
    expect(legend.map((entry) => `${entry.label} ${entry.count}`)).toEqual([
      'Ada 2',
      'Grace 1',
      'No owner in history 1',
      'Owner loading 1',
      'Owner not loaded 1',
      'Package outside the repository 1',
    ])
  })
})
