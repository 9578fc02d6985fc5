import type { RepoSnapshot } from '../../code-types'
import { joinPath, parentDir } from '../repo-paths'
import type { TsConfig, TsConfigs } from './read-tsconfig'

/**
 * A package's exports or main often name its build output (dist/index.js), which is not in the
 * repository. When a tsconfig of that package compiles into that folder, the source is known: the
 * output path with outDir replaced by rootDir and the extension by its source one. That is the
 * mapping tsc itself applies (outDir/rootDir layout) and uses for in-project package imports; without
 * such a tsconfig no source is named, and the import stays unresolved rather than guessed.
 */

export interface BuildOutputs {
  /** The source file compiled to `output` by a tsconfig in `packageDir` (or above it), or null. */
  sourceOf(packageDir: string, output: string): string | null
}

/** Output extension → the source extensions tsc emits it from. */
const SOURCES_OF: readonly (readonly [string, readonly string[]])[] = [
  ['.d.mts', ['.mts', '.mjs']],
  ['.d.cts', ['.cts', '.cjs']],
  ['.d.ts', ['.ts', '.tsx', '.js', '.jsx']],
  ['.mjs', ['.mts', '.mjs']],
  ['.cjs', ['.cts', '.cjs']],
  ['.js', ['.ts', '.tsx', '.js', '.jsx']],
  ['.jsx', ['.tsx', '.jsx']],
  ['.json', ['.json']],
]

const SOURCE_FILE = /\.(?:[cm]?ts|tsx)$/
const JS_SOURCE_FILE = /\.(?:[cm]?js|jsx)$/
const DECLARATION = /\.d\.[cm]?ts$/

export function createBuildOutputs(snapshot: RepoSnapshot, tsconfigs: TsConfigs): BuildOutputs {
  const commonDirs = new Map<string, string | null>()

  /** What tsc ≤ 5 used when rootDir is unset: the common folder of the project's emitted sources. */
  const commonSourceDir = (config: TsConfig): string | null => {
    let dir = commonDirs.get(config.path)
    if (dir === undefined) {
      dir = null
      for (const path of snapshot.paths) {
        if (DECLARATION.test(path) || !(SOURCE_FILE.test(path) || (config.allowJs && JS_SOURCE_FILE.test(path))) || !config.includes(path)) continue
        dir = dir === null ? parentDir(path) : commonPrefixDir(dir, parentDir(path))
      }
      commonDirs.set(config.path, dir)
    }
    return dir
  }

  const viaConfig = (config: TsConfig, output: string): string | null => {
    const outDirs = [...new Set([DECLARATION.test(output) ? config.declarationDir : null, config.outDir].filter((d): d is string => d !== null))]
    for (const outDir of outDirs) {
      if (!(outDir === '' || output.startsWith(`${outDir}/`))) continue
      const rel = outDir === '' ? output : output.slice(outDir.length + 1)
      const mapping = SOURCES_OF.find(([ext]) => rel.endsWith(ext))
      if (mapping === undefined) continue
      const stem = rel.slice(0, -mapping[0].length)
      // rootDir when set; else TypeScript 6's default (the config's folder), then 5's (the common source folder).
      const roots = config.rootDir !== null ? [config.rootDir] : [...new Set([config.dir, commonSourceDir(config)].filter((d): d is string => d !== null))]
      for (const root of roots) {
        for (const ext of mapping[1]) {
          const source = joinPath(root, stem + ext)
          if (source !== null && source !== output && snapshot.paths.has(source)) return source
        }
      }
    }
    return null
  }

  return {
    sourceOf(packageDir, output) {
      const near = tsconfigs.nearest(packageDir)
      const configs = [...new Set([...tsconfigs.inDirectory(packageDir), ...(near === null ? [] : [near])])]
      for (const config of configs) {
        const source = viaConfig(config, output)
        if (source !== null) return source
      }
      return null
    },
  }
}

function commonPrefixDir(a: string, b: string): string {
  const pa = a === '' ? [] : a.split('/')
  const pb = b === '' ? [] : b.split('/')
  let i = 0
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++
  return pa.slice(0, i).join('/')
}
