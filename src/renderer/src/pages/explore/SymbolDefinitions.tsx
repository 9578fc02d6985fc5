import { formatCount } from '../../lib/format'
import { SectionCard } from './DetailSection'
import { RowList } from './RowList'
import { SYMBOL_ROW_HEIGHT, type SymbolCardProps } from './symbol-card'
import { SymbolDefinitionRow } from './SymbolDefinitionRow'

const LANGUAGES = 'TS/JS, Python, Go, Java, Rust, Ruby, C#, C/C++'

/** Where the name is defined; when nowhere, what Coop parses and what to check. */
export function SymbolDefinitions({ lookup, busy, onSelect }: SymbolCardProps) {
  const { asked, name, definitions } = lookup
  return (
    <SectionCard title="Definitions" testId="symbol-definitions" busy={busy} aside={<span className="count-pill">{formatCount(definitions.length)}</span>}>
      {definitions.length === 0 ? (
        <div className="empty" data-testid="symbols-empty">
          <p className="empty-title">No symbol named {asked} is defined in this repository</p>
          <p>
            Indexing parses {LANGUAGES}. Check the spelling, or re-index if the definition is new
            {lookup.uses.length > 0 && '; the uses below may name something from a package or a file Coop does not parse'}.
          </p>
        </div>
      ) : (
        <>
          {name !== asked && (
            <p className="section-note muted" data-testid="symbol-case-note">
              Nothing is named exactly {asked}; showing {name}, which matches ignoring case.
            </p>
          )}
          <RowList
            items={definitions}
            label={`Definitions of ${name}`}
            rowHeight={SYMBOL_ROW_HEIGHT}
            rowKey={(hit) => `${hit.path}:${hit.startLine}:${hit.name}:${hit.container ?? ''}`}
            renderRow={(hit, style) => <SymbolDefinitionRow hit={hit} style={style} onSelect={onSelect} />}
            testId="symbol-definition-list"
          />
        </>
      )}
    </SectionCard>
  )
}
