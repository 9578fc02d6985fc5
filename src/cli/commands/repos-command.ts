import type { Command } from 'commander'
import type { CommandContext } from '../run-cli'
import { formatAgo, formatTable, printJson } from '../output'

export function registerReposCommand(program: Command, context: CommandContext): void {
  program
    .command('repos')
    .description('list indexed repositories with their counts and last indexed time')
    .option('--json', 'print a JSON array')
    .action((options: { json?: boolean }) => {
      const { io } = context
      const repos = context.openCore().repos.list()
      if (options.json) {
        return printJson(
          io,
          repos.map(({ state: _state, ...repo }) => repo),
        )
      }
      if (repos.length === 0) {
        io.stdout.write('No repositories yet. Add one with: coop index <path>\n')
        return
      }
      const rows = repos.map((repo) => [
        repo.id,
        repo.name,
        repo.commits,
        repo.files,
        repo.people,
        formatAgo(repo.lastIndexedAt),
        repo.path,
      ])
      io.stdout.write(`${formatTable(['ID', 'NAME', 'COMMITS', 'FILES', 'PEOPLE', 'INDEXED', 'PATH'], rows)}\n`)
    })
}
