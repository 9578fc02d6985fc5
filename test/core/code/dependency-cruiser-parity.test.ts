import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import type { RepoSnapshot } from '../../../src/core/code/code-types'
import { languageOfPath } from '../../../src/core/code/parse/languages'
import { parseSource } from '../../../src/core/code/parse/parse-file'
import { compareEdges } from '../../../src/core/code/resolve/js/compare-edges'
import { createJsResolver } from '../../../src/core/code/resolve/js/resolve-js'
import { DELIBERATE_DIFFERENCES, FIXTURE_REPOSITORIES, type FixtureRepository } from '../../fixtures/js-resolution/repositories'
import { dependencyCruiserEdges } from '../../helpers/dependency-cruiser'
import { tempDir } from '../../helpers/temp-dir'

/**
 * Coop's JavaScript/TypeScript edges against dependency-cruiser's on the same repositories: Coop
 * parses each file with its own parser and resolves against the snapshot (paths and config texts
 * only); dependency-cruiser reads the files on disk, node_modules links included. See
 * test/helpers/dependency-cruiser.ts for how it is configured to resolve as TypeScript does.
 */

function writeRepository(fixture: Pick<FixtureRepository, 'files' | 'links'>): string {
  const dir = realpathSync(tempDir('coop-depcruise-'))
  for (const [path, text] of Object.entries(fixture.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  for (const [link, target] of Object.entries(fixture.links ?? {})) {
    mkdirSync(dirname(join(dir, link)), { recursive: true })
    symlinkSync(join(dir, target), join(dir, link), 'junction') // 'junction' also works on Windows without privileges
  }
  return dir
}

async function coopEdges(fixture: Pick<FixtureRepository, 'files'>): Promise<[string, string][]> {
  const snapshot: RepoSnapshot = { paths: new Set(Object.keys(fixture.files)), readText: (path) => fixture.files[path] ?? null }
  const resolve = createJsResolver(snapshot)
  const edges: [string, string][] = []
  for (const [path, text] of Object.entries(fixture.files)) {
    const language = languageOfPath(path)
    if (language !== 'typescript' && language !== 'tsx' && language !== 'javascript') continue
    for (const spec of (await parseSource(language, text)).imports) {
      const target = resolve(path, spec)
      if (target.kind === 'file') edges.push([path, target.path])
    }
  }
  return edges
}

describe('JavaScript/TypeScript resolution compared with dependency-cruiser', () => {
  it.each(FIXTURE_REPOSITORIES.map((f) => [f.name, f] as const))('%s: the same file edges, none missing and none extra', async (_name, fixture) => {
    const dir = writeRepository(fixture)
    const [ours, theirs] = await Promise.all([coopEdges(fixture), dependencyCruiserEdges(dir, fixture.tsConfig === undefined ? {} : { tsConfig: fixture.tsConfig })])
    const comparison = compareEdges(ours, theirs)

    expect({ onlyCoop: comparison.onlyOurs, onlyDependencyCruiser: comparison.onlyTheirs }).toEqual({ onlyCoop: [], onlyDependencyCruiser: [] })
    expect({ precision: comparison.precision, recall: comparison.recall }).toEqual({ precision: 1, recall: 1 })
    // The agreement is about the cases the fixture is for, not an empty graph.
    for (const edge of fixture.mustFind) expect(theirs, `${edge[0]} → ${edge[1]}`).toContainEqual(edge)
  })
})

/** What the TypeScript compiler itself resolves `specifier` to, with the repository's tsconfig. */
function typescriptResolves(dir: string, tsConfig: string, from: string, specifier: string, kind: 'import' | 'require'): string | null {
  const config = ts.getParsedCommandLineOfConfigFile(join(dir, tsConfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })
  if (config === undefined) throw new Error(`TypeScript cannot read ${tsConfig}`)
  const mode = kind === 'require' ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext
  const resolved = ts.resolveModuleName(specifier, join(dir, from), config.options, ts.sys, undefined, undefined, mode).resolvedModule
  return resolved === undefined ? null : resolved.resolvedFileName.slice(dir.length + 1)
}

describe('where Coop and dependency-cruiser differ, each on purpose', () => {
  it.each(DELIBERATE_DIFFERENCES.map((d) => [d.name, d] as const))('%s', async (_name, difference) => {
    const dir = writeRepository(difference)
    const [ours, theirs] = await Promise.all([coopEdges(difference), dependencyCruiserEdges(dir, { tsConfig: difference.tsConfig })])
    const comparison = compareEdges(ours, theirs)

    expect({ onlyCoop: comparison.onlyOurs, onlyDependencyCruiser: comparison.onlyTheirs }).toEqual({ onlyCoop: difference.onlyCoop, onlyDependencyCruiser: difference.onlyDependencyCruiser })
    const { from, specifier, kind, typescript } = difference.typescript
    expect(typescriptResolves(dir, difference.tsConfig, from, specifier, kind)).toBe(typescript)
  })
})
