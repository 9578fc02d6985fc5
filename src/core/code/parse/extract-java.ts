import type { Language, Node } from 'web-tree-sitter'
import type { ImportSpec, SymbolDef, SymbolKind } from '../code-types'
import { capturesByName, compileExtractionQuery, type Extractor, hasToken, lineOf, matchedDefinition, referencesFrom, type ScopeRules, symbolOf } from './extract-support'

const IMPORTS = '(import_declaration) @import'

const DEFINITIONS = `
(class_declaration name: (identifier) @name) @class
(record_declaration name: (identifier) @name) @class
(interface_declaration name: (identifier) @name) @interface
(annotation_type_declaration name: (identifier) @name) @interface
(enum_declaration name: (identifier) @name) @enum
(method_declaration name: (identifier) @name) @method
`

// In `import a.b.C;` the package path is not a use; the imported type is.
const REFERENCES = `
(identifier) @ref
(type_identifier) @ref
(package_declaration (_) @skip)
(import_declaration (scoped_identifier scope: (_) @skip))
(import_declaration (_) @skip (asterisk))
(class_declaration name: (identifier) @def)
(record_declaration name: (identifier) @def)
(interface_declaration name: (identifier) @def)
(annotation_type_declaration name: (identifier) @def)
(enum_declaration name: (identifier) @def)
(enum_constant name: (identifier) @def)
(method_declaration name: (identifier) @def)
(constructor_declaration name: (identifier) @def)
(variable_declarator name: (identifier) @def)
(formal_parameter name: (identifier) @def)
(spread_parameter (variable_declarator name: (identifier) @def))
(catch_formal_parameter name: (identifier) @def)
(lambda_expression parameters: (identifier) @def)
(inferred_parameters (identifier) @def)
(enhanced_for_statement name: (identifier) @def)
(type_parameter (type_identifier) @def)
`

const TYPES = new Set(['class_declaration', 'record_declaration', 'interface_declaration', 'annotation_type_declaration', 'enum_declaration'])
const SCOPES: ScopeRules = {
  // An anonymous class's body belongs to the expression that creates it: its methods are not symbols.
  functions: new Set(['method_declaration', 'constructor_declaration', 'lambda_expression', 'object_creation_expression', 'static_initializer']),
  containers: TYPES,
  nameOf: (node) => node.childForFieldName('name')?.text ?? null,
}
const KINDS: Readonly<Record<string, SymbolKind>> = { class: 'class', interface: 'interface', enum: 'enum', method: 'method' }

/** Java: `import a.b.C;`, `import a.b.*;`, `import static a.b.C.m;`; types and methods, exported when public. */
export function createJavaExtractor(language: Language): Extractor {
  const query = compileExtractionQuery(language, 'java', { imports: IMPORTS, definitions: DEFINITIONS, references: REFERENCES })
  return (root) => {
    const found = query(root)
    return {
      imports: found.imports.flatMap((m) => m.captures.flatMap((c) => importOf(c.node))),
      symbols: found.definitions.flatMap((m) => javaSymbolOf(capturesByName(m.captures))),
      references: referencesFrom(found.references),
    }
  }
}

/**
 * The path as written, with `.*` for on-demand imports. A static import names the member it
 * imports (or '*') in `names`, so resolution knows the class is the path without it.
 */
function importOf(declaration: Node): ImportSpec[] {
  const path = declaration.namedChildren.find((c) => c?.type === 'scoped_identifier' || c?.type === 'identifier')
  if (!path) return []
  const wildcard = declaration.namedChildren.some((c) => c?.type === 'asterisk')
  const specifier = `${path.text.replace(/\s+/g, '')}${wildcard ? '.*' : ''}`
  const line = lineOf(declaration)
  if (!hasToken(declaration, 'static')) return [{ specifier, kind: 'import', line }]
  return [{ specifier, kind: 'import', line, names: [specifier.slice(specifier.lastIndexOf('.') + 1)] }]
}

function javaSymbolOf(match: Map<string, Node>): SymbolDef[] {
  const found = matchedDefinition(match, KINDS, SCOPES)
  if (!found) return []
  const { name, node, kind, place } = found
  // Interface and annotation members are public without saying so.
  const implicitlyPublic = place.kind === 'member' && (place.containerNode.type === 'interface_declaration' || place.containerNode.type === 'annotation_type_declaration')
  const exported = implicitlyPublic || isPublic(node)
  return [symbolOf(name.text, kind, node, exported, place.kind === 'member' ? place.container : null)]
}

function isPublic(declaration: Node): boolean {
  const modifiers = declaration.namedChildren.find((c) => c?.type === 'modifiers')
  return modifiers ? hasToken(modifiers, 'public') : false
}
