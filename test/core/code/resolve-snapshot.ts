import type { ImportKind, ImportSpec, RepoSnapshot } from '../../../src/core/code/code-types'

/** An in-memory repository at HEAD: paths with their text ('' for files whose text resolution never reads). */
export interface FixtureSnapshot extends RepoSnapshot {
  /** Every path `readText` was asked for, in order. */
  readonly reads: string[]
}

export function snapshotOf(files: Readonly<Record<string, string>>): FixtureSnapshot {
  const reads: string[] = []
  return {
    paths: new Set(Object.keys(files)),
    reads,
    readText(path) {
      reads.push(path)
      return files[path] ?? null
    },
  }
}

/** An import spec as the parser writes it; line 1 unless it matters. */
export function importOf(specifier: string, kind: ImportKind = 'import', extra: Partial<ImportSpec> = {}): ImportSpec {
  return { specifier, kind, line: 1, ...extra }
}

/** The paths of file resolutions, for compact assertions. */
export const file = (path: string) => ({ kind: 'file', path }) as const
