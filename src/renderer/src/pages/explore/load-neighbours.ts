import type { CoopApi } from '../../../../shared/api'
import type { Result } from '../../../../shared/result'
import type { Neighbours } from './dep-graph-model'

/** A file's direct imports and direct dependents: two `code:deps` calls, one answer. */
export async function loadNeighbours(api: CoopApi, repoId: number, path: string): Promise<Result<Neighbours>> {
  const [imports, dependents] = await Promise.all([api.code.deps({ repoId, path, depth: 1 }), api.code.deps({ repoId, path, reverse: true, depth: 1 })])
  if (!imports.ok) return imports
  if (!dependents.ok) return dependents
  return { ok: true, value: { imports: imports.value, dependents: dependents.value } }
}
