import type { Command } from 'commander'
import { printJson } from '../output'
import { resolveRepoTarget, type RepoTarget, type RepoTargetOptions } from '../repo-target'
import type { CommandContext } from '../run-cli'

export type Options = RepoTargetOptions & { readonly json?: boolean } & Record<string, unknown>

/** Adds the options every graph query takes. */
export function query(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .option('--repo <path>', 'the repository (default: the one around the working directory)')
    .option('--no-refresh', 'answer from the index as it is, without reading new commits first')
    .option('--json', 'print JSON')
}

export function int(name: string) {
  return (value: string): number => {
    const n = Number(value)
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} takes a positive whole number, not ${value}`)
    return n
  }
}

export function num(name: string) {
  return (value: string): number => {
    const n = Number(value)
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} takes a number, not ${value}`)
    return n
  }
}

/** `--under DIR` as a repository path; the whole repository when it is not given. */
export function underOf(target: RepoTarget, under: string | undefined): string {
  return under ? target.toRepoPath(under) : ''
}

/** Runs a query against the target repository and prints its value as JSON or as text. */
export function run<T>(context: CommandContext, options: Options, ask: (target: RepoTarget) => T | Promise<T>, render: (value: T) => string) {
  return (async () => {
    const target = await resolveRepoTarget(context, options)
    const value = await ask(target)
    if (options.json) printJson(context.io, value)
    else context.io.stdout.write(`${render(value)}\n`)
  })()
}

