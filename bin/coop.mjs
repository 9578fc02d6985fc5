#!/usr/bin/env node
// The `coop` command. The real program is built by `npm install` (the prepare script) into out/cli.
import { existsSync } from 'node:fs'

const entry = new URL('../out/cli/coop.mjs', import.meta.url)
if (!existsSync(entry)) {
  process.stderr.write('coop: the command is not built yet: run npm run build in the Coop Desktop folder\n')
  process.exit(1)
}
await import(entry.href)
