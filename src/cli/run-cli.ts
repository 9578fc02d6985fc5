import { Command, CommanderError } from 'commander'
import type { Core } from '../core/core'
import { resolveDataDir } from '../core/config/data-dir'
import { openCore } from '../core/create-core'
import { toBridgeError } from '../core/bridge/dispatch'
import { CoopError } from '../core/errors/coop-error'
import { isGitBackendSetting } from '../core/git/choose-backend'
import { registerAskCommand } from './commands/ask-command'
import { registerAttestCommand } from './commands/attest-command'
import { registerAuditCommand } from './commands/audit-command'
import { registerCodeCommands } from './commands/code-commands'
import { registerPolicyCommand } from './commands/policy-command'
import { registerUsageCommand } from './commands/usage-command'
import { registerGraphCommands } from './commands/graph-commands'
import { registerIndexCommand } from './commands/index-command'
import { registerKeysCommand } from './commands/keys-command'
import { registerProvidersCommand } from './commands/providers-command'
import { registerRemoveCommand } from './commands/remove-command'
import { registerReposCommand } from './commands/repos-command'
import { registerSanitizeCommand } from './commands/sanitize-command'
import { registerServeCommand } from './commands/serve-command'
import type { CliIo } from './io'
import { CliError, printJson } from './output'

declare const __COOP_VERSION__: string
export const VERSION = typeof __COOP_VERSION__ === 'string' ? __COOP_VERSION__ : '0.0.0-dev'

/** What every command receives: its IO, and a Core opened on first use in the chosen data directory. */
export interface CommandContext {
  readonly io: CliIo
  openCore(): Core
  /** Tests point these elsewhere; the real command uses the built renderer and process signals. */
  readonly rendererDir?: string
  readonly stopSignal?: AbortSignal
}

export interface RunOptions {
  readonly rendererDir?: string
  readonly stopSignal?: AbortSignal
}

/**
 * Runs one `coop` invocation and resolves to its exit code. Errors are one clear line on stderr
 * (and a JSON `error` object on stdout with --json): 1 for failures, 2 for usage mistakes.
 */
export async function runCli(argv: readonly string[], io: CliIo, runOptions: RunOptions = {}): Promise<number> {
  let core: Core | undefined
  const program = new Command('coop')
    .description('Coop Desktop from the command line: index repositories and serve the app in a browser.')
    .version(VERSION, '-v, --version')
    .option('--data-dir <dir>', 'profile folder (default: $COOP_DATA_DIR, else the folder the desktop app uses)')
    .option('--git-backend <kind>', 'how to read repositories: auto, git or isomorphic (default: $COOP_GIT_BACKEND, else auto)')
    .showHelpAfterError('(run coop --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })

  const context: CommandContext = {
    io,
    ...runOptions,
    openCore() {
      const opts = program.opts<{ dataDir?: string; gitBackend?: string }>()
      const dataDir = resolveDataDir({ flag: opts.dataDir, env: io.env })
      const gitBackend = opts.gitBackend ?? io.env.COOP_GIT_BACKEND ?? 'auto'
      if (!isGitBackendSetting(gitBackend)) throw new CoopError('invalid_input', `--git-backend takes auto, git or isomorphic, not ${gitBackend}`)
      core ??= openCore({ dataDir, version: VERSION, name: 'Coop Desktop', gitBackend, env: io.env })
      return core
    },
  }
  registerIndexCommand(program, context)
  registerReposCommand(program, context)
  registerRemoveCommand(program, context)
  registerServeCommand(program, context)
  registerGraphCommands(program, context)
  registerCodeCommands(program, context)
  registerSanitizeCommand(program, context)
  registerKeysCommand(program, context)
  registerProvidersCommand(program, context)
  registerPolicyCommand(program, context)
  registerAskCommand(program, context)
  registerUsageCommand(program, context)
  registerAttestCommand(program, context)
  registerAuditCommand(program, context)

  try {
    await program.parseAsync([...argv], { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    const cliError = error instanceof CliError ? error : new CliError(toBridgeError(error))
    if (cliError.error.code === 'internal') core?.logger.log('error', 'command failed', { argv: argv[0], error })
    if (cliError.printed) return cliError.exitCode
    if (argv.includes('--json')) printJson(io, { error: cliError.error })
    io.stderr.write(`coop: ${cliError.error.message}\n`)
    return cliError.exitCode
  } finally {
    await core?.close()
  }
}
