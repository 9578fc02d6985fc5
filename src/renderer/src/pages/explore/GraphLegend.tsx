import type { Colouring, ColourMode } from './graph-colours'

interface GraphLegendProps {
  readonly mode: ColourMode
  readonly colouring: Colouring
}

/** What the colours of the graph mean, with how many drawn nodes have each. */
export function GraphLegend({ mode, colouring }: GraphLegendProps) {
  const { legend, more } = colouring
  return (
    <div className="graph-legend" data-testid="graph-legend" data-mode={mode}>
      <h4 className="column-title">{mode === 'folder' ? 'Top-level folder' : 'Leading owner'}</h4>
      <ul className="graph-legend-list">
        {legend.map((entry) => (
          <li key={entry.key} className="graph-legend-entry" data-testid="legend-entry" data-key={entry.key} data-label={entry.label} data-colour={entry.colour}>
            <span className={`graph-swatch graph-swatch--${entry.shape}`} style={{ backgroundColor: entry.colour }} aria-hidden="true" />
            <span className="graph-legend-label">{entry.label}</span>
            <span className="graph-legend-count muted">{entry.count}</span>
          </li>
        ))}
        {more > 0 && (
          <li className="graph-legend-entry muted" data-testid="legend-more">
            and {more} more {mode === 'folder' ? (more === 1 ? 'folder' : 'folders') : more === 1 ? 'owner' : 'owners'}
          </li>
        )}
      </ul>
    </div>
  )
}
