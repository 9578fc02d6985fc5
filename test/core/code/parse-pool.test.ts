import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CodeLanguage } from '../../../src/core/code/code-types'
import { languageOfPath } from '../../../src/core/code/parse/languages'
import { parseSource } from '../../../src/core/code/parse/parse-file'
import { ParsePool } from '../../../src/core/code/parse/parse-pool'
import { PARSE_WORKER_URL } from '../../helpers/parse-worker'

const DYING_WORKER_URL = new URL('../../fixtures/dying-parse-worker.mjs', import.meta.url)
const REPO_ROOT = new URL('../../../', import.meta.url).pathname

/** Source files under a folder with the language they parse as (no node_modules). */
function sourcesUnder(dir: string): { path: string; language: CodeLanguage; source: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    const path = join(entry.parentPath, entry.name)
    const language = languageOfPath(entry.name)
    if (!entry.isFile() || language === null || path.includes('node_modules')) return []
    return [{ path, language, source: readFileSync(path, 'utf8') }]
  })
}

const pools: ParsePool[] = []
function pool(options: ConstructorParameters<typeof ParsePool>[0]): ParsePool {
  const created = new ParsePool(options)
  pools.push(created)
  return created
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

describe('the parse pool', () => {
  it('parses many files at once with the same results as parsing in-thread', async () => {
    const files = sourcesUnder(join(REPO_ROOT, 'src/core'))
    expect(files.length).toBeGreaterThan(50)
    const parsePool = pool({ size: 2, workerUrl: PARSE_WORKER_URL })
    const inPool = await Promise.all(files.map((f) => parsePool.parse(f.language, f.source)))
    for (const [i, file] of files.entries()) {
      expect(inPool[i], relative(REPO_ROOT, file.path)).toEqual(await parseSource(file.language, file.source))
    }
  })

  it('rejects a job after close, saying why', async () => {
    const parsePool = pool({ workerUrl: PARSE_WORKER_URL })
    await parsePool.parse('python', 'import os')
    await parsePool.close()
    await expect(parsePool.parse('python', 'import os')).rejects.toThrow('The parse pool is closed: the python file was not parsed')
  })

  it('fails the jobs still waiting when it closes', async () => {
    const parsePool = pool({ size: 1, workerUrl: PARSE_WORKER_URL })
    const outcomes = Promise.allSettled([parsePool.parse('go', 'package a'), parsePool.parse('go', 'package b')])
    await parsePool.close()
    expect((await outcomes).map((o) => (o.status === 'rejected' ? String(o.reason) : 'parsed'))).toEqual([
      'CoopError: The parse pool is closed: the go file was not parsed',
      'CoopError: The parse pool is closed: the go file was not parsed',
    ])
  })

  it('rejects a job whose parse throws, and keeps the worker for the next one', async () => {
    const parsePool = pool({ size: 1, workerUrl: PARSE_WORKER_URL })
    await expect(parsePool.parse('cobol' as CodeLanguage, 'IDENTIFICATION DIVISION.')).rejects.toThrow('Could not parse a cobol file: no grammar for the language "cobol"')
    expect((await parsePool.parse('rust', 'mod util;')).imports).toEqual([{ specifier: 'util', kind: 'mod', line: 1 }])
  })

  it('fails only the job of a worker that dies, and starts a fresh worker for the next', async () => {
    const parsePool = pool({ size: 1, workerUrl: DYING_WORKER_URL })
    await expect(parsePool.parse('typescript', 'exit')).rejects.toThrow('Parsing a typescript file (4 characters) failed: the parse worker died: it exited with code 3')
    expect((await parsePool.parse('typescript', 'after-exit')).references).toEqual([{ name: 'after-exit', line: 1 }])
    await expect(parsePool.parse('typescript', 'throw')).rejects.toThrow('the parse worker died: it threw Error: boom')
    const next = await Promise.all(['one', 'two', 'three'].map((s) => parsePool.parse('typescript', s)))
    expect(next.map((p) => p.references[0]?.name)).toEqual(['one', 'two', 'three'])
  })

  it('hands the jobs a dead worker held but never started to a fresh worker', async () => {
    // One worker holds several jobs at once: 'exit' kills it with 'two' and 'three' still waiting in it.
    const parsePool = pool({ size: 1, workerUrl: DYING_WORKER_URL })
    const outcomes = await Promise.allSettled(['one', 'exit', 'two', 'three'].map((s) => parsePool.parse('typescript', s)))
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.references[0]?.name : String(o.reason)))).toEqual([
      'one',
      'CoopError: Parsing a typescript file (4 characters) failed: the parse worker died: it exited with code 3',
      'two',
      'three',
    ])
  })

  it('says so when its worker script was never built', async () => {
    const parsePool = pool({ workerUrl: new URL('file:///nowhere/parse-worker.mjs') })
    await expect(parsePool.parse('c', 'int x;')).rejects.toThrow('The parse worker script is missing: /nowhere/parse-worker.mjs')
  })
})

// Express (a git clone in /tmp/real-express) is the benchmark the notes use; measured, not asserted.
const EXPRESS = ['/work/main/node_modules/express', '/tmp/real-express'].find((dir) => existsSync(dir))

describe.skipIf(EXPRESS === undefined)('parsing speed', () => {
  it('prints files per second in-thread and in the pool', async () => {
    const files = sourcesUnder(EXPRESS as string).filter((f) => f.language === 'javascript' || f.language === 'typescript')
    const rate = (ms: number): string => `${files.length} files in ${ms.toFixed(0)} ms = ${((files.length / ms) * 1000).toFixed(0)} files/s`
    const time = async (run: () => Promise<unknown>): Promise<number> => {
      const start = performance.now()
      await run()
      return performance.now() - start
    }
    const lines: string[] = []
    for (const round of ['cold', 'warm']) {
      lines.push(`in-thread (${round}): ${rate(await time(async () => { for (const f of files) await parseSource(f.language, f.source) }))}`)
    }
    for (const size of [1, 2]) {
      const parsePool = pool({ size, workerUrl: PARSE_WORKER_URL })
      const cold = await time(() => Promise.all(files.map((f) => parsePool.parse(f.language, f.source))))
      const warm = await time(() => Promise.all(files.map((f) => parsePool.parse(f.language, f.source))))
      lines.push(`pool of ${size} (cold, workers starting): ${rate(cold)}`, `pool of ${size} (warm): ${rate(warm)}`)
    }
    console.log(`Parsing ${EXPRESS}:\n  ${lines.join('\n  ')}`)
  })
})
