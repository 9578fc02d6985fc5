import { fileURLToPath } from 'node:url'

/**
 * Tests run TypeScript sources, so the parse worker a ParsePool starts is built once per run by the
 * unit project's global setup (test/setup/build-parse-worker.ts) to this file.
 */
export const PARSE_WORKER_URL = new URL('../../out/test/parse-worker.mjs', import.meta.url)
export const PARSE_WORKER_PATH = fileURLToPath(PARSE_WORKER_URL)
