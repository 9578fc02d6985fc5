import type { Bounds } from './dep-graph-layout'

/**
 * What part of the graph the canvas shows: the graph point at the canvas centre and the scale
 * (pixels per graph unit). The SVG viewBox follows from it and the canvas size, so the picture is
 * never stretched and zooming keeps the point under the pointer where it is.
 */
export interface Viewport {
  readonly cx: number
  readonly cy: number
  readonly scale: number
}

export interface Size {
  readonly width: number
  readonly height: number
}

export const MIN_SCALE = 0.05
export const MAX_SCALE = 4
/** One press of a zoom button. */
export const ZOOM_STEP = 1.25

function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale))
}

/** Smaller than this, a node's name cannot be read. */
export const MIN_FIT_SCALE = 0.45

/**
 * The whole graph in view, never enlarged past its natural size (a small graph stays small). A graph
 * too big to fit legibly is shown at the smallest legible scale around `focus` (the selected file).
 */
export function fitViewport(bounds: Bounds, size: Size, focus?: { readonly x: number; readonly y: number }): Viewport {
  const fit = Math.min(1, size.width / bounds.width, size.height / bounds.height)
  if (focus && fit < MIN_FIT_SCALE) return { cx: focus.x, cy: focus.y, scale: MIN_FIT_SCALE }
  return { cx: bounds.x + bounds.width / 2, cy: bounds.y + bounds.height / 2, scale: clampScale(fit) }
}

/**
 * Zooms by `factor` keeping the graph point under `anchor` (pixels from the canvas's top-left) in
 * place; without an anchor, around the canvas centre.
 */
export function zoomViewport(view: Viewport, factor: number, size: Size, anchor?: { readonly x: number; readonly y: number }): Viewport {
  const scale = clampScale(view.scale * factor)
  const ax = (anchor?.x ?? size.width / 2) - size.width / 2
  const ay = (anchor?.y ?? size.height / 2) - size.height / 2
  // The graph point under the anchor, before and after, must be the same.
  const px = view.cx + ax / view.scale
  const py = view.cy + ay / view.scale
  return { cx: px - ax / scale, cy: py - ay / scale, scale }
}

/** Moves the picture by a drag of (dx, dy) pixels. */
export function panViewport(view: Viewport, dx: number, dy: number): Viewport {
  return { ...view, cx: view.cx - dx / view.scale, cy: view.cy - dy / view.scale }
}

/** Centres a box if any of it is out of view; otherwise leaves the view alone. */
export function revealBox(view: Viewport, size: Size, box: Bounds): Viewport {
  const [x, y, w, h] = viewBoxNumbers(view, size)
  const inside = box.x >= x && box.y >= y && box.x + box.width <= x + w && box.y + box.height <= y + h
  return inside ? view : { ...view, cx: box.x + box.width / 2, cy: box.y + box.height / 2 }
}

function viewBoxNumbers(view: Viewport, size: Size): [number, number, number, number] {
  const width = size.width / view.scale
  const height = size.height / view.scale
  return [view.cx - width / 2, view.cy - height / 2, width, height]
}

/** The SVG viewBox attribute for a viewport on a canvas of this size. */
export function viewBoxOf(view: Viewport, size: Size): string {
  return viewBoxNumbers(view, size)
    .map((n) => Math.round(n * 100) / 100)
    .join(' ')
}

/** The wheel's zoom factor: smooth for trackpads, about one button press per mouse notch. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  // deltaMode 1 counts lines, 2 pages; 0 (pixels) is the usual.
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY
  return Math.exp(-Math.max(-200, Math.min(200, pixels)) * 0.0022)
}
