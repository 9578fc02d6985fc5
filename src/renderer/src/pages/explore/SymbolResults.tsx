import { useApi } from '../../api/api-context'
import { useResult } from '../../lib/use-result'
import { ResultBody, SectionCard } from './DetailSection'
import { loadSymbol } from './load-symbol'
import { SymbolDefinitions } from './SymbolDefinitions'
import { SymbolUses } from './SymbolUses'

interface SymbolResultsProps {
  readonly repoId: number
  readonly name: string
  readonly revision: number
  readonly onSelect: (path: string) => void
}

/** The Definitions and Used in cards for one name, loaded together. */
export function SymbolResults({ repoId, name, revision, onSelect }: SymbolResultsProps) {
  const api = useApi()
  const [state, retry] = useResult(() => loadSymbol(api, repoId, name), `${repoId}\0${name}`, revision)
  if (state.kind !== 'ok') {
    return (
      <SectionCard title="Definitions" testId="symbol-definitions" busy={state.kind === 'loading'}>
        <ResultBody state={state} onRetry={retry} what={`the symbol ${name}`}>
          {() => null}
        </ResultBody>
      </SectionCard>
    )
  }
  return (
    <div className={state.refreshing ? 'symbols-results section-body--refreshing' : 'symbols-results'}>
      <SymbolDefinitions lookup={state.value} busy={state.refreshing} onSelect={onSelect} />
      <SymbolUses lookup={state.value} busy={state.refreshing} onSelect={onSelect} />
    </div>
  )
}
