import type { Language, Node } from 'web-tree-sitter'
import type { ImportSpec, SymbolDef } from '../code-types'
import { capturesByName, compileExtractionQuery, lineOf, placeOf, referencesFrom, symbolOf, type Extractor, type ScopeRules } from './extract-support'

// Only a plain string argument names a file; `require name` or an interpolated string is computed.
const IMPORTS = `
(call
  !receiver
  method: (identifier) @method
  arguments: (argument_list . (string . (string_content) .) @path)
  (#any-of? @method "require" "require_relative")) @call
`

const DEFINITIONS = `
(class name: (_) @name) @class
(module name: (_) @name) @module
(method name: (_) @name) @method
(singleton_method name: (_) @name) @singleton
(assignment left: (constant) @name) @constant
`

const REFERENCES = `
(identifier) @ref
(constant) @ref
(class name: (constant) @def)
(class name: (scope_resolution name: (constant) @def))
(module name: (constant) @def)
(module name: (scope_resolution name: (constant) @def))
(method name: (_) @def)
(singleton_method name: (_) @def)
(assignment left: (identifier) @def)
(assignment left: (constant) @def)
(method_parameters (identifier) @def)
(lambda_parameters (identifier) @def)
(block_parameters (identifier) @def)
(optional_parameter name: (identifier) @def)
(keyword_parameter name: (identifier) @def)
(splat_parameter name: (identifier) @def)
(hash_splat_parameter name: (identifier) @def)
(block_parameter name: (identifier) @def)
`

// Blocks stay transparent: `included do … def x` and `Class.new do … end` define real methods.
const SCOPES: ScopeRules = {
  functions: new Set(['method', 'singleton_method', 'lambda']),
  containers: new Set(['class', 'module']),
  nameOf: (node) => nameOf(node.childForFieldName('name')),
}

/** `A::B::C` names C. */
function nameOf(node: Node | null): string | null {
  if (node === null) return null
  return node.type === 'scope_resolution' ? (node.childForFieldName('name')?.text ?? null) : node.text
}

/** Ruby: `require 'x'` and `require_relative 'x'`; classes, modules, methods and constants. */
export function createRubyExtractor(language: Language): Extractor {
  const query = compileExtractionQuery(language, 'ruby', { imports: IMPORTS, definitions: DEFINITIONS, references: REFERENCES })
  return (root) => {
    const found = query(root)
    const visibility = new VisibilityTracker()
    return {
      imports: found.imports.flatMap((m) => importOf(capturesByName(m.captures))),
      symbols: found.definitions.flatMap((m) => rubySymbolOf(capturesByName(m.captures), visibility)),
      references: referencesFrom(found.references),
    }
  }
}

function importOf(match: Map<string, Node>): ImportSpec[] {
  const call = match.get('call')
  const method = match.get('method')?.text
  const content = match.get('path')?.namedChildren[0]
  if (!call || !content || (method !== 'require' && method !== 'require_relative')) return []
  return [{ specifier: content.text, kind: method, line: lineOf(call) }]
}

function rubySymbolOf(match: Map<string, Node>, visibility: VisibilityTracker): SymbolDef[] {
  const name = nameOf(match.get('name') ?? null)
  const node = match.get('class') ?? match.get('module') ?? match.get('method') ?? match.get('singleton') ?? match.get('constant')
  if (name === null || !node) return []
  const place = placeOf(node, SCOPES)
  if (place.kind === 'local') return []
  const container = place.kind === 'member' ? place.container : null
  if (match.has('class')) return [symbolOf(name, 'class', node, true, container)]
  if (match.has('module')) return [symbolOf(name, 'module', node, true, container)]
  if (match.has('constant')) return [symbolOf(name, 'constant', node, true, container)]
  if (match.has('singleton')) return [symbolOf(name, 'method', node, true, container)]
  return [symbolOf(name, container === null ? 'function' : 'method', node, visibility.isPublic(node), container)]
}

/**
 * Whether a `def` is public: a bare `private` or `protected` line hides the methods after it in the
 * same body (until `public`), and `private def x` hides x.
 */
class VisibilityTracker {
  readonly #switches = new Map<number, { at: number; public: boolean }[]>()

  isPublic(method: Node): boolean {
    const parent = method.parent
    if (parent === null) return true
    if (parent.type === 'argument_list') {
      const modifier = parent.parent?.childForFieldName('method')?.text
      return modifier !== 'private' && modifier !== 'protected'
    }
    const switches = this.#switchesOf(parent)
    let visible = true
    for (const s of switches) {
      if (s.at > method.startIndex) break
      visible = s.public
    }
    return visible
  }

  #switchesOf(body: Node): { at: number; public: boolean }[] {
    let switches = this.#switches.get(body.startIndex)
    if (switches === undefined) {
      switches = body.namedChildren.flatMap((child) =>
        child?.type === 'identifier' && (child.text === 'private' || child.text === 'protected' || child.text === 'public') ? [{ at: child.startIndex, public: child.text === 'public' }] : [],
      )
      this.#switches.set(body.startIndex, switches)
    }
    return switches
  }
}
