import type { FileChange } from '../read-history'
import { countLineChanges } from './line-diff'
import type { ObjectStore } from './object-store'
import { detectRenames, type ResultPair } from './rename-detection'
import { hashChunks, type SimilaritySide, type SpanCounts } from './similarity'
import { isGitlink } from './tree-object'
import { type DiffSide, diffTrees } from './tree-walk'

/** How git decides a file is binary for numstat; the content check is git's, attributes come from the caller. */
export type BinaryRule = (path: string, content: Buffer) => Promise<boolean>

/** buffer_is_binary: a NUL byte within the first 8000 bytes. */
export function looksBinary(content: Uint8Array): boolean {
  return content.subarray(0, 8000).includes(0)
}

/**
 * The files a commit changed as `git log --numstat --find-renames` reports them: its tree against its
 * first parent's (an empty tree for a root), nothing for merges, renames detected, and line counts
 * (null for binary files) in git's output order.
 */
export class ChangeReader {
  readonly #store: ObjectStore
  readonly #isBinary: BinaryRule
  readonly #renameLimit: number
  readonly #countFinalChunk: boolean

  constructor(store: ObjectStore, options: { isBinary?: BinaryRule; renameLimit: number; countFinalChunk?: boolean }) {
    this.#store = store
    this.#isBinary = options.isBinary ?? (async (_path, content) => looksBinary(content))
    this.#renameLimit = options.renameLimit
    this.#countFinalChunk = options.countFinalChunk ?? true
  }

  async changes(tree: string, parents: readonly string[]): Promise<FileChange[]> {
    // `git log` without -m/-c shows no diff for merges.
    if (parents.length > 1) return []
    const parentTree = parents[0] === undefined ? null : (await this.#store.commit(parents[0])).tree
    const pairs = await diffTrees(this.#store, parentTree, tree)
    // Rename candidates keep their content until pairing is done; counting then reads each blob
    // again through the store's bounded cache, so a huge commit is never held in memory at once.
    const contents = new Map<string, Promise<Buffer>>()
    const content = (side: DiffSide): Promise<Buffer> => {
      let promise = contents.get(side.oid)
      if (!promise) {
        promise = this.#content(side)
        contents.set(side.oid, promise)
      }
      return promise
    }
    const sides = new Map<DiffSide, Promise<SimilaritySide>>()
    const load = (side: DiffSide): Promise<SimilaritySide> => {
      let promise = sides.get(side)
      if (!promise) {
        promise = this.#similaritySide(side, content)
        sides.set(side, promise)
      }
      return promise
    }
    const renamed = await detectRenames(pairs, load, { renameLimit: this.#renameLimit })
    contents.clear()
    sides.clear()
    const changes: FileChange[] = []
    for (const pair of renamed) changes.push(await this.#numstat(pair))
    return changes
  }

  async #numstat(pair: ResultPair): Promise<FileChange> {
    const path = (pair.new ?? pair.old)?.path ?? ''
    const oldPath = pair.renamed ? (pair.old?.path ?? null) : null
    const before = pair.old ? await this.#content(pair.old) : EMPTY
    const after = pair.new ? await this.#content(pair.new) : EMPTY
    const binary = (pair.old !== null && (await this.#isBinary(pair.old.path, before))) || (pair.new !== null && (await this.#isBinary(pair.new.path, after)))
    if (binary) return { path, oldPath, added: null, removed: null }
    // Same blob on both sides (a pure rename or a mode change): nothing to count.
    if (pair.old && pair.new && pair.old.oid === pair.new.oid) return { path, oldPath, added: 0, removed: 0 }
    const counts = countLineChanges(before, after)
    return { path, oldPath, added: counts.added, removed: counts.removed }
  }

  /** The text git diffs for one side: blob bytes, a symlink's target, or a submodule's commit line. */
  async #content(side: DiffSide): Promise<Buffer> {
    if (isGitlink(side.mode)) return Buffer.from(`Subproject commit ${side.oid}\n`)
    return this.#store.blob(side.oid)
  }

  async #similaritySide(side: DiffSide, content: (side: DiffSide) => Promise<Buffer>): Promise<SimilaritySide> {
    const bytes = await content(side)
    const isText = !(await this.#isBinary(side.path, bytes))
    let spans: SpanCounts | null = null
    return {
      mode: side.mode,
      size: bytes.length,
      spans: () => (spans ??= hashChunks(bytes, isText, this.#countFinalChunk)),
    }
  }
}

const EMPTY = Buffer.alloc(0)
