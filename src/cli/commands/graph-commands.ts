import type { Command } from 'commander'
import { CoopError } from '../../core/errors/coop-error'
import type { CommandContext } from '../run-cli'
import { int, num, query, run, underOf, type Options } from './query-command'
import { renderBlame, renderCoupling, renderDrift, renderFiles, renderHistory, renderHotspots, renderOwners, renderSearch } from './graph-render'

export function registerGraphCommands(program: Command, context: CommandContext): void {
  const graph = () => context.openCore().graph

  query(program, 'files', 'files at HEAD with size, language, kind, last commit and author')
    .option('--under <dir>', 'only files below this folder')
    .option('--limit <n>', 'at most this many', int('--limit'))
    .action((options: Options & { under?: string; limit?: number }) =>
      run(context, options, (t) => graph().files(t.repoId, { under: underOf(t, options.under), limit: options.limit }), renderFiles),
    )

  query(program, 'owners', 'who owns a file or folder: shares of the work, bus factor, declared owners')
    .argument('<path>', 'a file or folder')
    .option('--half-life <days>', 'recency half-life in days (default 180)', num('--half-life'))
    .option('--inactive-days <days>', 'owners inactive longer than this make a path orphaned (default 365)', num('--inactive-days'))
    .option('--include-bots', 'count dependency bots and CI accounts as owners')
    .action((path: string, options: Options & { halfLife?: number; inactiveDays?: number; includeBots?: boolean }) =>
      run(
        context,
        options,
        (t) => graph().owners(t.repoId, t.toRepoPath(path), { halfLifeDays: options.halfLife, inactiveDays: options.inactiveDays, includeBots: options.includeBots }),
        renderOwners,
      ),
    )

  query(program, 'history', 'commits that changed a file (following renames) or a folder')
    .argument('<path>', 'a file or folder')
    .option('--limit <n>', 'at most this many commits (default 100)', int('--limit'))
    .action((path: string, options: Options & { limit?: number }) =>
      run(context, options, (t) => graph().history(t.repoId, t.toRepoPath(path), { limit: options.limit }), renderHistory),
    )

  query(program, 'hotspots', 'files where change concentrates: commits and churn in a window, weighted by size')
    .option('--since <when>', 'the window: 12.months, 90.days, 2.weeks, 1.year or a date (default 12.months)')
    .option('--under <dir>', 'only files below this folder')
    .option('--limit <n>', 'at most this many (default 20)', int('--limit'))
    .action((options: Options & { since?: string; under?: string; limit?: number }) =>
      run(
        context,
        options,
        (t) => graph().hotspots(t.repoId, { since: options.since, under: underOf(t, options.under), limit: options.limit }),
        renderHotspots,
      ),
    )

  query(program, 'coupling', 'files that usually change together with a file')
    .argument('<path>', 'a file')
    .option('--max-files <n>', 'ignore commits touching more files than this (default 30)', int('--max-files'))
    .option('--min-support <n>', 'at least this many shared commits (default 2)', int('--min-support'))
    .option('--limit <n>', 'at most this many (default 20)', int('--limit'))
    .action((path: string, options: Options & { maxFiles?: number; minSupport?: number; limit?: number }) =>
      run(
        context,
        options,
        (t) => graph().coupling(t.repoId, t.toRepoPath(path), { maxFilesPerCommit: options.maxFiles, minSupport: options.minSupport, limit: options.limit }),
        renderCoupling,
      ),
    )

  query(program, 'blame', 'the commits that last touched a range of lines: why is this like this?')
    .argument('<path>', 'a file')
    .requiredOption('--lines <range>', 'lines A-B (or a single line A)')
    .action((path: string, options: Options & { lines: string }) => {
      const match = /^(\d+)(?:-(\d+))?$/.exec(options.lines)
      const start = Number(match?.[1])
      const end = Number(match?.[2] ?? match?.[1])
      if (!match || start < 1 || end < start) throw new CoopError('invalid_input', `--lines takes a range like 10-20, not ${options.lines}`)
      return run(context, options, (t) => graph().blame(t.repoId, t.toRepoPath(path), start, end), renderBlame)
    })

  query(program, 'search', 'find paths (fuzzy), commit messages and people')
    .argument('<text...>', 'what to look for')
    .option('--limit <n>', 'at most this many of each (default 20)', int('--limit'))
    .action((text: string[], options: Options & { limit?: number }) =>
      run(context, options, (t) => graph().search(t.repoId, text.join(' '), { limit: options.limit }), renderSearch),
    )

  query(program, 'drift', 'files whose CODEOWNERS did little of the actual work')
    .option('--under <dir>', 'only files below this folder')
    .option('--threshold <share>', 'list files whose declared owners hold less than this share (default 0.2)', num('--threshold'))
    .option('--limit <n>', 'at most this many (default 100)', int('--limit'))
    .action((options: Options & { under?: string; threshold?: number; limit?: number }) =>
      run(
        context,
        options,
        (t) => graph().drift(t.repoId, { under: underOf(t, options.under), threshold: options.threshold, limit: options.limit }),
        renderDrift,
      ),
    )
}
