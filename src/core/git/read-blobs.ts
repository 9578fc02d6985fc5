import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runGitWithFiles } from './run-git'

export interface Blob {
  readonly oid: string
  /** Null when the repository does not have the object (a shallow or partial clone). */
  readonly content: Buffer | null
}

/**
 * The contents of many blobs from one `git cat-file --batch`, handed to `onBlob` in the order asked,
 * one at a time (git waits while `onBlob` works, so memory holds one blob, not all). Callers pass
 * only blobs they mean to read whole: sizes are known from the tree listing.
 */
export async function readBlobs(repoPath: string, oids: readonly string[], onBlob: (blob: Blob) => Promise<void> | void): Promise<void> {
  if (oids.length === 0) return
  const dir = await mkdtemp(join(tmpdir(), 'coop-blobs-'))
  try {
    const input = join(dir, 'oids')
    await writeFile(input, `${oids.join('\n')}\n`)
    await runGitWithFiles(repoPath, ['cat-file', '--batch'], input, undefined, async (stdout) => {
      const parser = new BatchParser()
      for await (const chunk of stdout as AsyncIterable<Buffer>) {
        for (const blob of parser.push(chunk)) await onBlob(blob)
      }
      if (!parser.finished) throw new Error('git cat-file --batch stopped in the middle of an object')
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** `<oid> <type> <size>\n<content>\n` per object, or `<oid> missing\n`. */
class BatchParser {
  #buffer: Buffer = Buffer.alloc(0)
  #pending: { oid: string; size: number } | null = null

  get finished(): boolean {
    return this.#pending === null && this.#buffer.length === 0
  }

  *push(chunk: Buffer): Generator<Blob> {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk])
    for (;;) {
      if (this.#pending === null) {
        const newline = this.#buffer.indexOf(0x0a)
        if (newline === -1) return
        const header = this.#buffer.subarray(0, newline).toString('utf8')
        this.#buffer = this.#buffer.subarray(newline + 1)
        const [oid = '', type = '', size = ''] = header.split(' ')
        if (type === 'missing' || type === 'ambiguous') {
          yield { oid, content: null }
          continue
        }
        this.#pending = { oid, size: Number(size) }
      }
      const { oid, size } = this.#pending
      // The content and the newline after it.
      if (this.#buffer.length < size + 1) return
      const content = Buffer.from(this.#buffer.subarray(0, size))
      this.#buffer = this.#buffer.subarray(size + 1)
      this.#pending = null
      yield { oid, content }
    }
  }
}
