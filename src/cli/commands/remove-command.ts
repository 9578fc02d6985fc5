import type { Command } from 'commander'
import { resolve } from 'node:path'
import { CoopError } from '../../core/errors/coop-error'
import type { CommandContext } from '../run-cli'
import { printJson } from '../output'

export function registerRemoveCommand(program: Command, context: CommandContext): void {
  program
    .command('remove')
    .description('forget a repository and what was indexed from it (the repository itself is untouched)')
    .argument('<repo>', 'the repository id (see coop repos) or its path')
    .option('--json', 'print one JSON object')
    .action((repo: string, options: { json?: boolean }) => {
      const { io } = context
      const repos = context.openCore().repos
      const path = resolve(io.cwd, repo)
      const match = repos.list().find((r) => String(r.id) === repo || r.path === path || r.path === repo)
      if (!match) throw new CoopError('not_found', `No indexed repository matches ${repo}: list them with coop repos`)
      repos.remove(match.id)
      if (options.json) return printJson(io, { removed: true, repoId: match.id, path: match.path })
      io.stdout.write(`Removed ${match.name} (${match.path}) from the index\n`)
    })
}
