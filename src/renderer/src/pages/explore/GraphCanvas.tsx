import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'
import type { BridgeError } from '../../../../shared/result'
import { NODE_HEIGHT, NODE_WIDTH, neighbourOf, type GraphLayout, type LayoutNode } from './dep-graph-layout'
import type { GraphNode } from './dep-graph-model'
import { fitViewport, panViewport, revealBox, viewBoxOf, wheelFactor, ZOOM_STEP, zoomViewport, type Size, type Viewport } from './graph-viewport'

/** Where a node's own imports and dependents are: on their way, or refused. */
export type NodeLoad = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly error: BridgeError }

export interface NodeDegree {
  readonly imports: number
  readonly importedBy: number
}

interface GraphCanvasProps {
  readonly layout: GraphLayout
  readonly colours: ReadonlyMap<string, string>
  readonly centre: string
  /** The node that takes Tab focus (roving tabindex) and whose arrows are highlighted. */
  readonly activeId: string
  readonly expanded: ReadonlySet<string>
  readonly loads: ReadonlyMap<string, NodeLoad>
  readonly degrees: ReadonlyMap<string, NodeDegree>
  readonly label: string
  /** Shown left of the zoom buttons. */
  readonly toolbar?: ReactNode
  readonly onActivate: (id: string) => void
  readonly onExpand: (id: string) => void
  readonly onOpen: (id: string) => void
}

const MIN_HEIGHT = 180
const MAX_HEIGHT = 460
/** A press that moves less than this is a click, not a drag. */
const DRAG_THRESHOLD = 4

const arrowKeys: Readonly<Record<string, 'up' | 'down' | 'left' | 'right'>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }

/**
 * The SVG picture of a laid-out graph, with zoom (wheel, buttons, keys) and drag to pan. Until the
 * user zooms or pans, the view follows the graph as it grows; Reset goes back to that. Moving the
 * view never re-renders the nodes: only the viewBox changes.
 */
export function GraphCanvas(props: GraphCanvasProps) {
  const { layout, centre, toolbar } = props
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '')
  const wrapRef = useRef<HTMLDivElement>(null)
  const svgRef = useRef<SVGSVGElement>(null)
  const nodesRef = useRef(new Map<string, SVGGElement>())
  const drag = useRef<{ readonly pointer: number; readonly x: number; readonly y: number; readonly moved: boolean } | null>(null)
  const justDraggedRef = useRef(false)
  const [width, setWidth] = useState(640)
  const [custom, setCustom] = useState<Viewport | null>(null)

  // As tall as the graph at its natural size, within limits: a two-node graph needs no 460px box.
  const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, layout.bounds.height)))
  const size = useMemo<Size>(() => ({ width, height }), [width, height])
  const centreNode = layout.byId.get(centre)
  const focus = centreNode ? { x: centreNode.x + NODE_WIDTH / 2, y: centreNode.y + NODE_HEIGHT / 2 } : undefined
  const fitted = fitViewport(layout.bounds, size, focus)
  const view = custom ?? fitted

  // The wheel listener is attached once and reads the latest fit and size from here.
  const latest = useRef({ fitted, size })
  useEffect(() => {
    latest.current = { fitted, size }
  })

  // Measured before the first paint, so the picture does not jump; then followed as the column resizes.
  useLayoutEffect(() => {
    const wrap = wrapRef.current
    if (!wrap) return
    const measure = (pixels: number) => setWidth(Math.max(200, Math.round(pixels)))
    measure(wrap.clientWidth)
    const observer = new ResizeObserver(([entry]) => {
      if (entry) measure(entry.contentRect.width)
    })
    observer.observe(wrap)
    return () => observer.disconnect()
  }, [])

  // React's onWheel is passive; zooming must stop the page from scrolling, so this one is not.
  useEffect(() => {
    const svg = svgRef.current
    if (!svg) return
    const onWheel = (event: WheelEvent) => {
      event.preventDefault()
      const rect = svg.getBoundingClientRect()
      const anchor = { x: event.clientX - rect.left, y: event.clientY - rect.top }
      const factor = wheelFactor(event.deltaY, event.deltaMode)
      setCustom((prev) => zoomViewport(prev ?? latest.current.fitted, factor, latest.current.size, anchor))
    }
    svg.addEventListener('wheel', onWheel, { passive: false })
    return () => svg.removeEventListener('wheel', onWheel)
  }, [])

  const zoomBy = (factor: number) => setCustom(zoomViewport(view, factor, size))
  const reset = () => setCustom(null)

  function onPointerDown(event: PointerEvent<SVGSVGElement>): void {
    if (event.button !== 0) return
    drag.current = { pointer: event.pointerId, x: event.clientX, y: event.clientY, moved: false }
    justDraggedRef.current = false
  }

  function onPointerMove(event: PointerEvent<SVGSVGElement>): void {
    const start = drag.current
    if (!start || start.pointer !== event.pointerId) return
    const dx = event.clientX - start.x
    const dy = event.clientY - start.y
    if (!start.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return
    if (!start.moved) event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { pointer: start.pointer, x: event.clientX, y: event.clientY, moved: true }
    setCustom((prev) => panViewport(prev ?? latest.current.fitted, dx, dy))
  }

  function onPointerUp(): void {
    // The click that follows a drag must not expand the node the drag started on.
    if (drag.current?.moved) justDraggedRef.current = true
    drag.current = null
  }

  const picture = usePicture(props, ids, nodesRef, justDraggedRef, (id) => {
    props.onActivate(id)
    nodesRef.current.get(id)?.focus({ preventScroll: true })
    const placed = layout.byId.get(id)
    if (!placed) return
    const box = { x: placed.x, y: placed.y, width: NODE_WIDTH, height: NODE_HEIGHT }
    setCustom((prev) => {
      const base = prev ?? latest.current.fitted
      const next = revealBox(base, latest.current.size, box)
      return next === base ? prev : next
    })
  }, (key) => {
    if (key === 'in') zoomBy(ZOOM_STEP)
    else if (key === 'out') zoomBy(1 / ZOOM_STEP)
    else reset()
  })

  return (
    <div className="graph-canvas-wrap">
      <div className="graph-toolbar">
        {toolbar}
        <div className="graph-zoom" role="group" aria-label="Zoom">
          <button type="button" className="button button--small graph-zoom-button" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label="Zoom out" data-testid="graph-zoom-out">
            −
          </button>
          <span className="graph-zoom-level" data-testid="graph-zoom-level" aria-live="polite">
            {Math.round(view.scale * 100)}%
          </span>
          <button type="button" className="button button--small graph-zoom-button" onClick={() => zoomBy(ZOOM_STEP)} aria-label="Zoom in" data-testid="graph-zoom-in">
            +
          </button>
          <button type="button" className="button button--small" onClick={reset} disabled={custom === null} data-testid="graph-zoom-reset">
            Reset view
          </button>
        </div>
      </div>
      <div className="graph-sides" aria-hidden="true">
        <span>← Files that import it</span>
        <span>What it imports →</span>
      </div>
      <div ref={wrapRef} className="graph-canvas" style={{ height }}>
        <svg
          ref={svgRef}
          className="graph-svg"
          width="100%"
          height={height}
          viewBox={viewBoxOf(view, size)}
          role="group"
          aria-label={props.label}
          data-testid="dep-graph-svg"
          data-scale={view.scale}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          {picture}
        </svg>
      </div>
    </div>
  )
}

/** The nodes and arrows, remade only when the graph, its colours or its states change (not on pan or zoom). */
function usePicture(
  props: GraphCanvasProps,
  ids: string,
  nodesRef: { readonly current: Map<string, SVGGElement> },
  justDraggedRef: { current: boolean },
  moveTo: (id: string) => void,
  zoomKey: (key: 'in' | 'out' | 'reset') => void,
): ReactNode {
  const { layout, colours, centre, activeId, expanded, loads, degrees, onActivate, onExpand, onOpen } = props
  // Handlers change every render; the picture calls the latest through this ref.
  const handlers = useRef({ moveTo, zoomKey, onActivate, onExpand, onOpen })
  useEffect(() => {
    handlers.current = { moveTo, zoomKey, onActivate, onExpand, onOpen }
  })
  const tabStop = layout.byId.has(activeId) ? activeId : centre

  return useMemo(() => {
    const onKeyDown = (event: KeyboardEvent<SVGGElement>, id: string) => {
      const direction = arrowKeys[event.key]
      const act = handlers.current
      if (direction) {
        event.preventDefault()
        const next = neighbourOf(layout, id, direction)
        if (next) act.moveTo(next)
      } else if (event.key === 'Home') {
        event.preventDefault()
        act.moveTo(centre)
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        act.onExpand(id)
      } else if (event.key === 'o' || event.key === 'O') {
        event.preventDefault()
        act.onOpen(id)
      } else if (event.key === '+' || event.key === '=') {
        act.zoomKey('in')
      } else if (event.key === '-') {
        act.zoomKey('out')
      } else if (event.key === '0') {
        act.zoomKey('reset')
      }
    }
    const onClick = (id: string) => {
      if (justDraggedRef.current) {
        justDraggedRef.current = false
        return
      }
      handlers.current.onActivate(id)
      handlers.current.onExpand(id)
    }
    return (
      <>
        <defs>
          <marker id={`${ids}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 1 L9 5 L0 9 z" className="graph-arrow" />
          </marker>
          <marker id={`${ids}-arrow-on`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 1 L9 5 L0 9 z" className="graph-arrow graph-arrow--on" />
          </marker>
        </defs>
        <g className="graph-edges" aria-hidden="true">
          {layout.edges.map(({ edge, d }) => {
            // Every arrow of a fresh graph touches the centre: highlighting them all would say nothing.
            const on = activeId !== centre && (edge.from === activeId || edge.to === activeId)
            return (
              <path
                key={edge.id}
                d={d}
                className={['graph-edge', edge.typeOnly && 'graph-edge--type', on && 'graph-edge--on'].filter(Boolean).join(' ')}
                markerEnd={`url(#${ids}-arrow${on ? '-on' : ''})`}
                data-testid="graph-edge"
                data-from={edge.from}
                data-to={edge.to}
              />
            )
          })}
        </g>
        <g className="graph-nodes">
          {layout.nodes.map((placed) => (
            <NodeView
              key={placed.node.id}
              placed={placed}
              colour={colours.get(placed.node.id) ?? '#9aa3b2'}
              isCentre={placed.node.id === centre}
              isActive={placed.node.id === activeId}
              tabbable={placed.node.id === tabStop}
              expanded={expanded.has(placed.node.id)}
              load={loads.get(placed.node.id)}
              degree={degrees.get(placed.node.id) ?? { imports: 0, importedBy: 0 }}
              setRef={(element) => {
                if (element) nodesRef.current.set(placed.node.id, element)
                else nodesRef.current.delete(placed.node.id)
              }}
              onClick={() => onClick(placed.node.id)}
              onDoubleClick={() => handlers.current.onOpen(placed.node.id)}
              onFocus={() => handlers.current.onActivate(placed.node.id)}
              onKeyDown={(event) => onKeyDown(event, placed.node.id)}
            />
          ))}
        </g>
      </>
    )
  }, [layout, colours, centre, activeId, tabStop, expanded, loads, degrees, ids, nodesRef, justDraggedRef])
}

interface NodeViewProps {
  readonly placed: LayoutNode
  readonly colour: string
  readonly isCentre: boolean
  readonly isActive: boolean
  readonly tabbable: boolean
  readonly expanded: boolean
  readonly load: NodeLoad | undefined
  readonly degree: NodeDegree
  readonly setRef: (element: SVGGElement | null) => void
  readonly onClick: () => void
  readonly onDoubleClick: () => void
  readonly onFocus: () => void
  readonly onKeyDown: (event: KeyboardEvent<SVGGElement>) => void
}

// The left edge of a file node: a colour band whose outer corners follow the box's rounding.
const STRIPE = `M7 0 V${NODE_HEIGHT} H6 A6 6 0 0 1 0 ${NODE_HEIGHT - 6} V6 A6 6 0 0 1 6 0 Z`

function NodeView({ placed, colour, isCentre, isActive, tabbable, expanded, load, degree, setRef, onClick, onDoubleClick, onFocus, onKeyDown }: NodeViewProps) {
  const { node, x, y, label, sublabel } = placed
  const external = node.kind === 'external'
  const state = external ? 'external' : load ? load.kind : expanded ? 'expanded' : 'collapsed'
  const classes = ['graph-node', `graph-node--${node.kind}`, isCentre && 'graph-node--centre', isActive && 'graph-node--active', `graph-node--${state}`]
  return (
    <g
      ref={setRef}
      className={classes.filter(Boolean).join(' ')}
      transform={`translate(${x} ${y})`}
      role="button"
      tabIndex={tabbable ? 0 : -1}
      aria-label={nodeName(node, degree, isCentre)}
      aria-expanded={external || isCentre ? undefined : expanded}
      aria-disabled={external || undefined}
      aria-busy={load?.kind === 'loading' || undefined}
      data-testid="graph-node"
      data-id={node.id}
      data-path={node.kind === 'file' ? node.path : undefined}
      data-package={node.kind === 'external' ? node.name : undefined}
      data-kind={node.kind}
      data-column={node.column}
      data-state={state}
      data-colour={colour}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      <title>{node.kind === 'file' ? node.path : `${node.name} (${node.ecosystem || 'external'} package)`}</title>
      {external ? (
        <rect className="graph-node-box" width={NODE_WIDTH} height={NODE_HEIGHT} rx={NODE_HEIGHT / 2} />
      ) : (
        <>
          <rect className="graph-node-box" width={NODE_WIDTH} height={NODE_HEIGHT} rx={6} />
          <path d={STRIPE} fill={colour} className="graph-node-stripe" />
        </>
      )}
      {external && <circle cx={18} cy={NODE_HEIGHT / 2} r={6} fill={colour} />}
      <text x={external ? 32 : 16} y={17} className="graph-node-label">
        {label}
      </text>
      <text x={external ? 32 : 16} y={32} className="graph-node-sublabel">
        {sublabel}
      </text>
      {!external && !isCentre && (
        <text x={NODE_WIDTH - 10} y={NODE_HEIGHT / 2 + 5} className="graph-node-mark" textAnchor="end" aria-hidden="true">
          {load?.kind === 'loading' ? '…' : load?.kind === 'failed' ? '!' : expanded ? '' : '+'}
        </text>
      )}
    </g>
  )
}

/** What a screen reader says for a node: the path, and how it connects within the drawn graph. */
export function nodeName(node: GraphNode, degree: NodeDegree, isCentre: boolean): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  if (node.kind === 'external') {
    return `${node.name}, ${node.ecosystem || 'external'} package outside the repository, imported by ${count(degree.importedBy, 'file', 'files')}`
  }
  const links = `${count(degree.imports, 'import', 'imports')} and ${count(degree.importedBy, 'dependent', 'dependents')} in the graph`
  return `${node.path}${isCentre ? ', the selected file' : ''}: ${links}`
}
