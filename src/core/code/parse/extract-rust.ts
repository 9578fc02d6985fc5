import type { Language, Node } from 'web-tree-sitter'
import type { ImportSpec, SymbolDef, SymbolKind } from '../code-types'
import { capturesByName, compileExtractionQuery, type Extractor, lineOf, matchedDefinition, referencesFrom, type ScopeRules, symbolOf } from './extract-support'

// `mod x;` without a body is a file module; `mod x { … }` is a symbol.
const IMPORTS = `
(mod_item name: (identifier) @name !body) @mod
(use_declaration argument: (_) @tree) @use
(extern_crate_declaration name: (identifier) @name) @extern
`

const DEFINITIONS = `
(function_item name: (identifier) @name) @function
(function_signature_item name: (identifier) @name) @function
(struct_item name: (type_identifier) @name) @struct
(union_item name: (type_identifier) @name) @struct
(enum_item name: (type_identifier) @name) @enum
(trait_item name: (type_identifier) @name) @trait
(const_item name: (identifier) @name) @constant
(static_item name: (identifier) @name) @constant
(type_item name: (type_identifier) @name) @type
(mod_item name: (identifier) @name body: (_)) @module
`

const REFERENCES = `
(identifier) @ref
(type_identifier) @ref
(field_expression field: (field_identifier) @ref)
(use_declaration argument: (scoped_identifier path: (_) @skip))
(use_declaration argument: (use_as_clause path: (scoped_identifier path: (_) @skip)))
(scoped_use_list path: (_) @skip)
(use_wildcard) @skip
(use_as_clause alias: (identifier) @def)
(function_item name: (identifier) @def)
(function_signature_item name: (identifier) @def)
(struct_item name: (type_identifier) @def)
(union_item name: (type_identifier) @def)
(enum_item name: (type_identifier) @def)
(enum_variant name: (identifier) @def)
(trait_item name: (type_identifier) @def)
(const_item name: (identifier) @def)
(static_item name: (identifier) @def)
(type_item name: (type_identifier) @def)
(mod_item name: (identifier) @def)
(extern_crate_declaration name: (identifier) @def)
(macro_definition name: (identifier) @def)
(let_declaration pattern: (identifier) @def)
(parameter pattern: (identifier) @def)
(closure_parameters (identifier) @def)
(type_parameter name: (type_identifier) @def)
`

const SCOPES: ScopeRules = {
  functions: new Set(['function_item', 'closure_expression']),
  containers: new Set(['impl_item', 'trait_item', 'mod_item']),
  nameOf: (node) => (node.type === 'impl_item' ? implTypeName(node.childForFieldName('type')) : (node.childForFieldName('name')?.text ?? null)),
}
const KINDS: Readonly<Record<string, SymbolKind>> = { function: 'function', struct: 'struct', enum: 'enum', trait: 'trait', constant: 'constant', type: 'type', module: 'module' }

/** Rust: `mod x;`, every leaf of a `use` tree, `extern crate`; items, with impl and trait functions as methods. */
export function createRustExtractor(language: Language): Extractor {
  const query = compileExtractionQuery(language, 'rust', { imports: IMPORTS, definitions: DEFINITIONS, references: REFERENCES })
  return (root) => {
    const found = query(root)
    return {
      imports: found.imports.flatMap((m) => importsOf(capturesByName(m.captures))),
      symbols: found.definitions.flatMap((m) => rustSymbolOf(capturesByName(m.captures))),
      references: referencesFrom(found.references),
    }
  }
}

function importsOf(match: Map<string, Node>): ImportSpec[] {
  const name = match.get('name')
  const mod = match.get('mod')
  if (mod && name) return [{ specifier: name.text, kind: 'mod', line: lineOf(mod) }]
  const crate = match.get('extern')
  if (crate && name) return [{ specifier: name.text, kind: 'use', line: lineOf(crate) }]
  const tree = match.get('tree')
  return tree ? useLeaves(tree, '').map(({ path, node }) => ({ specifier: path, kind: 'use', line: lineOf(node) })) : []
}

/** `a::b::{c, d::{e, f as g}, self}` → a::b::c, a::b::d::e, a::b::d::f, a::b (an alias does not change what is imported). */
function useLeaves(node: Node, prefix: string): { path: string; node: Node }[] {
  const join = (tail: string): string => (prefix === '' ? tail : tail === '' ? prefix : `${prefix}::${tail}`)
  switch (node.type) {
    case 'self':
      return [{ path: prefix === '' ? 'self' : prefix, node }]
    case 'use_as_clause': {
      const path = node.childForFieldName('path')
      return path ? useLeaves(path, prefix) : []
    }
    case 'use_wildcard': {
      const path = node.namedChildren.find((c) => c !== null)
      const base = path ? join(compact(path.text)) : prefix
      return [{ path: base === '' ? '*' : `${base}::*`, node }]
    }
    case 'scoped_use_list': {
      const path = node.childForFieldName('path')
      const list = node.childForFieldName('list')
      return list ? useLeaves(list, join(path ? compact(path.text) : '')) : []
    }
    case 'use_list':
      return node.namedChildren.flatMap((child) => (child ? useLeaves(child, prefix) : []))
    default:
      // identifier, scoped_identifier, crate, super, metavariable: a path as written.
      return node.isNamed ? [{ path: join(compact(node.text)), node }] : []
  }
}

function compact(text: string): string {
  return text.replace(/\s+/g, '')
}

/** The implemented type's name: `impl<T> Trait for Vec<T>` → Vec, `impl a::B` → B. */
function implTypeName(type: Node | null): string | null {
  let node = type
  while (node !== null && node.type !== 'type_identifier') {
    node = node.childForFieldName('type') ?? node.childForFieldName('name') ?? node.namedChildren.find((c) => c?.type.endsWith('type') || c?.type === 'type_identifier') ?? null
  }
  return node?.text ?? null
}

function isPub(node: Node): boolean {
  return node.namedChildren.some((c) => c?.type === 'visibility_modifier')
}

function rustSymbolOf(match: Map<string, Node>): SymbolDef[] {
  const found = matchedDefinition(match, KINDS, SCOPES)
  if (!found) return []
  const { name, node, capture, kind, place } = found
  if (place.kind === 'file') return [symbolOf(name.text, kind, node, isPub(node))]
  const owner = place.containerNode
  const inImplOrTrait = owner.type === 'impl_item' || owner.type === 'trait_item'
  // A trait's items, and the items of a trait implementation, are as visible as the trait.
  const exported = isPub(node) || (owner.type === 'trait_item' && isPub(owner)) || (owner.type === 'impl_item' && owner.childForFieldName('trait') !== null)
  return [symbolOf(name.text, capture === 'function' && inImplOrTrait ? 'method' : kind, node, exported, place.container)]
}
