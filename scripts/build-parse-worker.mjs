// The parse worker (src/core/code/parse/parse-worker.ts) runs in a worker thread, which loads a file
// of its own: one build definition for every place that starts it (CLI, tests; Electron main builds it
// through electron-vite with the same entry).
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export const PARSE_WORKER_ENTRY = fileURLToPath(new URL('../src/core/code/parse/parse-worker.ts', import.meta.url))

/**
 * How every Node bundle of ours is built: ESM for Node 22+, dependencies left in node_modules (native
 * modules such as better-sqlite3, and the wasm grammars, cannot be bundled).
 */
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
}

/** Bundles the worker into `outfile` (an .mjs path). */
export async function buildParseWorker(outfile) {
  await build({ ...NODE_BUNDLE, entryPoints: [PARSE_WORKER_ENTRY], outfile })
}
