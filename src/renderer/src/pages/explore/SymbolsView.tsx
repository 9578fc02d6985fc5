import { SymbolResults } from './SymbolResults'
import { SymbolSearch } from './SymbolSearch'

interface SymbolsViewProps {
  readonly repoId: number
  /** The name searched; '' before any search. */
  readonly name: string
  readonly revision: number
  readonly onSearch: (name: string) => void
  readonly onSelect: (path: string) => void
}

/** Where a name is defined and which files use it, from the code structure graph. */
export function SymbolsView({ repoId, name, revision, onSearch, onSelect }: SymbolsViewProps) {
  return (
    <div className="symbols" data-testid="symbols-view">
      <div className="symbols-toolbar">
        <SymbolSearch name={name} onSearch={onSearch} />
        <p className="muted">Exact name first, else ignoring case. Choose a definition or a use to explore its file.</p>
      </div>
      {name === '' ? (
        <div className="card empty" data-testid="symbols-intro">
          <p className="empty-title">Search for a symbol</p>
          <p>Type the name of a function, class, type or constant to see where it is defined and which files use it.</p>
        </div>
      ) : (
        <SymbolResults key={name} repoId={repoId} name={name} revision={revision} onSelect={onSelect} />
      )}
    </div>
  )
}
