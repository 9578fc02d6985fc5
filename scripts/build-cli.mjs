// Bundles the `coop` command into out/cli/coop.mjs, and next to it the parse worker it starts
// (out/cli/parse-worker.mjs). Our own TypeScript is compiled in; dependencies stay in node_modules.
import { readFileSync } from 'node:fs'
import { build } from 'esbuild'
import { buildParseWorker, NODE_BUNDLE } from './build-parse-worker.mjs'

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

const cli = build({
  ...NODE_BUNDLE,
  entryPoints: ['src/cli/coop.ts'],
  outfile: 'out/cli/coop.mjs',
  define: { __COOP_VERSION__: JSON.stringify(version) },
})
await Promise.all([cli, buildParseWorker('out/cli/parse-worker.mjs')])
