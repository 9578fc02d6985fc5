import type { ReferenceHit, SymbolHit } from '../../../../shared/code-graph-types'

/**
 * The name whose uses to look up. Definitions fall back to ignoring case (`service` finds `Service`)
 * but uses match the name exactly, so a search answered by another spelling asks for that spelling's
 * uses: the first definition's, as exported ones come first.
 */
export function referenceName(asked: string, definitions: readonly SymbolHit[]): string {
  if (definitions.some((definition) => definition.name === asked)) return asked
  return definitions[0]?.name ?? asked
}

/** Files that import a definition first (the uses most likely meant), then by path; lines ascending, once each. */
export function orderUses(uses: readonly ReferenceHit[]): ReferenceHit[] {
  return uses
    .map((use) => ({ ...use, lines: [...new Set(use.lines)].sort((a, b) => a - b) }))
    .sort((a, b) => Number(b.importsDefinition) - Number(a.importsDefinition) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

export interface UsesSummary {
  readonly files: number
  readonly lines: number
  /** Files that import a file defining the name. */
  readonly importers: number
}

export function summariseUses(uses: readonly ReferenceHit[]): UsesSummary {
  return {
    files: uses.length,
    lines: uses.reduce((sum, use) => sum + new Set(use.lines).size, 0),
    importers: uses.filter((use) => use.importsDefinition).length,
  }
}

/** Ascending line numbers as runs of consecutive lines: [1, 2, 3, 7] → [[1, 3], [7, 7]]. */
export function lineRuns(lines: readonly number[]): [number, number][] {
  const runs: [number, number][] = []
  for (const line of lines) {
    const last = runs.at(-1)
    if (last && line <= last[1] + 1) last[1] = Math.max(last[1], line)
    else runs.push([line, line])
  }
  return runs
}
