import type { Language, Node } from 'web-tree-sitter'
import type { ImportSpec, SymbolDef, SymbolKind } from '../code-types'
import { capturesByName, compileExtractionQuery, type Extractor, lineOf, matchedDefinition, placeOf, referencesFrom, type ScopeRules, symbolOf, unquote } from './extract-support'

const IMPORTS = '(preproc_include path: (_) @path) @include'

// Only definitions: a prototype or a `struct x;` forward declaration defines nothing.
const DEFINITIONS = `
(function_definition declarator: (_) @declarator) @function
(struct_specifier name: (_) @name body: (_)) @struct
(union_specifier name: (_) @name body: (_)) @struct
(class_specifier name: (_) @name body: (_)) @class
(enum_specifier name: (_) @name body: (_)) @enum
(type_definition type: (struct_specifier !name body: (_)) declarator: (type_identifier) @name) @struct
(type_definition type: (union_specifier !name body: (_)) declarator: (type_identifier) @name) @struct
(type_definition type: (enum_specifier !name body: (_)) declarator: (type_identifier) @name) @enum
`

const REFERENCES = `
(identifier) @ref
(type_identifier) @ref
(field_expression field: (field_identifier) @ref)
(function_declarator declarator: (identifier) @def)
(function_declarator declarator: (qualified_identifier name: (identifier) @def))
(struct_specifier name: (type_identifier) @def body: (_))
(union_specifier name: (type_identifier) @def body: (_))
(class_specifier name: (type_identifier) @def body: (_))
(enum_specifier name: (type_identifier) @def body: (_))
(type_definition declarator: (type_identifier) @def)
(init_declarator declarator: (identifier) @def)
(declaration declarator: (identifier) @def)
(parameter_declaration declarator: (identifier) @def)
(pointer_declarator declarator: (identifier) @def)
(reference_declarator (identifier) @def)
(enumerator name: (identifier) @def)
(preproc_def name: (identifier) @def)
(preproc_function_def name: (identifier) @def)
(preproc_params (identifier) @def)
(type_parameter_declaration (type_identifier) @def)
`

// Namespaces and `extern "C"` blocks are transparent: what they hold is file level.
const SCOPES: ScopeRules = {
  functions: new Set(['function_definition', 'lambda_expression']),
  containers: new Set(['class_specifier', 'struct_specifier', 'union_specifier']),
  nameOf: (node) => node.childForFieldName('name')?.text ?? null,
}
const KINDS: Readonly<Record<string, SymbolKind>> = { struct: 'struct', class: 'class', enum: 'enum' }

/** C and C++ (one grammar): `#include`; function definitions, methods, and structs, classes and enums with bodies. */
export function createCppExtractor(language: Language): Extractor {
  const query = compileExtractionQuery(language, 'cpp', { imports: IMPORTS, definitions: DEFINITIONS, references: REFERENCES })
  return (root) => {
    const found = query(root)
    return {
      imports: found.imports.flatMap((m) => includeOf(capturesByName(m.captures))),
      symbols: found.definitions.flatMap((m) => cppSymbolOf(capturesByName(m.captures))),
      references: referencesFrom(found.references),
    }
  }
}

/** `#include "x"` and `#include <x>`; `#include MACRO` names no file. */
function includeOf(match: Map<string, Node>): ImportSpec[] {
  const include = match.get('include')
  const path = match.get('path')
  if (!include || !path) return []
  if (path.type === 'system_lib_string') return [{ specifier: path.text.slice(1, -1).trim(), kind: 'include', line: lineOf(include), system: true }]
  const specifier = path.type === 'string_literal' ? unquote(path.text) : null
  return specifier === null ? [] : [{ specifier, kind: 'include', line: lineOf(include), system: false }]
}

function cppSymbolOf(match: Map<string, Node>): SymbolDef[] {
  const function_ = match.get('function')
  if (function_) return functionSymbolOf(function_, match.get('declarator') ?? null)
  const found = matchedDefinition(match, KINDS, SCOPES)
  if (!found) return []
  const { name, node, kind, place } = found
  return [symbolOf(name.text, kind, node, !hiddenInFile(node), place.kind === 'member' ? place.container : null)]
}

/** `int K::f()` is a method of K defined outside its class; inside a class body any function is a method. */
function functionSymbolOf(definition: Node, declarator: Node | null): SymbolDef[] {
  let name = functionNameOf(declarator)
  if (name === null) return []
  const place = placeOf(definition, SCOPES)
  if (place.kind === 'local') return []
  let container = place.kind === 'member' ? place.container : null
  while (name.type === 'qualified_identifier') {
    container = name.childForFieldName('scope')?.text ?? container
    const inner: Node | null = name.childForFieldName('name')
    if (inner === null) return []
    name = inner
  }
  const text = name.type === 'template_function' ? (name.childForFieldName('name')?.text ?? name.text) : name.text
  const isStatic = definition.namedChildren.some((c) => c?.type === 'storage_class_specifier' && c.text === 'static')
  const exported = !(place.kind === 'file' && isStatic) && !hiddenInFile(definition)
  return [symbolOf(text, container === null ? 'function' : 'method', definition, exported, container)]
}

/** Through pointer, reference and parenthesised declarators to the function declarator's name. */
function functionNameOf(declarator: Node | null): Node | null {
  let node = declarator
  while (node !== null && node.type !== 'function_declarator') {
    node = node.childForFieldName('declarator') ?? node.namedChildren.find((c) => c !== null && c.type.endsWith('declarator')) ?? null
  }
  return node?.childForFieldName('declarator') ?? null
}

/** Inside an anonymous namespace: visible in this file only, like `static`. */
function hiddenInFile(node: Node): boolean {
  for (let up = node.parent; up !== null; up = up.parent) {
    if (up.type === 'namespace_definition' && up.childForFieldName('name') === null) return true
  }
  return false
}
