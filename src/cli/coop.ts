import { processIo } from './io'
import { runCli } from './run-cli'

const code = await runCli(process.argv.slice(2), processIo())
process.exitCode = code
