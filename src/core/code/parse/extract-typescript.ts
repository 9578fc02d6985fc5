import type { Language, Node } from 'web-tree-sitter'
import type { ImportSpec, SymbolDef } from '../code-types'
import { capturesByName, compileExtractionQuery, hasToken, lineOf, nearestAncestor, placeOf, referencesFrom, symbolOf, unquote, type Extractor, type ScopeRules } from './extract-support'

/**
 * TypeScript, TSX and JavaScript (with JSX). The JavaScript grammar has no type nodes, so the
 * TypeScript-only patterns are left out of its query (a query naming an unknown node does not compile).
 */
export function createTypescriptExtractor(language: Language, flavour: 'typescript' | 'tsx' | 'javascript'): Extractor {
  const typed = flavour !== 'javascript'
  // A pattern written in brackets is for the typed grammars only.
  const pick = (patterns: readonly (string | [ts: string])[]): string => patterns.flatMap((p) => (typeof p === 'string' ? [p] : typed ? p : [])).join('\n')

  const query = compileExtractionQuery(language, flavour, {
    imports: pick([
      '(import_statement source: (string) @source) @static',
      '(export_statement source: (string) @source) @static',
      ['(import_statement (import_require_clause source: (string) @source)) @static'],
      '(call_expression function: (import) arguments: (arguments . [(string) (template_string)] @source)) @dynamic',
      '(call_expression function: (identifier) @fn arguments: (arguments . (string) @source) (#eq? @fn "require")) @require',
    ]),
    definitions: pick([
      '(function_declaration name: (identifier) @name) @function',
      '(generator_function_declaration name: (identifier) @name) @function',
      ['(function_signature name: (identifier) @name) @function'],
      '(class_declaration name: (_) @name) @class',
      ['(abstract_class_declaration name: (_) @name) @class'],
      '(method_definition name: (_) @name) @method',
      ['(abstract_method_signature name: (_) @name) @method'],
      ['(class_body (method_signature name: (_) @name) @method)'],
      ['(interface_declaration name: (_) @name) @interface'],
      ['(type_alias_declaration name: (_) @name) @type'],
      ['(enum_declaration name: (_) @name) @enum'],
      ['(internal_module name: (identifier) @name) @module'],
      '(lexical_declaration (variable_declarator name: (identifier) @name) @variable)',
      '(variable_declaration (variable_declarator name: (identifier) @name) @variable)',
      // `export { a, b as c }` and `export default a` export declarations made earlier.
      '(export_statement !source (export_clause (export_specifier name: (identifier) @exported)))',
      '(export_statement value: (identifier) @exported)',
      ['(export_statement "=" (identifier) @exported)'],
    ]),
    references: pick([
      '(identifier) @ref',
      ['(type_identifier) @ref'],
      '(shorthand_property_identifier) @ref',
      '(member_expression property: (property_identifier) @ref)',
      '(function_declaration name: (identifier) @def)',
      '(generator_function_declaration name: (identifier) @def)',
      '(function_expression name: (identifier) @def)',
      '(class_declaration name: (_) @def)',
      '(class name: (_) @def)',
      '(variable_declarator name: (identifier) @def)',
      '(arrow_function parameter: (identifier) @def)',
      '(catch_clause parameter: (identifier) @def)',
      '(rest_pattern (identifier) @def)',
      '(assignment_pattern left: (identifier) @def)',
      '(pair_pattern value: (identifier) @def)',
      '(array_pattern (identifier) @def)',
      '(import_specifier alias: (identifier) @def)',
      '(export_specifier alias: (identifier) @def)',
      '(namespace_import (identifier) @def)',
      ['(abstract_class_declaration name: (_) @def)'],
      ['(function_signature name: (identifier) @def)'],
      ['(interface_declaration name: (_) @def)'],
      ['(type_alias_declaration name: (_) @def)'],
      ['(enum_declaration name: (_) @def)'],
      ['(internal_module name: (identifier) @def)'],
      ['(required_parameter pattern: (identifier) @def)'],
      ['(optional_parameter pattern: (identifier) @def)'],
      ['(type_parameter name: (type_identifier) @def)'],
      ...(typed ? [] : ['(formal_parameters (identifier) @def)']),
      ...(flavour === 'typescript'
        ? []
        : ['jsx_opening_element', 'jsx_closing_element', 'jsx_self_closing_element'].map(
            // Lower-case JSX tags are HTML elements, not names from the code.
            (tag) => `((${tag} name: (identifier) @def) (#match? @def "^[a-z]"))`,
          )),
    ]),
  })

  return (root) => {
    const found = query(root)
    const imports: ImportSpec[] = []
    for (const match of found.imports) {
      const spec = importOf(capturesByName(match.captures))
      if (spec !== null) imports.push(spec)
    }
    return { imports, symbols: symbolsOf(found.definitions.map((m) => capturesByName(m.captures))), references: referencesFrom(found.references) }
  }
}

function importOf(captures: Map<string, Node>): ImportSpec | null {
  const source = captures.get('source')
  if (!source) return null
  const statement = captures.get('static')
  if (statement) {
    const specifier = unquote(source.text)
    if (specifier === null) return null
    return hasToken(statement, 'type') ? { specifier, kind: 'import', line: lineOf(statement), typeOnly: true } : { specifier, kind: 'import', line: lineOf(statement) }
  }
  const call = captures.get('dynamic')
  if (call) {
    // A template literal counts only without `${…}`: otherwise the module is computed at run time.
    if (source.type === 'template_string' && source.namedChildren.some((c) => c?.type === 'template_substitution')) return null
    const specifier = unquote(source.text)
    if (specifier === null) return null
    // `import('./x').Foo` in a type position is erased at compile time.
    return nearestAncestor(call, TYPE_POSITIONS) !== null
      ? { specifier, kind: 'dynamic', line: lineOf(call), typeOnly: true }
      : { specifier, kind: 'dynamic', line: lineOf(call) }
  }
  const require = captures.get('require')
  const specifier = unquote(source.text)
  return require && specifier !== null ? { specifier, kind: 'require', line: lineOf(require) } : null
}

const TYPE_POSITIONS = new Set(['type_annotation', 'type_alias_declaration', 'type_query', 'type_arguments', 'interface_body', 'extends_type_clause', 'implements_clause'])
const SCOPES: ScopeRules = {
  functions: new Set(['function_declaration', 'generator_function_declaration', 'function_expression', 'generator_function', 'arrow_function', 'method_definition', 'class_static_block']),
  containers: new Set(['class_declaration', 'abstract_class_declaration', 'class', 'internal_module']),
  nameOf: nameOfScope,
}
const CLASSES = new Set(['class_declaration', 'abstract_class_declaration', 'class'])

/** A class's or namespace's name; an anonymous class takes the name of the variable it is assigned to. */
function nameOfScope(scope: Node): string | null {
  const name = scope.childForFieldName('name')
  if (name) return name.text
  const parent = scope.parent
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text ?? null
  return null
}

/** `export …`, including `export declare …` and `export default …`. */
function hasExportKeyword(node: Node): boolean {
  const parent = node.parent
  if (parent?.type === 'export_statement') return true
  return parent?.type === 'ambient_declaration' && parent.parent?.type === 'export_statement'
}

const KIND_OF_CAPTURE = {
  function: 'function',
  class: 'class',
  method: 'method',
  interface: 'interface',
  type: 'type',
  enum: 'enum',
  module: 'module',
} as const

function symbolsOf(matches: readonly Map<string, Node>[]): SymbolDef[] {
  const exportedLater = new Set(matches.flatMap((m) => m.get('exported')?.text ?? []))
  const symbols: SymbolDef[] = []
  const exportedClasses = new Set<number>()

  for (const match of matches) {
    const name = match.get('name')
    if (!name) continue
    const variable = match.get('variable')
    if (variable) {
      const declaration = variable.parent
      const place = declaration === null ? null : placeOf(declaration, SCOPES)
      if (declaration === null || place === null || place.kind === 'local') continue
      const container = place.kind === 'member' ? place.container : null
      const exported = hasExportKeyword(declaration) || exportedLater.has(name.text)
      const value = variable.childForFieldName('value')
      // `const f = () => …` is how much code writes functions; other variables count when exported.
      if (value && (value.type === 'arrow_function' || value.type === 'function_expression' || value.type === 'generator_function')) {
        symbols.push(symbolOf(name.text, 'function', variable, exported, container))
      } else if (exported) {
        const constant = declaration.childForFieldName('kind')?.text === 'const'
        symbols.push(symbolOf(name.text, constant ? 'constant' : 'variable', variable, exported, container))
      }
      continue
    }
    const capture = (Object.keys(KIND_OF_CAPTURE) as (keyof typeof KIND_OF_CAPTURE)[]).find((k) => match.has(k))
    const node = capture === undefined ? undefined : match.get(capture)
    if (capture === undefined || node === undefined) continue
    const place = placeOf(node, SCOPES)
    if (place.kind === 'local') continue
    if (capture === 'method') {
      // `[Symbol.iterator]()` has no name to look up; `'quoted'()` has one.
      const methodName = name.type === 'computed_property_name' ? null : name.type === 'string' ? unquote(name.text) : name.text
      if (methodName === null || place.kind !== 'member' || !CLASSES.has(place.containerNode.type)) continue
      const isPrivate = name.type === 'private_property_identifier' || node.namedChildren.some((c) => c?.type === 'accessibility_modifier' && c.text === 'private')
      const exported = exportedClasses.has(place.containerNode.startIndex) && !isPrivate
      pushMerged(symbols, symbolOf(methodName, 'method', node, exported, place.container))
      continue
    }
    const exported = hasExportKeyword(node) || (place.kind === 'file' && exportedLater.has(name.text))
    if (capture === 'class' && exported) exportedClasses.add(node.startIndex)
    pushMerged(symbols, symbolOf(name.text, KIND_OF_CAPTURE[capture], node, exported, place.kind === 'member' ? place.container : null))
  }
  return symbols
}

/** Overloads and get/set pairs are one symbol: consecutive declarations of one name merge into one range. */
function pushMerged(symbols: SymbolDef[], symbol: SymbolDef): void {
  const last = symbols.at(-1)
  if (last && last.name === symbol.name && last.kind === symbol.kind && last.container === symbol.container) {
    symbols[symbols.length - 1] = { ...last, endLine: Math.max(last.endLine, symbol.endLine), exported: last.exported || symbol.exported }
    return
  }
  symbols.push(symbol)
}
