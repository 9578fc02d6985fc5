import { buildParseWorker } from '../../scripts/build-parse-worker.mjs'
import { PARSE_WORKER_PATH } from '../helpers/parse-worker'

/** Vitest global setup: the worker script ParsePool starts, built from the sources under test. */
export default async function setup(): Promise<void> {
  await buildParseWorker(PARSE_WORKER_PATH)
}
