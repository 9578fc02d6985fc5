/**
 * The code structure graph's vocabulary, shared by parsing (what a file says), resolution (what it
 * points at) and storage. Line numbers are 1-based and inclusive.
 */

export type CodeLanguage = 'typescript' | 'tsx' | 'javascript' | 'python' | 'go' | 'java' | 'rust' | 'ruby' | 'csharp' | 'c' | 'cpp'

/** How an import was written; resolution rules differ per kind. */
export type ImportKind =
  | 'import' // ES `import … from`, `export … from`, Python `import` / `from … import`, Java/C#/Go imports
  | 'dynamic' // `import('x')` with a string literal
  | 'require' // CommonJS `require('x')`, Ruby `require`
  | 'require_relative' // Ruby
  | 'include' // C/C++ `#include "x"` (quoted) or `<x>` (system, see `system`)
  | 'mod' // Rust `mod x;` (a file module)
  | 'use' // Rust `use`

export interface ImportSpec {
  /** The text as written: './util', 'react', 'os.path', 'github.com/x/y/z', 'crate::a::b', 'stdio.h'. */
  readonly specifier: string
  readonly kind: ImportKind
  readonly line: number
  /** Type-only (TypeScript `import type`): still an edge, marked so impact can tell. */
  readonly typeOnly?: boolean
  /** Python: leading dots of a relative import (`from ..a import b` → 2); 0 or absent when absolute. */
  readonly level?: number
  /** Names imported from the module where the syntax lists them (Python `from m import a, b`, Java static). */
  readonly names?: readonly string[]
  /** C/C++: `#include <x>` rather than `"x"`. */
  readonly system?: boolean
}

export type SymbolKind = 'function' | 'class' | 'method' | 'interface' | 'type' | 'enum' | 'constant' | 'struct' | 'trait' | 'module' | 'variable'

export interface SymbolDef {
  readonly name: string
  readonly kind: SymbolKind
  readonly startLine: number
  readonly endLine: number
  /** Visible outside the file: `export`, Python/Ruby top level, Go capitalised, Java/C# public, Rust `pub`. */
  readonly exported: boolean
  /** The enclosing class/impl/module for methods, else absent. */
  readonly container?: string
}

/** An identifier used (not defined) in the file: the base of "where is this used". */
export interface SymbolRef {
  readonly name: string
  readonly line: number
}

export interface ParsedFile {
  readonly language: CodeLanguage
  readonly imports: readonly ImportSpec[]
  readonly symbols: readonly SymbolDef[]
  readonly references: readonly SymbolRef[]
}

/** What an import points at. Never a guess: what cannot be resolved says so, with the reason. */
export type Resolution =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'external'; readonly ecosystem: ExternalEcosystem; readonly name: string }
  | { readonly kind: 'unresolved'; readonly reason: string }

export type ExternalEcosystem = 'npm' | 'node' | 'pypi' | 'python-stdlib' | 'go' | 'go-stdlib' | 'crate' | 'rust-std' | 'maven' | 'jdk' | 'gem' | 'ruby-stdlib' | 'nuget' | 'dotnet' | 'system-header'

/**
 * The repository as resolution sees it: the files at HEAD (repository-relative, '/'-separated) and
 * the text of the few configuration files resolution reads (tsconfig.json, package.json, go.mod,
 * Cargo.toml, setup.cfg/pyproject.toml…). Pure data, so resolution is testable without git.
 */
export interface RepoSnapshot {
  readonly paths: ReadonlySet<string>
  /** The text of a file at HEAD, or null when it does not exist (or is not text). */
  readText(path: string): string | null
}
