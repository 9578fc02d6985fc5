import { asRecord } from './parse-jsonc'

/**
 * package.json `exports` and `imports` maps, as Node defines them: an exact subpath key first, else
 * the pattern key ('./*', '#lib/*') with the longest prefix; targets chosen by condition in the
 * order the object lists them, arrays as fallbacks, null as "not exported".
 *
 * Every target whose conditions apply is listed in order, because TypeScript goes on to the next one
 * when a target's file does not exist (a 'types' entry pointing at an unbuilt dist/ falls through
 * to 'import'); Node would stop at the first.
 */

export type ExportTarget =
  | { readonly kind: 'path'; readonly value: string; readonly conditions: readonly string[] } // './src/x.ts', relative to the package
  | { readonly kind: 'package'; readonly specifier: string } // imports only: '#dep' → 'some-package/sub'
  | { readonly kind: 'excluded'; readonly conditions: readonly string[] } // null
  | { readonly kind: 'invalid'; readonly value: string } // neither './…' nor (for imports) a package name

export type SubpathLookup =
  | { readonly kind: 'targets'; readonly key: string; readonly targets: readonly ExportTarget[] }
  | { readonly kind: 'not-exported' }
  | { readonly kind: 'invalid'; readonly reason: string }

/** Looks `subpath` ('.', './button', or '#internal' for imports) up in an exports or imports map. */
export function lookupSubpath(map: unknown, subpath: string, conditions: ReadonlySet<string>, field: 'exports' | 'imports'): SubpathLookup {
  const entries = subpathEntries(map, field)
  if (typeof entries === 'string') return { kind: 'invalid', reason: entries }

  let key: string | null = null
  let star = ''
  if (entries.has(subpath) && !subpath.includes('*')) key = subpath
  else {
    for (const candidate of entries.keys()) {
      const at = candidate.indexOf('*')
      if (at === -1 || at !== candidate.lastIndexOf('*')) continue
      const prefix = candidate.slice(0, at)
      const suffix = candidate.slice(at + 1)
      if (subpath.length < candidate.length || !subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue
      if (key === null || comparePatternKeys(candidate, key) < 0) {
        key = candidate
        star = subpath.slice(prefix.length, subpath.length - suffix.length)
      }
    }
  }
  if (key === null) return { kind: 'not-exported' }
  const targets: ExportTarget[] = []
  collectTargets(entries.get(key), star, conditions, field, [], targets)
  return targets.length === 0 ? { kind: 'not-exported' } : { kind: 'targets', key, targets }
}

/** The map as subpath → target; a string when the map is malformed. */
function subpathEntries(map: unknown, field: 'exports' | 'imports'): Map<string, unknown> | string {
  const record = asRecord(map)
  if (field === 'imports') {
    if (record === null) return 'its "imports" is not an object'
    return new Map(Object.entries(record).filter(([k]) => k.startsWith('#')))
  }
  // A string, an array or an object of conditions is the package's main export '.'.
  if (record === null) return new Map([['.', map]])
  const keys = Object.keys(record)
  const dotted = keys.filter((k) => k.startsWith('.'))
  if (dotted.length === 0) return new Map([['.', map]])
  if (dotted.length !== keys.length) return 'its "exports" mixes subpaths and conditions'
  return new Map(Object.entries(record))
}

/** Node's PATTERN_KEY_COMPARE: the longer prefix wins, then the longer key. */
function comparePatternKeys(a: string, b: string): number {
  const prefixA = a.indexOf('*')
  const prefixB = b.indexOf('*')
  if (prefixA !== prefixB) return prefixB - prefixA
  return b.length - a.length
}

function collectTargets(target: unknown, star: string, conditions: ReadonlySet<string>, field: 'exports' | 'imports', via: readonly string[], out: ExportTarget[]): boolean {
  if (target === null) {
    out.push({ kind: 'excluded', conditions: via })
    return true // null ends the search: nothing after it applies
  }
  if (typeof target === 'string') {
    const value = target.replaceAll('*', star)
    if (value.startsWith('./')) out.push({ kind: 'path', value, conditions: via })
    else if (field === 'imports' && !value.startsWith('/') && !value.startsWith('../') && !/^[a-z][a-z\d+.-]*:/i.test(value)) out.push({ kind: 'package', specifier: value })
    // Node rejects anything else (URLs such as 'node:fs' included); TypeScript skips it.
    else out.push({ kind: 'invalid', value })
    return false
  }
  if (Array.isArray(target)) {
    for (const item of target) if (collectTargets(item, star, conditions, field, via, out)) return true
    return false
  }
  const record = asRecord(target)
  if (record === null) return false
  for (const [condition, value] of Object.entries(record)) {
    if (condition === 'default' || conditions.has(condition)) {
      if (collectTargets(value, star, conditions, field, [...via, condition], out)) return true
    }
  }
  return false
}
