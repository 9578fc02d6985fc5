import type { CoopApi } from '../../../../shared/api'
import type { ReferenceHit, SymbolHit } from '../../../../shared/code-graph-types'
import type { Result } from '../../../../shared/result'
import { orderUses, referenceName } from './symbol-lookup'

export interface SymbolLookup {
  /** What was typed. */
  readonly asked: string
  /** The spelling whose uses are listed (differs from `asked` after a case-insensitive match). */
  readonly name: string
  readonly definitions: readonly SymbolHit[]
  readonly uses: readonly ReferenceHit[]
}

/** Where a name is defined and where it is used: `code:symbols`, then `code:refs` for the spelling found. */
export async function loadSymbol(api: CoopApi, repoId: number, asked: string): Promise<Result<SymbolLookup>> {
  const definitions = await api.code.symbols({ repoId, name: asked })
  if (!definitions.ok) return definitions
  const name = referenceName(asked, definitions.value)
  const uses = await api.code.refs({ repoId, name })
  if (!uses.ok) return uses
  return { ok: true, value: { asked, name, definitions: definitions.value, uses: orderUses(uses.value) } }
}
