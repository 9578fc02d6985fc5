/** The code structure graph's answers, as the CLI, the bridge and the app see them. */
/** One import edge between two files of the repository, `depth` steps from the asked file. */
export interface DependencyEdge {
  readonly from: string
  readonly to: string
  readonly depth: number
  readonly specifier: string
  readonly line: number
  readonly typeOnly: boolean
}

export interface ExternalDependency {
  readonly from: string
  readonly ecosystem: string
  readonly name: string
  readonly specifier: string
  readonly line: number
}

export interface UnresolvedImport {
  readonly from: string
  readonly specifier: string
  readonly line: number
  readonly reason: string
}

export interface DependencyReport {
  readonly path: string
  readonly direction: 'imports' | 'dependents'
  readonly depth: number
  /** Files reached, nearest first, each once at the depth it was first reached. */
  readonly files: readonly { readonly path: string; readonly depth: number }[]
  readonly edges: readonly DependencyEdge[]
  /** Packages outside the repository (only when following imports). */
  readonly external: readonly ExternalDependency[]
  /** Imports that could not be resolved, with their text and the reason. */
  readonly unresolved: readonly UnresolvedImport[]
}

export interface SymbolHit {
  readonly name: string
  readonly kind: string
  readonly path: string
  readonly startLine: number
  readonly endLine: number
  readonly exported: boolean
  readonly container: string | null
}

export interface ReferenceHit {
  readonly path: string
  readonly lines: readonly number[]
  /** The file imports a file that defines the name: the use most likely means that definition. */
  readonly importsDefinition: boolean
}

/** Why an item is in an impact report, in words a reviewer can check. */
export interface ImpactItem {
  readonly path: string
  readonly why: string
}

export interface ImpactPerson {
  readonly name: string
  readonly email: string
  readonly why: readonly string[]
}

export interface ImpactReport {
  readonly path: string
  /** Files that import the file, directly or through others (up to `depth` steps). */
  readonly dependents: readonly (ImpactItem & { readonly depth: number })[]
  /** Files that usually change in the same commits. */
  readonly coupled: readonly (ImpactItem & { readonly support: number; readonly confidence: number })[]
  /** Test files among the dependents and the coupled files. */
  readonly tests: readonly ImpactItem[]
  /** Who to tell: the file's owners and the leading owner of each direct dependent. */
  readonly notify: readonly ImpactPerson[]
}
