import type { SymbolLookup } from './load-symbol'

export interface SymbolCardProps {
  readonly lookup: SymbolLookup
  /** A newer answer is on its way (after a re-index). */
  readonly busy: boolean
  readonly onSelect: (path: string) => void
}

/** Symbol rows have one height, so long lists can be virtualised. */
export const SYMBOL_ROW_HEIGHT = 40
