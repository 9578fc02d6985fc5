// dependency-cruiser over one folder, in a process of its own so that it pays Node start-up as the
// `coop index` it is compared with does (code-bench.ts runs it):
//
//   node bench/cruise-child.mjs DIR [TSCONFIG]
//
// Prints one JSON object: { cruiseMs, files, edges, imports }. cruiseMs is the cruise alone (after
// importing dependency-cruiser); files are the repository files it saw, edges its file → file edges,
// imports [from, specifier, resolved or null] for every import (to explain disagreements). The
// configuration is test/helpers/dependency-cruiser.ts's, loaded with Node's own TypeScript type
// stripping (Node 22.18+, 23.6+), so this child needs no TypeScript loader of its own.
const [dir, tsConfig] = process.argv.slice(2)
if (!dir) {
  process.stderr.write('usage: node bench/cruise-child.mjs DIR [TSCONFIG]\n')
  process.exit(2)
}
const helper = await import(new URL('../test/helpers/dependency-cruiser.ts', import.meta.url).href)
const started = performance.now()
const result = await helper.cruiseRepository(dir, tsConfig ? { tsConfig } : {})
const cruiseMs = performance.now() - started
// Modules that are files of the repository: not Node's own, not what could not be found.
const files = result.modules.filter((m) => !m.coreModule && !m.couldNotResolve).map((m) => m.source)
const imports = result.modules.flatMap((m) =>
  m.dependencies.map((d) => [m.source, d.module, d.couldNotResolve ? null : d.coreModule ? `Node module ${d.resolved}` : d.resolved]),
)
process.stdout.write(JSON.stringify({ cruiseMs, files, edges: helper.fileEdges(result), imports }))
