// Runs a Node program in this process and, when the process exits, writes its peak resident memory
// to a file, so a benchmark can read the peak memory of a child process on any platform:
//
//   node bench/run-with-maxrss.mjs REPORT.json PROGRAM.mjs [ARGS...]
//
// REPORT.json receives {"maxRssKiB": N, "exitCode": N}. process.resourceUsage().maxRSS is the peak
// resident set size of this Node process (KiB); git processes it spawns are not included.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const [node, , report, program, ...args] = process.argv
if (!report || !program) {
  process.stderr.write('usage: node bench/run-with-maxrss.mjs REPORT.json PROGRAM.mjs [ARGS...]\n')
  process.exit(2)
}
const entry = resolve(program)
// The program sees the command line it would have seen had it been run directly.
process.argv = [node ?? process.execPath, entry, ...args]
process.on('exit', (code) => {
  writeFileSync(report, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, exitCode: code }))
})
await import(pathToFileURL(entry).href)
