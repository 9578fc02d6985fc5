// The parse worker (src/core/code/parse/parse-worker.ts) runs in a worker thread, which loads a file
// of its own: one build definition for every place that starts it (CLI, tests; Electron main builds it
// through electron-vite with the same entry).
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export const PARSE_WORKER_ENTRY = fileURLToPath(new URL('../src/core/code/parse/parse-worker.ts', import.meta.url))

/** Bundles the worker into `outfile` (an .mjs path); web-tree-sitter and the grammars stay in node_modules. */
export async function buildParseWorker(outfile) {
  await build({
    entryPoints: [PARSE_WORKER_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  })
}
