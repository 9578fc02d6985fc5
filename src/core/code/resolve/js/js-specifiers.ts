import { builtinModules } from 'node:module'

/** What a JavaScript/TypeScript import specifier is, before looking anything up. */
export type JsSpecifier =
  | { readonly kind: 'relative'; readonly path: string }
  | { readonly kind: 'absolute' }
  | { readonly kind: 'node'; readonly name: string }
  | { readonly kind: 'scheme'; readonly scheme: string }
  | { readonly kind: 'internal' } // '#name', a package.json `imports` entry
  | { readonly kind: 'bare' } // a package name or an alias tsconfig paths may define
  | { readonly kind: 'empty' }

/** Builtins reachable without 'node:' ('fs', 'fs/promises'); 'node:test' and friends only with it. */
const NODE_BUILTINS = new Set(builtinModules)

const SCHEME = /^([a-z][a-z\d+.-]*):/i

export function classifySpecifier(specifier: string): JsSpecifier {
  if (specifier === '') return { kind: 'empty' }
  if (specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../')) return { kind: 'relative', path: withoutQuery(specifier) }
  if (specifier.startsWith('/')) return { kind: 'absolute' }
  const scheme = SCHEME.exec(specifier)?.[1]
  if (scheme !== undefined) {
    return scheme.toLowerCase() === 'node' ? { kind: 'node', name: specifier.slice('node:'.length) } : { kind: 'scheme', scheme }
  }
  if (NODE_BUILTINS.has(specifier)) return { kind: 'node', name: specifier }
  if (specifier.startsWith('#')) return { kind: 'internal' }
  return { kind: 'bare' }
}

/** Bundlers' resource queries ('./logo.svg?url', './worker.ts?worker') name the same file. */
function withoutQuery(specifier: string): string {
  const query = specifier.indexOf('?')
  return query === -1 ? specifier : specifier.slice(0, query)
}

/** npm's rule for names (old mixed-case names still allowed); a leading '~' is an alias, not a package. */
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/i

/**
 * 'react-dom/client' → { name: 'react-dom', subpath: './client' }, '@acme/ui' → { name: '@acme/ui',
 * subpath: '.' }; null when the text cannot be a package name ('@/x', '~/x').
 */
export function splitPackageSpecifier(specifier: string): { readonly name: string; readonly subpath: string } | null {
  const parts = specifier.split('/')
  const nameParts = specifier.startsWith('@') ? 2 : 1
  if (parts.length < nameParts) return null
  const name = parts.slice(0, nameParts).join('/')
  if (!PACKAGE_NAME.test(name)) return null
  const rest = parts.slice(nameParts)
  return { name, subpath: rest.length === 0 ? '.' : `./${rest.join('/')}` }
}
