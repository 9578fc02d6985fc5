import type { DepGraph, GraphEdge, GraphNode } from './dep-graph-model'

/**
 * Where each node of a dependency graph is drawn: one column per step from the selected file
 * (dependents left, imports right), nodes in a column sorted by path. The same graph always gives
 * the same picture, and nothing here depends on hover or focus, so it is computed once per graph.
 */

export const NODE_WIDTH = 200
export const NODE_HEIGHT = 40
const COLUMN_PITCH = 290
const ROW_PITCH = 52
/** Room for the arrows that leave and re-enter one column. */
const MARGIN = 48

export interface LayoutNode {
  readonly node: GraphNode
  /** Top-left corner, in graph units. */
  readonly x: number
  readonly y: number
  /** The first line: a file's name, a package's name; shortened to fit. */
  readonly label: string
  /** The second line: the file's folder, or the package's ecosystem; shortened to fit. */
  readonly sublabel: string
}

export interface LayoutEdge {
  readonly edge: GraphEdge
  /** An SVG path from the importer to the imported node. */
  readonly d: string
}

export interface Bounds {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface GraphLayout {
  readonly nodes: readonly LayoutNode[]
  readonly byId: ReadonlyMap<string, LayoutNode>
  readonly edges: readonly LayoutEdge[]
  /** Node ids per drawn column, top to bottom, columns left to right (for arrow-key moves). */
  readonly columns: readonly (readonly string[])[]
  /** Nodes in the graph but left out of the picture. */
  readonly hidden: number
  readonly bounds: Bounds
}

/** Centre first, then files by path, then packages by name: a stable order within a column. */
function compareInColumn(centre: string): (a: GraphNode, b: GraphNode) => number {
  const rank = (node: GraphNode) => (node.id === centre ? 0 : node.kind === 'file' ? 1 : 2)
  const key = (node: GraphNode) => (node.kind === 'file' ? node.path : `${node.ecosystem}\0${node.name}`)
  return (a, b) => rank(a) - rank(b) || compareText(key(a), key(b))
}

/** Plain code-unit order: the same on every machine, whatever the locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Lays out the graph, drawing at most `maxNodes` nodes: the nearest columns first, and within one
 * distance the two sides in turn, so a file with hundreds of dependents still shows its imports.
 */
export function layoutGraph(graph: DepGraph, maxNodes = 200): GraphLayout {
  const byColumn = new Map<number, GraphNode[]>()
  for (const node of graph.nodes.values()) {
    const list = byColumn.get(node.column)
    if (list) list.push(node)
    else byColumn.set(node.column, [node])
  }
  const order = compareInColumn(graph.centre)
  for (const list of byColumn.values()) list.sort(order)

  // Rank every node by (distance, place in its column, side) and keep the first maxNodes.
  const ranked: { node: GraphNode; distance: number; index: number; side: number }[] = []
  for (const [column, list] of byColumn) list.forEach((node, index) => ranked.push({ node, distance: Math.abs(column), index, side: column < 0 ? 1 : 0 }))
  ranked.sort((a, b) => a.distance - b.distance || a.index - b.index || a.side - b.side)
  const shown = new Set(ranked.slice(0, Math.max(1, maxNodes)).map((entry) => entry.node.id))

  const nodes: LayoutNode[] = []
  const columns: string[][] = []
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    const list = (byColumn.get(column) ?? []).filter((node) => shown.has(node.id))
    if (list.length === 0) continue
    // The centre sits at the middle height; other columns are centred on it.
    const top = column === 0 ? -NODE_HEIGHT / 2 : -((list.length - 1) * ROW_PITCH) / 2 - NODE_HEIGHT / 2
    const x = column * COLUMN_PITCH - NODE_WIDTH / 2
    list.forEach((node, i) => nodes.push({ node, x, y: top + i * ROW_PITCH, ...labelsOf(node) }))
    columns.push(list.map((node) => node.id))
  }
  const byId = new Map(nodes.map((placed) => [placed.node.id, placed]))

  const edges: LayoutEdge[] = []
  for (const edge of graph.edges.values()) {
    const from = byId.get(edge.from)
    const to = byId.get(edge.to)
    if (from && to) edges.push({ edge, d: edgePath(from, to) })
  }

  return { nodes, byId, edges, columns, hidden: graph.nodes.size - nodes.length, bounds: boundsOf(nodes) }
}

/** A curve from the importer's side to the imported node's facing side; within one column, a loop out to the right. */
export function edgePath(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const fy = from.y + NODE_HEIGHT / 2
  const ty = to.y + NODE_HEIGHT / 2
  if (to.x > from.x) return curve(from.x + NODE_WIDTH, fy, to.x, ty)
  if (to.x < from.x) return curve(from.x, fy, to.x + NODE_WIDTH, ty)
  const sx = from.x + NODE_WIDTH
  const bulge = 30 + Math.min(Math.abs(ty - fy) * 0.25, 80)
  return `M${sx} ${fy} C${sx + bulge} ${fy} ${sx + bulge} ${ty} ${sx} ${ty}`
}

function curve(sx: number, sy: number, ex: number, ey: number): string {
  const mx = (sx + ex) / 2
  return `M${sx} ${sy} C${mx} ${sy} ${mx} ${ey} ${ex} ${ey}`
}

function boundsOf(nodes: readonly LayoutNode[]): Bounds {
  if (nodes.length === 0) return { x: -MARGIN, y: -MARGIN, width: 2 * MARGIN, height: 2 * MARGIN }
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const { x, y } of nodes) {
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x + NODE_WIDTH)
    maxY = Math.max(maxY, y + NODE_HEIGHT)
  }
  return { x: minX - MARGIN, y: minY - MARGIN, width: maxX - minX + 2 * MARGIN, height: maxY - minY + 2 * MARGIN }
}

// Characters that fit a node's width at the label sizes in explore.css (a little under, to be safe).
const LABEL_CHARS = 21
const SUBLABEL_CHARS = 28

function labelsOf(node: GraphNode): { label: string; sublabel: string } {
  if (node.kind === 'external') return { label: shortenEnd(node.name, LABEL_CHARS), sublabel: `${node.ecosystem || 'external'} package` }
  const cut = node.path.lastIndexOf('/')
  const dir = cut === -1 ? '' : node.path.slice(0, cut)
  return { label: shortenEnd(node.path.slice(cut + 1), LABEL_CHARS), sublabel: shortenStart(dir || '(top level)', SUBLABEL_CHARS) }
}

/** "averyveryverylongname.ts" → "averyveryverylo…": names keep their start. */
export function shortenEnd(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

/** "src/a/deep/folder" → "…/deep/folder": folders keep their end, nearest the file. */
export function shortenStart(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `…${chars.slice(chars.length - max + 1).join('')}`
}

/** The node to move to with an arrow key, from the node at `id`: same column up/down, nearest height left/right. */
export function neighbourOf(layout: GraphLayout, id: string, key: 'up' | 'down' | 'left' | 'right'): string | null {
  const at = layout.columns.findIndex((column) => column.includes(id))
  const column = layout.columns[at]
  if (!column) return null
  if (key === 'up' || key === 'down') return column[column.indexOf(id) + (key === 'up' ? -1 : 1)] ?? null
  const other = layout.columns[at + (key === 'left' ? -1 : 1)]
  const from = layout.byId.get(id)
  if (!other || !from) return null
  let best: string | null = null
  let bestGap = Infinity
  for (const candidate of other) {
    const gap = Math.abs((layout.byId.get(candidate)?.y ?? Infinity) - from.y)
    if (gap < bestGap) {
      best = candidate
      bestGap = gap
    }
  }
  return best
}
