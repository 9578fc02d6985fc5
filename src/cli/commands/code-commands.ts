import type { Command } from 'commander'
import type { CommandContext } from '../run-cli'
import { renderDeps, renderImpact, renderRefs, renderSymbols } from './code-render'
import { int, query, run, type Options } from './query-command'

export function registerCodeCommands(program: Command, context: CommandContext): void {
  const code = () => context.openCore().code

  query(program, 'deps', 'what a file imports (or, with --reverse, what imports it), transitively')
    .argument('<path>', 'a source file')
    .option('--reverse', 'the files that depend on it instead')
    .option('--depth <n>', 'follow this many steps (default 1)', int('--depth'))
    .action((path: string, options: Options & { reverse?: boolean; depth?: number }) =>
      run(context, options, (t) => code().deps(t.repoId, t.toRepoPath(path), { reverse: options.reverse ?? false, depth: options.depth }), renderDeps),
    )

  query(program, 'impact', 'what a change to a file may touch: dependents, coupled files, tests, people to tell')
    .argument('<path>', 'a source file')
    .option('--depth <n>', 'follow dependents this many steps (default 3)', int('--depth'))
    .action((path: string, options: Options & { depth?: number }) =>
      run(context, options, (t) => code().impact(t.repoId, t.toRepoPath(path), { depth: options.depth }), renderImpact),
    )

  query(program, 'symbols', 'where a function, class, type or constant is defined')
    .argument('<name>', 'the name (exact; ignoring case when nothing matches exactly)')
    .action((name: string, options: Options) => run(context, options, (t) => code().symbols(t.repoId, name), renderSymbols))

  query(program, 'refs', 'where a name is used')
    .argument('<name>', 'the name')
    .action((name: string, options: Options) => run(context, options, (t) => code().refs(t.repoId, name), renderRefs))
}
