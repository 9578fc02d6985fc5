import type { Language, Node } from 'web-tree-sitter'
import type { ImportSpec, SymbolDef } from '../code-types'
import { capturesByName, compileExtractionQuery, lineOf, placeOf, referencesFrom, symbolOf, type Extractor, type ScopeRules } from './extract-support'

const IMPORTS = `
(import_statement) @import
(import_from_statement) @from
`

const DEFINITIONS = `
(function_definition name: (identifier) @name) @function
(class_definition name: (identifier) @name) @class
(module (expression_statement (assignment left: (identifier) @name) @constant))
`

// Module paths in import statements are not uses of a name; the names imported from a module are.
const REFERENCES = `
((identifier) @ref (#not-any-of? @ref "self" "cls"))
(function_definition name: (identifier) @def)
(class_definition name: (identifier) @def)
(parameters (identifier) @def)
(default_parameter name: (identifier) @def)
(typed_parameter (identifier) @def)
(typed_default_parameter name: (identifier) @def)
(lambda_parameters (identifier) @def)
(keyword_argument name: (identifier) @def)
(assignment left: (identifier) @def)
(aliased_import alias: (identifier) @def)
(import_statement name: (dotted_name) @skip)
(import_statement name: (aliased_import name: (dotted_name) @skip))
(import_from_statement module_name: (_) @skip)
`

const SCOPES: ScopeRules = {
  functions: new Set(['function_definition', 'lambda']),
  containers: new Set(['class_definition']),
  nameOf: (node) => node.childForFieldName('name')?.text ?? null,
}

/** Python: `import a.b`, `from ..pkg import x`; top-level functions and classes, methods, ALL_CAPS constants. */
export function createPythonExtractor(language: Language): Extractor {
  const query = compileExtractionQuery(language, 'python', { imports: IMPORTS, definitions: DEFINITIONS, references: REFERENCES })
  return (root) => {
    const found = query(root)
    return {
      imports: found.imports.flatMap((m) => m.captures.flatMap((c) => (c.name === 'import' ? importsOf(c.node) : fromImportOf(c.node)))),
      symbols: found.definitions.flatMap((m) => pythonSymbolsOf(capturesByName(m.captures))),
      references: referencesFrom(found.references),
    }
  }
}

/** `import a.b, c as d`: one import per module. */
function importsOf(statement: Node): ImportSpec[] {
  return statement.childrenForFieldName('name').flatMap((name) => {
    const module = name.type === 'aliased_import' ? name.childForFieldName('name') : name
    return module ? [{ specifier: module.text, kind: 'import' as const, line: lineOf(statement) }] : []
  })
}

/** `from ..pkg.mod import a, b as c` → 'pkg.mod', level 2, names [a, b]; `from m import *` has no names. */
function fromImportOf(statement: Node): ImportSpec[] {
  const module = statement.childForFieldName('module_name')
  if (!module) return []
  let level = 0
  let specifier = module.text
  if (module.type === 'relative_import') {
    level = module.namedChildren.find((c) => c?.type === 'import_prefix')?.text.length ?? 0
    specifier = module.namedChildren.find((c) => c?.type === 'dotted_name')?.text ?? ''
  }
  const names = statement.childrenForFieldName('name').flatMap((n) => (n.type === 'aliased_import' ? (n.childForFieldName('name')?.text ?? []) : n.text))
  return [
    {
      specifier,
      kind: 'import',
      line: lineOf(statement),
      ...(level > 0 ? { level } : {}),
      ...(names.length > 0 ? { names } : {}),
    },
  ]
}

const CONSTANT_NAME = /^_*[A-Z][A-Z0-9_]*$/

/** `_name` is private by convention; `__dunder__` methods are not. */
function isPublicName(name: string): boolean {
  return !name.startsWith('_') || (name.startsWith('__') && name.endsWith('__'))
}

function pythonSymbolsOf(match: Map<string, Node>): SymbolDef[] {
  const name = match.get('name')
  if (!name) return []
  const constant = match.get('constant')
  if (constant) return CONSTANT_NAME.test(name.text) ? [symbolOf(name.text, 'constant', constant, !name.text.startsWith('_'))] : []
  const definition = match.get('function') ?? match.get('class')
  if (!definition) return []
  // Decorators belong to what they decorate.
  const node = definition.parent?.type === 'decorated_definition' ? definition.parent : definition
  const place = placeOf(definition, SCOPES)
  switch (place.kind) {
    case 'local':
      return []
    case 'file':
      return [symbolOf(name.text, match.has('function') ? 'function' : 'class', node, !name.text.startsWith('_'))]
    case 'member': {
      const containerPublic = isPublicName(place.container) && placeOf(place.containerNode, SCOPES).kind !== 'local'
      return [symbolOf(name.text, match.has('function') ? 'method' : 'class', node, containerPublic && isPublicName(name.text), place.container)]
    }
  }
}
