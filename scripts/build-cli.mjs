// Bundles the `coop` command into out/cli/coop.mjs, and next to it the parse worker it starts
// (out/cli/parse-worker.mjs). Dependencies stay in node_modules (native modules such as
// better-sqlite3 cannot be bundled); our own TypeScript is compiled in.
import { readFileSync } from 'node:fs'
import { build } from 'esbuild'
import { buildParseWorker } from './build-parse-worker.mjs'

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

const cli = build({
  entryPoints: ['src/cli/coop.ts'],
  outfile: 'out/cli/coop.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  define: { __COOP_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
})
await Promise.all([cli, buildParseWorker('out/cli/parse-worker.mjs')])
