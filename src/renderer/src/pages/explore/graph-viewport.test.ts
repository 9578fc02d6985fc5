import { describe, expect, it } from 'vitest'
import { fitViewport, MAX_SCALE, MIN_FIT_SCALE, panViewport, revealBox, viewBoxOf, wheelFactor, zoomViewport } from './graph-viewport'

const canvas = { width: 800, height: 400 }

describe('the graph viewport', () => {
  it('shows a small graph at its natural size, centred', () => {
    const view = fitViewport({ x: -100, y: -50, width: 200, height: 100 }, canvas)
    expect(view).toEqual({ cx: 0, cy: 0, scale: 1 })
    expect(viewBoxOf(view, canvas)).toBe('-400 -200 800 400')
  })

  it('shrinks a large graph until all of it fits', () => {
    const view = fitViewport({ x: 0, y: 0, width: 1600, height: 2000 }, canvas)
    expect(view.scale).toBe(0.2)
    expect(viewBoxOf(view, canvas)).toBe('-1200 0 4000 2000')
  })

  it('shows a graph too big to read whole around the selected file, at a legible scale', () => {
    expect(fitViewport({ x: 0, y: 0, width: 800, height: 10_000 }, canvas, { x: 400, y: 5000 })).toEqual({ cx: 400, cy: 5000, scale: MIN_FIT_SCALE })
    expect(fitViewport({ x: 0, y: 0, width: 800, height: 400 }, canvas, { x: 10, y: 10 })).toEqual({ cx: 400, cy: 200, scale: 1 })
  })

  it('zooms around the pointer, keeping the point under it in place', () => {
    const view = { cx: 0, cy: 0, scale: 1 }
    const pointer = { x: 600, y: 100 }
    const under = (v: typeof view) => [v.cx + (pointer.x - 400) / v.scale, v.cy + (pointer.y - 200) / v.scale]
    const zoomed = zoomViewport(view, 2, canvas, pointer)
    expect(zoomed.scale).toBe(2)
    expect(under(zoomed)).toEqual(under(view))
    // Buttons zoom around the middle.
    expect(zoomViewport(view, 0.5, canvas)).toEqual({ cx: 0, cy: 0, scale: 0.5 })
  })

  it('stops zooming at the limits', () => {
    expect(zoomViewport({ cx: 0, cy: 0, scale: 3 }, 10, canvas).scale).toBe(MAX_SCALE)
    expect(zoomViewport({ cx: 0, cy: 0, scale: 0.1 }, 0.001, canvas).scale).toBeGreaterThan(0)
  })

  it('pans with a drag, the picture following the pointer', () => {
    expect(panViewport({ cx: 10, cy: 10, scale: 2 }, 40, -20)).toEqual({ cx: -10, cy: 20, scale: 2 })
  })

  it('brings a box into view only when some of it is outside', () => {
    const view = { cx: 0, cy: 0, scale: 1 }
    expect(revealBox(view, canvas, { x: -100, y: -20, width: 200, height: 40 })).toBe(view)
    expect(revealBox(view, canvas, { x: 900, y: 0, width: 200, height: 40 })).toEqual({ cx: 1000, cy: 20, scale: 1 })
  })

  it('turns wheel notches into gentle steps: down zooms out, up zooms in', () => {
    expect(wheelFactor(100, 0)).toBeLessThan(1)
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1)
    expect(wheelFactor(3, 1)).toBeCloseTo(wheelFactor(48, 0))
    expect(wheelFactor(10_000, 0)).toBe(wheelFactor(200, 0))
  })
})
