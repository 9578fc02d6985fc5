import type { CSSProperties } from 'react'
import type { SymbolHit } from '../../../../shared/code-graph-types'
import { PathLabel } from './PathLabel'

interface SymbolDefinitionRowProps {
  readonly hit: SymbolHit
  readonly style?: CSSProperties
  readonly onSelect: (path: string) => void
}

/** One definition: kind · name · container · path:start–end · exported; choosing it opens the file. */
export function SymbolDefinitionRow({ hit, style, onSelect }: SymbolDefinitionRowProps) {
  const lines = hit.startLine === hit.endLine ? `${hit.startLine}` : `${hit.startLine}–${hit.endLine}`
  return (
    <div
      role="listitem"
      style={style}
      className="symbol-row"
      data-testid="symbol-definition"
      data-kind={hit.kind}
      data-name={hit.name}
      data-path={hit.path}
      data-lines={lines}
      data-exported={hit.exported}
    >
      <button type="button" className="symbol-button symbol-button--definition" onClick={() => onSelect(hit.path)} title={`Open ${hit.path}`}>
        <span className="badge symbol-kind" data-testid="symbol-kind">
          {hit.kind}
        </span>
        <span className="symbol-name">
          {hit.name}
          {hit.container !== null && <span className="symbol-container"> in {hit.container}</span>}
        </span>
        <span className="symbol-where" data-testid="symbol-where">
          <PathLabel path={hit.path} />
          <span className="symbol-lines">:{lines}</span>
        </span>
        <span className={hit.exported ? 'badge badge--ok' : 'badge'}>{hit.exported ? 'exported' : 'not exported'}</span>
      </button>
    </div>
  )
}
