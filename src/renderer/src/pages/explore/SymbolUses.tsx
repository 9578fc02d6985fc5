import { formatCount } from '../../lib/format'
import { SectionCard } from './DetailSection'
import { RowList } from './RowList'
import { SYMBOL_ROW_HEIGHT, type SymbolCardProps } from './symbol-card'
import { summariseUses } from './symbol-lookup'
import { SymbolUseRow } from './SymbolUseRow'

/** `code:refs` answers at most this many files. */
const USES_CAP = 200

/** The files that use the name, importers of a definition first, with counts. */
export function SymbolUses({ lookup, busy, onSelect }: SymbolCardProps) {
  const { name, uses } = lookup
  const summary = summariseUses(uses)
  const aside = (
    <span className="muted symbol-counts" data-testid="symbol-use-counts" data-files={summary.files} data-lines={summary.lines} data-importers={summary.importers}>
      {formatCount(summary.files)} {summary.files === 1 ? 'file' : 'files'} · {formatCount(summary.lines)} {summary.lines === 1 ? 'line' : 'lines'} ·{' '}
      {formatCount(summary.importers)} {summary.importers === 1 ? 'imports' : 'import'} a definition
    </span>
  )
  return (
    <SectionCard title="Used in" testId="symbol-uses" busy={busy} aside={aside}>
      {uses.length === 0 ? (
        <p className="section-note muted" data-testid="symbol-uses-empty">
          No file of the repository uses {name} by name (uses are matched exactly, case included).
        </p>
      ) : (
        <>
          {uses.length >= USES_CAP && (
            <p className="section-note muted" data-testid="symbol-uses-capped">
              Showing the first {formatCount(USES_CAP)} files, those importing a definition first; there may be more.
            </p>
          )}
          <RowList
            items={uses}
            label={`Files that use ${name}`}
            rowHeight={SYMBOL_ROW_HEIGHT}
            rowKey={(use) => use.path}
            renderRow={(use, style) => <SymbolUseRow use={use} style={style} onSelect={onSelect} />}
            testId="symbol-use-list"
          />
        </>
      )}
    </SectionCard>
  )
}
