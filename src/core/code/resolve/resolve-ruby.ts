import type { ImportSpec, RepoSnapshot, Resolution } from '../code-types'
import { ancestorDirs, baseName, childPath, directoriesOf, joinPath, parentDir } from './repo-paths'

/**
 * Ruby's standard library and default gems that ship with Ruby, by the feature name `require`
 * takes. A short list of the common ones, not all of them: anything missing counts as a gem.
 */
const RUBY_STDLIB = new Set([
  'json', 'set', 'time', 'date', 'fileutils', 'pathname', 'yaml', 'psych', 'erb', 'net/http', 'uri', 'open3', 'securerandom', 'digest',
  'logger', 'optparse', 'csv', 'tempfile', 'tmpdir', 'stringio', 'benchmark', 'socket', 'timeout', 'English', 'forwardable', 'singleton',
  'observer', 'ostruct', 'pp', 'zlib', 'base64', 'bigdecimal', 'monitor', 'delegate', 'shellwords', 'open-uri', 'openssl', 'etc', 'find',
  'rbconfig', 'io/console', 'ripper', 'coverage', 'objspace', 'weakref', 'pstore', 'strscan', 'prettyprint', 'ipaddr', 'resolv', 'abbrev',
])

/**
 * Ruby requires: `require_relative` from the requiring file's folder; `require` from the load path a
 * repository sets up — the `lib/` folder the requiring file is in, `lib/`, the repository root, and
 * the `lib/` of each gem (a folder with a .gemspec) — then the standard library, then gems.
 */
export function createRubyResolver(snapshot: RepoSnapshot): (fromPath: string, spec: ImportSpec) => readonly Resolution[] {
  const dirs = directoriesOf(snapshot)
  const gemLibs = [...snapshot.paths]
    .filter((p) => p.endsWith('.gemspec'))
    .map((p) => childPath(parentDir(p), 'lib'))
    .sort()

  const loadPath = (fromPath: string): string[] => {
    const ownLib = ancestorDirs(parentDir(fromPath)).find((d) => baseName(d) === 'lib')
    return [...new Set([...(ownLib === undefined ? [] : [ownLib]), 'lib', '', ...gemLibs])].filter((d) => dirs.has(d))
  }
  const withExtension = (feature: string): string => (feature.endsWith('.rb') ? feature : `${feature}.rb`)

  return (fromPath, spec) => {
    const feature = spec.specifier
    if (spec.kind === 'require_relative') {
      const path = joinPath(parentDir(fromPath), withExtension(feature))
      if (path !== null && snapshot.paths.has(path)) return [{ kind: 'file', path }]
      return [{ kind: 'unresolved', reason: path === null ? `${feature} climbs above the repository root from ${fromPath}` : `no ${path}` }]
    }
    // The first folder of the load path that has it, as Ruby searches $LOAD_PATH in order.
    for (const dir of loadPath(fromPath)) {
      const path = joinPath(dir, withExtension(feature))
      if (path !== null && snapshot.paths.has(path)) return [{ kind: 'file', path }]
    }
    const first = feature.split('/')[0] as string
    if (RUBY_STDLIB.has(feature)) return [{ kind: 'external', ecosystem: 'ruby-stdlib', name: feature }]
    if (RUBY_STDLIB.has(first)) return [{ kind: 'external', ecosystem: 'ruby-stdlib', name: first }]
    // The feature's first segment, which is not always the gem's name (active_support ← activesupport).
    return [{ kind: 'external', ecosystem: 'gem', name: first }]
  }
}

