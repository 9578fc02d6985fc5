import type { GitBackend } from '../git/git-backend'
import type { Graph } from '../graph/graph-service'
import { loadRepoContext } from '../graph/graph-context'
import type { Db } from '../store/open-database'
import type { DependencyReport, ImpactReport, ReferenceHit, SymbolHit } from '../../shared/code-graph-types'
import { dependencies, findReferences, findSymbols } from './code-queries'
import { impactOf } from './impact'
import { indexCode } from './index-code'
import { ParsePool } from './parse/parse-pool'

/** What indexing needs from the code structure: bring one repository up to its tree at HEAD. */
export interface CodeIndexer {
  index(run: { repoId: number; repoPath: string; signal?: AbortSignal; onProgress?: (done: number, total: number) => void }): Promise<void>
}

export interface CodeServiceOptions {
  /** Where the parse worker script is, when not next to the bundle that loads this module (tests). */
  readonly parseWorkerUrl?: URL
}

/** The code structure graph of indexed repositories: imports, dependents, impact, symbols. */
export class Code implements CodeIndexer {
  readonly #db: Db
  readonly #backend: GitBackend
  readonly #graph: Graph
  readonly #options: CodeServiceOptions
  #pool: ParsePool | undefined

  constructor(db: Db, backend: GitBackend, graph: Graph, options: CodeServiceOptions = {}) {
    this.#db = db
    this.#backend = backend
    this.#graph = graph
    this.#options = options
  }

  async index(run: { repoId: number; repoPath: string; signal?: AbortSignal; onProgress?: (done: number, total: number) => void }): Promise<void> {
    // Workers start on the first parse, not with the app: most commands never parse anything.
    this.#pool ??= new ParsePool(this.#options.parseWorkerUrl ? { workerUrl: this.#options.parseWorkerUrl } : {})
    await indexCode({ db: this.#db, backend: this.#backend, pool: this.#pool, ...run })
  }

  deps(repoId: number, path: string, options: { reverse?: boolean; depth?: number } = {}): DependencyReport {
    loadRepoContext(this.#db, repoId)
    return dependencies(this.#db, repoId, path, { reverse: options.reverse ?? false, maxDepth: options.depth ?? 1 })
  }

  impact(repoId: number, path: string, options: { depth?: number } = {}): ImpactReport {
    loadRepoContext(this.#db, repoId)
    return impactOf(this.#db, this.#graph, repoId, path, { depth: options.depth ?? 3 })
  }

  symbols(repoId: number, name: string): SymbolHit[] {
    loadRepoContext(this.#db, repoId)
    return findSymbols(this.#db, repoId, name)
  }

  refs(repoId: number, name: string): ReferenceHit[] {
    loadRepoContext(this.#db, repoId)
    return findReferences(this.#db, repoId, name)
  }

  async close(): Promise<void> {
    await this.#pool?.close()
  }
}
