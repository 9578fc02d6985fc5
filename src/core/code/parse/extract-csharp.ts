import type { Language, Node } from 'web-tree-sitter'
import type { ImportSpec, SymbolDef, SymbolKind } from '../code-types'
import { capturesByName, compileExtractionQuery, type Extractor, lineOf, matchedDefinition, referencesFrom, type ScopeRules, symbolOf } from './extract-support'

const IMPORTS = '(using_directive) @using'

const DEFINITIONS = `
(class_declaration name: (identifier) @name) @class
(record_declaration name: (identifier) @name) @class
(interface_declaration name: (identifier) @name) @interface
(struct_declaration name: (identifier) @name) @struct
(enum_declaration name: (identifier) @name) @enum
(method_declaration name: (identifier) @name) @method
`

// Namespaces are not uses of a name, and `using` lines name namespaces.
const REFERENCES = `
(identifier) @ref
(using_directive) @skip
(namespace_declaration name: (_) @skip)
(file_scoped_namespace_declaration name: (_) @skip)
(class_declaration name: (identifier) @def)
(record_declaration name: (identifier) @def)
(interface_declaration name: (identifier) @def)
(struct_declaration name: (identifier) @def)
(enum_declaration name: (identifier) @def)
(enum_member_declaration name: (identifier) @def)
(method_declaration name: (identifier) @def)
(constructor_declaration name: (identifier) @def)
(local_function_statement name: (identifier) @def)
(property_declaration name: (identifier) @def)
(variable_declarator name: (identifier) @def)
(parameter name: (identifier) @def)
(type_parameter name: (identifier) @def)
(foreach_statement left: (identifier) @def)
(catch_declaration name: (identifier) @def)
`

const TYPES = new Set(['class_declaration', 'record_declaration', 'interface_declaration', 'struct_declaration', 'enum_declaration'])
const SCOPES: ScopeRules = {
  functions: new Set(['method_declaration', 'constructor_declaration', 'local_function_statement', 'lambda_expression', 'anonymous_method_expression', 'accessor_declaration']),
  containers: TYPES,
  nameOf: (node) => node.childForFieldName('name')?.text ?? null,
}
const KINDS: Readonly<Record<string, SymbolKind>> = { class: 'class', interface: 'interface', struct: 'struct', enum: 'enum', method: 'method' }

/** C#: `using` directives (an alias's target); types and methods, exported when public. */
export function createCsharpExtractor(language: Language): Extractor {
  const query = compileExtractionQuery(language, 'csharp', { imports: IMPORTS, definitions: DEFINITIONS, references: REFERENCES })
  return (root) => {
    const found = query(root)
    return {
      imports: found.imports.flatMap((m) => m.captures.flatMap((c) => importOf(c.node))),
      symbols: found.definitions.flatMap((m) => csharpSymbolOf(capturesByName(m.captures))),
      references: referencesFrom(found.references),
    }
  }
}

/** `using A.B;`, `using static A.B;`, `global using A;`, `using X = A.B;` (the target, not the alias). */
function importOf(directive: Node): ImportSpec[] {
  const alias = directive.childForFieldName('name')
  const target = directive.namedChildren.filter((c) => c !== null && c.startIndex !== alias?.startIndex && c.type !== 'comment').at(-1)
  return target ? [{ specifier: target.text.replace(/\s+/g, ''), kind: 'import', line: lineOf(directive) }] : []
}

function csharpSymbolOf(match: Map<string, Node>): SymbolDef[] {
  const found = matchedDefinition(match, KINDS, SCOPES)
  if (!found) return []
  const { name, node, kind, place } = found
  // Interface members are public without saying so.
  const exported = (place.kind === 'member' && place.containerNode.type === 'interface_declaration') || node.namedChildren.some((c) => c?.type === 'modifier' && c.text === 'public')
  return [symbolOf(name.text, kind, node, exported, place.kind === 'member' ? place.container : null)]
}
