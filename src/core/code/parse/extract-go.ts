import type { Language, Node } from 'web-tree-sitter'
import type { SymbolDef, SymbolKind } from '../code-types'
import { capturesByName, compileExtractionQuery, lineOf, referencesFrom, symbolOf, unquote, type Extractor } from './extract-support'

const IMPORTS = `
(import_spec path: (_) @path) @import
`

// In this grammar only the first name of `const a, b = …` matches a `name:` field in a query, so
// specs that can declare several names are matched without the field.
// Everything Go declares with a name is at package level, except what a function body declares.
const DEFINITIONS = `
(source_file (function_declaration name: (identifier) @name) @function)
(source_file (method_declaration receiver: (parameter_list) @receiver name: (field_identifier) @name) @method)
(source_file (type_declaration [(type_spec name: (type_identifier) @name type: (_) @type) (type_alias name: (type_identifier) @name)] @typedef))
(source_file (const_declaration (const_spec (identifier) @name) @constant))
`

// `pkg.Name` is how Go uses another package's names, so selectors count as uses.
const REFERENCES = `
(identifier) @ref
(type_identifier) @ref
(selector_expression field: (field_identifier) @ref)
(qualified_type package: (package_identifier) @ref name: (type_identifier) @ref)
(function_declaration name: (identifier) @def)
(method_declaration name: (field_identifier) @def)
(type_spec name: (type_identifier) @def)
(type_alias name: (type_identifier) @def)
(const_spec (identifier) @def)
(var_spec (identifier) @def)
(parameter_declaration (identifier) @def)
(variadic_parameter_declaration (identifier) @def)
(type_parameter_declaration (identifier) @def)
(short_var_declaration left: (expression_list (identifier) @def))
(range_clause left: (expression_list (identifier) @def))
(labeled_statement label: (label_name) @def)
`

/** Go: every import spec's path; funcs, methods (container: the receiver's type), types and constants. */
export function createGoExtractor(language: Language): Extractor {
  const query = compileExtractionQuery(language, 'go', { imports: IMPORTS, definitions: DEFINITIONS, references: REFERENCES })
  return (root) => {
    const found = query(root)
    return {
      imports: found.imports.flatMap((m) => {
        const { import: spec, path } = Object.fromEntries(capturesByName(m.captures))
        const specifier = path ? unquote(path.text) : null
        return spec && specifier !== null ? [{ specifier, kind: 'import' as const, line: lineOf(spec) }] : []
      }),
      symbols: found.definitions.flatMap((m) => goSymbolOf(capturesByName(m.captures))),
      references: referencesFrom(found.references),
    }
  }
}

function isExported(name: string): boolean {
  const first = name.charAt(0)
  return first !== first.toLowerCase()
}

function goSymbolOf(match: Map<string, Node>): SymbolDef[] {
  const name = match.get('name')
  if (!name) return []
  const exported = isExported(name.text)
  const node = match.get('function') ?? match.get('constant')
  if (node) return [symbolOf(name.text, match.has('function') ? 'function' : 'constant', node, exported)]
  const method = match.get('method')
  if (method) return [symbolOf(name.text, 'method', method, exported, receiverTypeOf(match.get('receiver')))]
  const typedef = match.get('typedef')
  if (!typedef) return []
  const type = match.get('type')?.type
  const kind: SymbolKind = type === 'struct_type' ? 'struct' : type === 'interface_type' ? 'interface' : 'type'
  return [symbolOf(name.text, kind, typedef, exported)]
}

/** `(s *Server)`, `(Server)`, `(l List[T])` → the type's name. */
function receiverTypeOf(receiver: Node | undefined): string | null {
  const types = receiver?.descendantsOfType('type_identifier') ?? []
  return types[0]?.text ?? null
}
