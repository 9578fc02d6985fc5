import type { CSSProperties } from 'react'
import type { ReferenceHit } from '../../../../shared/code-graph-types'
import { formatCount } from '../../lib/format'
import { formatLineRanges } from './line-ranges'
import { PathLabel } from './PathLabel'
import { lineRuns } from './symbol-lookup'

interface SymbolUseRowProps {
  readonly use: ReferenceHit
  readonly style?: CSSProperties
  readonly onSelect: (path: string) => void
}

/** One file that uses the name, with its lines; a file importing a definition says so. */
export function SymbolUseRow({ use, style, onSelect }: SymbolUseRowProps) {
  const lines = formatLineRanges(lineRuns(use.lines))
  return (
    <div
      role="listitem"
      style={style}
      className="symbol-row"
      data-testid="symbol-use"
      data-path={use.path}
      data-lines={use.lines.join(',')}
      data-imports-definition={use.importsDefinition}
    >
      <button type="button" className="symbol-button symbol-button--use" onClick={() => onSelect(use.path)} title={`Open ${use.path}`}>
        <span className="symbol-where">
          <PathLabel path={use.path} />
        </span>
        <span className="symbol-lines" title={lines} data-testid="symbol-use-lines">
          {lines}
        </span>
        <span className="count-pill">
          {formatCount(use.lines.length)} {use.lines.length === 1 ? 'line' : 'lines'}
        </span>
        {use.importsDefinition ? (
          <span className="badge badge--ok" title="This file imports a file that defines the name, so the use most likely means that definition">
            imports it
          </span>
        ) : (
          <span />
        )}
      </button>
    </div>
  )
}
