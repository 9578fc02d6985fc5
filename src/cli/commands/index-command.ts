import type { Command } from 'commander'
import { basename, resolve } from 'node:path'
import type { CommandContext } from '../run-cli'
import { formatDuration, printJson } from '../output'
import { ProgressBar } from '../progress-bar'

export function registerIndexCommand(program: Command, context: CommandContext): void {
  program
    .command('index')
    .description('add a repository (if new) and index its history and code; later runs read only what changed')
    .argument('<path>', 'a git repository (or any folder inside one)')
    .option('--json', 'print one JSON object')
    .option('--no-code', 'skip parsing source files (imports, symbols): history and ownership only')
    .action(async (path: string, options: { json?: boolean; code: boolean }) => {
      const { io } = context
      const core = context.openCore()
      const target = resolve(io.cwd, path)
      const bar = io.stderr.isTTY ? new ProgressBar(io.stderr, `Indexing ${basename(target)}`) : null
      const result = await core.repos
        .index(target, { onProgress: (progress) => bar?.update(progress), code: options.code })
        .finally(() => bar?.clear())
      if (options.json) return printJson(io, result)
      const added = result.commitsAdded === 0 ? 'up to date' : `+${result.commitsAdded.toLocaleString('en-US')} new`
      const removed = result.commitsRemoved > 0 ? `, ${result.commitsRemoved.toLocaleString('en-US')} rewritten away` : ''
      io.stdout.write(
        `Indexed ${result.path}: ${result.commits.toLocaleString('en-US')} commits (${added}${removed}), ` +
          `${result.files.toLocaleString('en-US')} files, ${result.people.toLocaleString('en-US')} people ` +
          `in ${formatDuration(result.durationMs)}\n`,
      )
    })
}
