import type { RepoSnapshot } from '../../code-types'
import { ancestorDirs, baseName, childPath, filesByDirectory, joinPath, parentDir } from '../repo-paths'
import { globPrefixRegExp, globToRegExp } from './glob-pattern'
import { splitPackageSpecifier } from './js-specifiers'
import type { PackageManifests } from './package-manifests'
import { asRecord, parseJsonc } from './parse-jsonc'

/**
 * tsconfig.json / jsconfig.json as TypeScript reads them: the nearest one above a file (or, for a
 * solution-style config that includes nothing itself, the referenced project that includes the file),
 * `extends` chains followed, and every path option taken from the config that wrote it.
 */

export interface TsPathPattern {
  readonly key: string
  /** The text before and after the one '*' (the whole key when there is none). */
  readonly prefix: string
  readonly suffix: string
  readonly wildcard: boolean
  /** Repository-relative targets, '*' still in them; null for a target outside the repository. */
  readonly targets: readonly (string | null)[]
}

export interface TsConfig {
  readonly path: string
  readonly dir: string
  readonly baseUrl: string | null
  readonly paths: readonly TsPathPattern[]
  readonly customConditions: readonly string[]
  readonly outDir: string | null
  readonly declarationDir: string | null
  readonly rootDir: string | null
  readonly allowJs: boolean
  readonly references: readonly string[]
  /** Whether the config's files/include/exclude take in `path`. */
  includes(path: string): boolean
  /** What could not be read on the way (a base that is not in the repository, a config that does not parse). */
  readonly problems: readonly string[]
}

export interface TsConfigs {
  /** The config that governs the file at `path`, or null when none is above it. */
  forFile(path: string): TsConfig | null
  /** The nearest tsconfig.json (or jsconfig.json) at or above `dir`. */
  nearest(dir: string): TsConfig | null
  /** A config file as a project of its own (its extends followed). */
  load(path: string): TsConfig
  /** tsconfig*.json files directly in `dir` (the build config of a package is often not the nearest). */
  inDirectory(dir: string): readonly TsConfig[]
}

/** A value as written, with the folder of the config that wrote it (relative paths are from there). */
interface Written {
  readonly value: unknown
  readonly dir: string
}

interface MergedConfig {
  readonly options: ReadonlyMap<string, Written>
  readonly include: Written | null
  readonly files: Written | null
  readonly exclude: Written | null
  readonly references: readonly string[]
  readonly problems: readonly string[]
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'] as const
const TS_CONFIG_FILE = /^tsconfig[^/]*\.json$/

export function createTsConfigs(snapshot: RepoSnapshot, manifests: PackageManifests, packageDirOf: (name: string, fromDir: string) => string | null): TsConfigs {
  const merged = new Map<string, MergedConfig>()
  const loaded = new Map<string, TsConfig>()
  const nearestByDir = new Map<string, TsConfig | null>()
  const byFile = new Map<string, TsConfig | null>()

  const loadMerged = (path: string, visiting: ReadonlySet<string>): MergedConfig => {
    const cached = merged.get(path)
    if (cached !== undefined) return cached
    const result = readMerged(path, visiting)
    merged.set(path, result)
    return result
  }

  const readMerged = (path: string, visiting: ReadonlySet<string>): MergedConfig => {
    const dir = parentDir(path)
    const empty = (problem: string): MergedConfig => ({ options: new Map(), include: null, files: null, exclude: null, references: [], problems: [problem] })
    const text = snapshot.readText(path)
    if (text === null) return empty(`${path} is not readable`)
    const parsed = parseJsonc(text)
    if (!parsed.ok) return empty(`${path} does not parse: ${parsed.error}`)
    const raw = asRecord(parsed.value)
    if (raw === null) return empty(`${path} is not a JSON object`)

    const options = new Map<string, Written>()
    let include: Written | null = null
    let files: Written | null = null
    let exclude: Written | null = null
    const problems: string[] = []
    const bases = typeof raw.extends === 'string' ? [raw.extends] : Array.isArray(raw.extends) ? raw.extends.filter((e): e is string => typeof e === 'string') : []
    for (const spec of bases) {
      const basePath = resolveExtends(dir, spec)
      if (basePath === null) {
        // Shared bases from npm (@tsconfig/node20) live in node_modules, outside the snapshot; they
        // rarely hold paths, so resolution goes on without them and says so when it fails.
        problems.push(`${path} extends '${spec}', which is not in the repository`)
        continue
      }
      if (visiting.has(basePath)) {
        problems.push(`${path} extends '${spec}' in a cycle`)
        continue
      }
      const base = loadMerged(basePath, new Set([...visiting, basePath]))
      for (const [key, value] of base.options) options.set(key, value)
      include = base.include ?? include
      files = base.files ?? files
      exclude = base.exclude ?? exclude
      problems.push(...base.problems)
    }
    const compilerOptions = asRecord(raw.compilerOptions)
    if (compilerOptions !== null) for (const [key, value] of Object.entries(compilerOptions)) options.set(key, { value, dir })
    if (raw.include !== undefined) include = { value: raw.include, dir }
    if (raw.files !== undefined) files = { value: raw.files, dir }
    if (raw.exclude !== undefined) exclude = { value: raw.exclude, dir }
    const references = Array.isArray(raw.references)
      ? raw.references.flatMap((r) => {
          const ref = asRecord(r)?.path
          const target = typeof ref === 'string' ? joinPath(dir, ref) : null
          if (target === null) return []
          return [target.endsWith('.json') ? target : childPath(target, 'tsconfig.json')]
        })
      : []
    return { options, include, files, exclude, references, problems }
  }

  /** TypeScript's rules: a relative path (with '.json' added when missing), or a package's file. */
  const resolveExtends = (dir: string, spec: string): string | null => {
    const withJson = (p: string | null): string | null => {
      if (p === null) return null
      if (snapshot.paths.has(p)) return p
      return !p.endsWith('.json') && snapshot.paths.has(`${p}.json`) ? `${p}.json` : null
    }
    if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') return withJson(joinPath(dir, spec))
    const bare = splitPackageSpecifier(spec)
    if (bare === null) return null
    const packageDir = packageDirOf(bare.name, dir) ?? committedPackageDir(bare.name, dir)
    if (packageDir === null) return null
    if (bare.subpath !== '.') return withJson(joinPath(packageDir, bare.subpath))
    const manifest = manifests.at(packageDir)
    const field = manifest.kind === 'manifest' ? manifest.manifest.fields.tsconfig : undefined
    return withJson(typeof field === 'string' ? joinPath(packageDir, field) : childPath(packageDir, 'tsconfig.json'))
  }

  /** A package vendored in a committed node_modules folder above `dir`. */
  const committedPackageDir = (name: string, dir: string): string | null => {
    for (const d of ancestorDirs(dir)) {
      const candidate = childPath(d, `node_modules/${name}`)
      if (manifests.at(candidate).kind !== 'none' || snapshot.paths.has(childPath(candidate, 'tsconfig.json'))) return candidate
    }
    return null
  }

  const load = (path: string): TsConfig => {
    let config = loaded.get(path)
    if (config === undefined) {
      config = finalize(path, loadMerged(path, new Set([path])))
      loaded.set(path, config)
    }
    return config
  }

  const nearest = (dir: string): TsConfig | null => {
    let config = nearestByDir.get(dir)
    if (config === undefined) {
      config = null
      search: for (const d of ancestorDirs(dir)) {
        for (const name of CONFIG_NAMES) {
          const path = childPath(d, name)
          if (snapshot.paths.has(path)) {
            config = load(path)
            break search
          }
        }
      }
      nearestByDir.set(dir, config)
    }
    return config
  }

  /** The first project among `config`'s references (depth first) that includes the file. */
  const referencedOwner = (config: TsConfig, path: string, seen: Set<string>): TsConfig | null => {
    for (const ref of config.references) {
      if (seen.has(ref) || !snapshot.paths.has(ref)) continue
      seen.add(ref)
      const project = load(ref)
      if (project.includes(path)) return project
      const deeper = referencedOwner(project, path, seen)
      if (deeper !== null) return deeper
    }
    return null
  }

  return {
    forFile(path) {
      let config = byFile.get(path)
      if (config === undefined) {
        const near = nearest(parentDir(path))
        // A solution-style tsconfig.json (Vite's `files: []` plus references) governs nothing itself.
        config = near === null || near.includes(path) ? near : (referencedOwner(near, path, new Set([near.path])) ?? near)
        byFile.set(path, config)
      }
      return config
    },
    nearest,
    load,
    inDirectory(dir) {
      return (filesByDirectory(snapshot).get(dir) ?? []).filter((p) => TS_CONFIG_FILE.test(baseName(p))).map(load)
    },
  }
}

function finalize(path: string, config: MergedConfig): TsConfig {
  const dir = parentDir(path)
  /** A path option: from the config that wrote it, or from this config for '${configDir}' (TS 5.5). */
  const pathOf = (value: unknown, from: string): string | null => {
    if (typeof value !== 'string') return null
    if (value.startsWith('${configDir}')) return joinPath(dir, value.slice('${configDir}'.length).replace(/^\/+/, ''))
    return joinPath(from, value)
  }
  const option = (name: string): Written | undefined => config.options.get(name)
  const pathOption = (name: string): string | null => {
    const written = option(name)
    return written === undefined ? null : pathOf(written.value, written.dir)
  }

  const baseUrl = pathOption('baseUrl')
  const pathsWritten = option('paths')
  const pathsMap = pathsWritten === undefined ? null : asRecord(pathsWritten.value)
  // Targets are relative to baseUrl when there is one, else to the config that wrote `paths` (TS 4.1+).
  const pathsBase = baseUrl ?? pathsWritten?.dir ?? dir
  const paths: TsPathPattern[] = []
  for (const [key, targets] of Object.entries(pathsMap ?? {})) {
    if (!Array.isArray(targets)) continue
    const star = key.indexOf('*')
    if (star !== key.lastIndexOf('*')) continue // TypeScript rejects more than one '*'
    paths.push({
      key,
      prefix: star === -1 ? key : key.slice(0, star),
      suffix: star === -1 ? '' : key.slice(star + 1),
      wildcard: star !== -1,
      targets: targets.filter((t): t is string => typeof t === 'string').map((t) => pathOf(t, pathsBase)),
    })
  }
  const conditions = option('customConditions')?.value
  const includes = fileFilter(config, dir, pathOf, pathOption('outDir'))
  return {
    path,
    dir,
    baseUrl,
    paths,
    customConditions: Array.isArray(conditions) ? conditions.filter((c): c is string => typeof c === 'string') : [],
    outDir: pathOption('outDir'),
    declarationDir: pathOption('declarationDir'),
    rootDir: pathOption('rootDir'),
    allowJs: option('allowJs')?.value === true || baseName(path) === 'jsconfig.json',
    references: config.references,
    includes,
    problems: config.problems,
  }
}

/** files, include and exclude as TypeScript applies them, defaults included. */
function fileFilter(config: MergedConfig, dir: string, pathOf: (value: unknown, from: string) => string | null, outDir: string | null): (path: string) => boolean {
  const specs = (w: Written | null): string[] | null => (w !== null && Array.isArray(w.value) ? w.value.filter((v): v is string => typeof v === 'string') : null)
  const joined = (w: Written | null, list: readonly string[]): string[] => (w === null ? [] : list.flatMap((spec) => pathOf(spec, w.dir) ?? []))
  const files = new Set(joined(config.files, specs(config.files) ?? []))
  const includeSpecs = specs(config.include) ?? (config.files === null ? ['**/*'] : [])
  const include = (config.include === null ? includeSpecs.flatMap((spec) => pathOf(spec, dir) ?? []) : joined(config.include, includeSpecs)).map((glob) => {
    // A last segment without '.', '*' or '?' names a folder: TypeScript reads it as 'folder/**/*'.
    const last = glob.slice(glob.lastIndexOf('/') + 1)
    return /[.*?]/.test(last) ? globToRegExp(glob) : globPrefixRegExp(glob)
  })
  const excludeSpecs = specs(config.exclude)
  const exclude = (excludeSpecs === null ? [...(outDir === null ? [] : [outDir])] : joined(config.exclude, excludeSpecs)).map(globPrefixRegExp)
  // node_modules (and its cousins) never belong to a project, whatever exclude says.
  const vendored = /(?:^|\/)(?:node_modules|bower_components|jspm_packages)\//
  return (path) => files.has(path) || (include.some((r) => r.test(path)) && !exclude.some((r) => r.test(path)) && !vendored.test(path))
}
