/**
 * The entry point of a parse worker thread (see ParsePool). Built as its own bundle next to the one
 * that starts it: out/cli/parse-worker.mjs, out/main/parse-worker.mjs, out/test/parse-worker.mjs.
 */
import { parentPort } from 'node:worker_threads'
import { isCodeLanguage } from './languages'
import type { ParseJob, ParseReply } from './parse-messages'
import { parseSource } from './parse-file'

const port = parentPort
if (port === null) throw new Error('parse-worker runs as a worker thread started by ParsePool, not as a script')

// The pool posts several jobs ahead and takes the answers in order: one job at a time, in turn.
let previous = Promise.resolve()
port.on('message', (job: ParseJob) => {
  previous = previous.then(async () => port.postMessage(await answer(job)))
})

async function answer(job: ParseJob): Promise<ParseReply> {
  if (!isCodeLanguage(job.language)) return { id: job.id, ok: false, error: `no grammar for the language ${JSON.stringify(job.language)}` }
  try {
    return { id: job.id, ok: true, parsed: await parseSource(job.language, job.source) }
  } catch (error) {
    return { id: job.id, ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}
