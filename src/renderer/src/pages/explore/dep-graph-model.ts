import type { DependencyReport, UnresolvedImport } from '../../../../shared/code-graph-types'

/**
 * The dependency graph drawn around one file, as it grows when nodes are expanded. Each node has a
 * column: 0 for the selected file, positive for what it imports (1 = imported directly), negative for
 * what imports it. A node keeps the column it was first given, so expanding never moves what is there.
 */

export type GraphNode =
  | { readonly kind: 'file'; readonly id: string; readonly path: string; readonly column: number }
  | { readonly kind: 'external'; readonly id: string; readonly ecosystem: string; readonly name: string; readonly column: number }

/** One "imports" arrow: `from` imports `to`. */
export interface GraphEdge {
  readonly id: string
  readonly from: string
  readonly to: string
  /** Every import behind the arrow is type-only (TypeScript `import type`). */
  readonly typeOnly: boolean
}

export interface DepGraph {
  /** The node id of the selected file. */
  readonly centre: string
  /** In the order the nodes were found: the centre first. */
  readonly nodes: ReadonlyMap<string, GraphNode>
  readonly edges: ReadonlyMap<string, GraphEdge>
  /** Imports of the expanded files that did not resolve to a file or a package; never drawn. */
  readonly unresolved: readonly UnresolvedImport[]
  /** Files whose imports and dependents are in the graph. */
  readonly expanded: ReadonlySet<string>
}

/** A file's imports and its dependents, as two `code:deps` answers. */
export interface Neighbours {
  readonly imports: DependencyReport
  readonly dependents: DependencyReport
}

/** Node ids carry their kind, so a file path can never be taken for a package. */
export function fileId(path: string): string {
  return `file:${path}`
}

export function packageId(ecosystem: string, name: string): string {
  return `pkg:${ecosystem}:${name}`
}

/** The graph of one file before anything is expanded. */
export function startGraph(path: string, neighbours: Neighbours): DepGraph {
  const centre = fileId(path)
  const empty: DepGraph = {
    centre,
    nodes: new Map([[centre, { kind: 'file', id: centre, path, column: 0 }]]),
    edges: new Map(),
    unresolved: [],
    expanded: new Set(),
  }
  return mergeNeighbours(empty, path, neighbours)
}

/**
 * Adds a file's imports (to its right) and dependents (to its left) to the graph and marks it
 * expanded. Files already drawn stay where they are; new ones go one column further per step.
 */
export function mergeNeighbours(graph: DepGraph, path: string, neighbours: Neighbours): DepGraph {
  const anchor = graph.nodes.get(fileId(path))
  if (!anchor) throw new Error(`${path} is not in the graph`)
  const nodes = new Map(graph.nodes)
  const edges = new Map(graph.edges)

  const addFile = (file: string, column: number): void => {
    const id = fileId(file)
    if (!nodes.has(id)) nodes.set(id, { kind: 'file', id, path: file, column })
  }
  const addEdge = (from: string, to: string, typeOnly: boolean): void => {
    const id = `${from}\0${to}`
    const known = edges.get(id)
    // Two imports between the same files (a type import and a value import) make one arrow.
    edges.set(id, { id, from, to, typeOnly: known ? known.typeOnly && typeOnly : typeOnly })
  }

  const { imports, dependents } = neighbours
  for (const file of imports.files) addFile(file.path, anchor.column + file.depth)
  for (const file of dependents.files) addFile(file.path, anchor.column - file.depth)
  for (const edge of [...imports.edges, ...dependents.edges]) {
    // Edges name only files of the two answers, but a malformed answer must not draw an arrow into nothing.
    if (nodes.has(fileId(edge.from)) && nodes.has(fileId(edge.to))) addEdge(fileId(edge.from), fileId(edge.to), edge.typeOnly)
  }
  for (const pkg of imports.external) {
    const importer = nodes.get(fileId(pkg.from))
    if (!importer) continue
    const id = packageId(pkg.ecosystem, pkg.name)
    if (!nodes.has(id)) nodes.set(id, { kind: 'external', id, ecosystem: pkg.ecosystem, name: pkg.name, column: importer.column + 1 })
    addEdge(importer.id, id, false)
  }

  const seen = new Set(graph.unresolved.map(unresolvedKey))
  const unresolved = [...graph.unresolved]
  for (const item of imports.unresolved) {
    const key = unresolvedKey(item)
    if (seen.has(key)) continue
    seen.add(key)
    unresolved.push(item)
  }

  return { centre: graph.centre, nodes, edges, unresolved, expanded: new Set(graph.expanded).add(anchor.id) }
}

function unresolvedKey(item: UnresolvedImport): string {
  return `${item.from}\0${item.line}\0${item.specifier}`
}

/** What a node is called: a file's path, a package's name. */
export function nodeTitle(node: GraphNode): string {
  return node.kind === 'file' ? node.path : node.name
}
