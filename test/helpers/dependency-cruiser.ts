import { join } from 'node:path'
import { cruise, type ICruiseResult } from 'dependency-cruiser'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'

/**
 * dependency-cruiser (the reference the resolution issue names) run through its API on a repository
 * on disk, configured to resolve the way TypeScript does, so that comparing with Coop is fair:
 *
 * - tsPreCompilationDeps: true, or type-only imports (erased by compilation) would not be seen;
 * - the tsconfig passed twice, as its CLI does: parsed for the TypeScript extraction and by file
 *   name for tsconfig-paths (paths, baseUrl, extends);
 * - exports and imports fields on, with the conditions TypeScript uses ('types' before the rest,
 *   in package.json's order), where dependency-cruiser's default ignores exports altogether;
 * - the main fields TypeScript reads (types, typings, main; module last for bundlers);
 * - extensions in TypeScript's order (.ts before .js): dependency-cruiser's default puts .js first.
 *
 * Workspace packages are found through node_modules links, as a package manager leaves them; the
 * links resolve to their real paths, so edges land on the packages' own files.
 */

export interface CruiseOptions {
  /** The tsconfig to use, relative to the repository folder. */
  readonly tsConfig?: string
}

export const TS_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.json']

/** Every file → file edge dependency-cruiser finds in `dir`, as repository-relative paths. */
export async function dependencyCruiserEdges(dir: string, options: CruiseOptions = {}): Promise<[string, string][]> {
  return fileEdges(await cruiseRepository(dir, options))
}

/** dependency-cruiser's whole result for `dir` (every module it saw, with its dependencies). */
export async function cruiseRepository(dir: string, options: CruiseOptions = {}): Promise<ICruiseResult> {
  const tsConfigFile = options.tsConfig === undefined ? undefined : join(dir, options.tsConfig)
  const result = await cruise(
    ['.'],
    {
      baseDir: dir,
      tsPreCompilationDeps: true,
      ...(tsConfigFile === undefined ? {} : { tsConfig: { fileName: tsConfigFile } }),
      exclude: { path: '(^|/)node_modules/' },
      doNotFollow: { path: '(^|/)node_modules/' },
      enhancedResolveOptions: {
        exportsFields: ['exports'],
        conditionNames: ['types', 'import', 'require', 'default'],
        mainFields: ['types', 'typings', 'main', 'module'],
        extensions: TS_EXTENSIONS,
      },
    },
    // A fresh resolver per cruise: by default dependency-cruiser keeps the first one for the session.
    { bustTheCache: true },
    tsConfigFile === undefined ? {} : { tsConfig: extractTSConfig(tsConfigFile) },
  )
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text where a cruise result was asked for')
  return result.output
}

/** The file → file edges of a cruise result (packages dependency-cruiser could not find and Node's own modules left out). */
export function fileEdges(result: ICruiseResult): [string, string][] {
  const edges: [string, string][] = []
  for (const module of result.modules) {
    for (const dep of module.dependencies) {
      if (dep.couldNotResolve || dep.coreModule) continue
      edges.push([module.source, dep.resolved])
    }
  }
  return edges
}
