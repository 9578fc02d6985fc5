import { processIo } from './io'
import { runCli } from './run-cli'

// `coop files | head` closes the pipe early: that is the reader being done, not a failure to report
// with a stack trace. Exit quietly, as git and other Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

const code = await runCli(process.argv.slice(2), processIo())
process.exitCode = code
