import { useCallback, useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react'
import { useApi } from '../../api/api-context'
import { formatCount } from '../../lib/format'
import { layoutGraph } from './dep-graph-layout'
import { mergeNeighbours, nodeTitle, startGraph, type DepGraph, type GraphNode, type Neighbours } from './dep-graph-model'
import { GraphCanvas, type NodeDegree, type NodeLoad } from './GraphCanvas'
import { colourByFolder, colourByOwner, type ColourMode } from './graph-colours'
import { GraphLegend } from './GraphLegend'
import { loadNeighbours } from './load-neighbours'
import { PathLabel } from './PathLabel'
import type { TopOwnerLoader } from './top-owner-loader'
import { UnresolvedImports } from './UnresolvedImports'

/** More nodes than this make an unreadable picture and a slow page; the rest are counted. */
export const MAX_DRAWN_NODES = 200

const colourModes: readonly { readonly mode: ColourMode; readonly label: string }[] = [
  { mode: 'folder', label: 'Folder' },
  { mode: 'owner', label: 'Owner' },
]

interface DependencyGraphProps {
  readonly repoId: number
  readonly path: string
  readonly neighbours: Neighbours
  readonly topOwners: TopOwnerLoader
  readonly onSelect: (path: string) => void
}

/**
 * The selected file among what it imports and what imports it. Expanding a node adds that file's
 * own imports and dependents; the graph only grows, and nothing drawn moves when it does.
 */
export function DependencyGraph({ repoId, path, neighbours, topOwners, onSelect }: DependencyGraphProps) {
  const api = useApi()
  const id = useId()
  const [base, setBase] = useState(neighbours)
  const [graph, setGraph] = useState(() => startGraph(path, neighbours))
  const [loads, setLoads] = useState<ReadonlyMap<string, NodeLoad>>(() => new Map())
  const [mode, setMode] = useState<ColourMode>('folder')
  const [activeId, setActiveId] = useState(graph.centre)
  const [status, setStatus] = useState('')

  // A fresh answer (after a re-index) starts the picture again.
  if (base !== neighbours) {
    const fresh = startGraph(path, neighbours)
    setBase(neighbours)
    setGraph(fresh)
    setLoads(new Map())
    setActiveId(fresh.centre)
  }

  const layout = useMemo(() => layoutGraph(graph, MAX_DRAWN_NODES), [graph])
  const drawn = useMemo(() => [...graph.nodes.values()].filter((node) => layout.byId.has(node.id)), [graph, layout])
  const degrees = useMemo(() => degreesOf(graph), [graph])
  const owners = useSyncExternalStore(topOwners.subscribe, topOwners.snapshot)
  const drawnFiles = useMemo(() => drawn.flatMap((node) => (node.kind === 'file' ? [node.path] : [])), [drawn])

  // Owners are asked for only when they colour the graph, and only for the files drawn.
  useEffect(() => {
    if (mode === 'owner') topOwners.want(drawnFiles)
  }, [mode, drawnFiles, topOwners])

  const colouring = useMemo(() => (mode === 'folder' ? colourByFolder(drawn) : colourByOwner(drawn, owners.get)), [mode, drawn, owners])

  const expand = useCallback(
    (nodeId: string) => {
      const node = graph.nodes.get(nodeId)
      if (node?.kind !== 'file' || graph.expanded.has(nodeId) || loads.get(nodeId)?.kind === 'loading') return
      setLoads((known) => new Map(known).set(nodeId, { kind: 'loading' }))
      setStatus(`Loading the imports and dependents of ${node.path}…`)
      void loadNeighbours(api, repoId, node.path)
        .catch((error: unknown) => ({ ok: false as const, error: { code: 'internal' as const, message: String(error) } }))
        .then((result) => {
          setLoads((known) => {
            const next = new Map(known)
            if (result.ok) next.delete(nodeId)
            else next.set(nodeId, { kind: 'failed', error: result.error })
            return next
          })
          if (!result.ok) {
            setStatus(`Could not expand ${node.path}: ${result.error.message}`)
            return
          }
          // The graph may have started again meanwhile (a re-index); then this answer has no place.
          setGraph((current) => (current.nodes.has(nodeId) ? mergeNeighbours(current, node.path, result.value) : current))
          const found = result.value.imports.files.length + result.value.imports.external.length + result.value.dependents.files.length
          setStatus(`Expanded ${node.path}: ${found === 1 ? '1 import or dependent' : `${found} imports and dependents`}.`)
        })
    },
    [api, repoId, graph, loads],
  )

  const open = useCallback(
    (nodeId: string) => {
      const node = graph.nodes.get(nodeId)
      if (node?.kind === 'file' && nodeId !== graph.centre) onSelect(node.path)
    },
    [graph, onSelect],
  )

  const active = graph.nodes.get(activeId) ?? graph.nodes.get(graph.centre)

  return (
    <div className="dep-graph" data-testid="dep-graph" data-nodes={graph.nodes.size} data-drawn={layout.nodes.length}>
      <GraphCanvas
        layout={layout}
        colours={colouring.colours}
        centre={graph.centre}
        activeId={activeId}
        expanded={graph.expanded}
        loads={loads}
        degrees={degrees}
        label={`Dependencies of ${path}`}
        onActivate={setActiveId}
        onExpand={expand}
        onOpen={open}
        toolbar={
          <fieldset className="segmented" data-testid="graph-colour-mode" data-value={mode}>
            <legend className="visually-hidden">Colour files by</legend>
            {colourModes.map((choice) => (
              <label key={choice.mode} className={choice.mode === mode ? 'segment segment--on' : 'segment'} data-testid={`graph-colour-${choice.mode}`}>
                <input
                  type="radio"
                  name={`${id}-colour`}
                  value={choice.mode}
                  checked={choice.mode === mode}
                  onChange={() => setMode(choice.mode)}
                  className="visually-hidden"
                />
                By {choice.label.toLowerCase()}
              </label>
            ))}
          </fieldset>
        }
      />
      {layout.hidden > 0 && (
        <p className="graph-note" data-testid="graph-more" data-hidden={layout.hidden}>
          +{formatCount(layout.hidden)} more not drawn: the graph shows the {MAX_DRAWN_NODES} files and packages nearest to {path}.
        </p>
      )}
      {graph.nodes.size === 1 && (
        <p className="graph-note muted" data-testid="graph-alone">
          It imports no file of the repository, and no file imports it.
        </p>
      )}
      {active && (
        <ActiveNode
          node={active}
          isCentre={active.id === graph.centre}
          expanded={graph.expanded.has(active.id)}
          load={loads.get(active.id)}
          degree={degrees.get(active.id)}
          onExpand={() => expand(active.id)}
          onOpen={() => open(active.id)}
        />
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <div className="graph-footer">
        <GraphLegend mode={mode} colouring={colouring} />
        <p className="hint graph-hint">
          Choose a file to add its imports and dependents. Arrow keys move between nodes, Enter expands one, O (or a double-click) opens it in the
          tree. Zoom with the wheel or + and −; drag to move.
        </p>
      </div>
      <UnresolvedImports items={graph.unresolved} />
    </div>
  )
}

interface ActiveNodeProps {
  readonly node: GraphNode
  readonly isCentre: boolean
  readonly expanded: boolean
  readonly load: NodeLoad | undefined
  readonly degree: NodeDegree | undefined
  readonly onExpand: () => void
  readonly onOpen: () => void
}

/** The node in focus: what it is, and the actions on it as plain buttons. */
function ActiveNode({ node, isCentre, expanded, load, degree, onExpand, onOpen }: ActiveNodeProps) {
  const imports = degree?.imports ?? 0
  const importedBy = degree?.importedBy ?? 0
  return (
    <div className="graph-focus" data-testid="graph-focus" data-id={node.id}>
      <div className="graph-focus-what">
        {node.kind === 'file' ? (
          <span className="graph-focus-path">
            <PathLabel path={node.path} />
          </span>
        ) : (
          <span className="graph-focus-path">
            <strong>{nodeTitle(node)}</strong> <span className="muted">{node.ecosystem || 'external'} package</span>
          </span>
        )}
        <span className="graph-focus-meta muted">
          {node.kind === 'file'
            ? `${imports} ${imports === 1 ? 'import' : 'imports'} · ${importedBy} ${importedBy === 1 ? 'dependent' : 'dependents'} in the graph`
            : `imported by ${importedBy} ${importedBy === 1 ? 'file' : 'files'} in the graph; packages are outside the repository`}
        </span>
        {load?.kind === 'failed' && (
          <span className="graph-focus-note" data-testid="graph-focus-error">
            {load.error.message}
          </span>
        )}
      </div>
      {node.kind === 'file' && (
        <div className="graph-focus-actions">
          {!expanded && (
            <button type="button" className="button button--small" onClick={onExpand} disabled={load?.kind === 'loading'} data-testid="graph-expand">
              {load?.kind === 'loading' ? 'Expanding…' : load?.kind === 'failed' ? 'Try again' : 'Expand'}
            </button>
          )}
          {!isCentre && (
            <button type="button" className="button button--small" onClick={onOpen} data-testid="graph-open">
              Open in tree
            </button>
          )}
        </div>
      )}
    </div>
  )
}

/** How many drawn arrows leave and enter each node. */
function degreesOf(graph: DepGraph): ReadonlyMap<string, NodeDegree> {
  const degrees = new Map<string, { imports: number; importedBy: number }>()
  const of = (nodeId: string) => {
    let degree = degrees.get(nodeId)
    if (!degree) {
      degree = { imports: 0, importedBy: 0 }
      degrees.set(nodeId, degree)
    }
    return degree
  }
  for (const edge of graph.edges.values()) {
    of(edge.from).imports++
    of(edge.to).importedBy++
  }
  return degrees
}
