import type { Command } from 'commander'
import { CoopError } from '../../core/errors/coop-error'
import { isProviderId, PROVIDER_ID_RULE } from '../../core/keys/key-store'
import { checkBaseUrl } from '../../core/providers/base-url'
import { defaultBaseUrl, isProviderKind, PROVIDER_KIND_RULE, PROVIDER_KINDS } from '../../shared/provider-kinds'
import { providerViews } from '../../core/providers/provider-views'
import type { ProviderView } from '../../shared/router-types'
import { registerProviderPolicyCommands } from './provider-policy-commands'
import { CliError, formatTable, printJson } from '../output'
import type { CommandContext } from '../run-cli'

const HELP_AFTER = `
Kinds: ${PROVIDER_KINDS.join(', ')}. openai-compatible is any server that speaks the OpenAI API
(Ollama, llama.cpp server, vLLM, LM Studio) and needs --base-url; it is listed as local when that URL
is this machine or a private network address. The other kinds use their public API unless --base-url
says otherwise.

Examples:
  coop providers add openai --kind openai --model gpt-4.1 --model gpt-4.1-mini
  coop providers add ollama --kind openai-compatible --base-url http://localhost:11434/v1 --model llama3.1:8b
  coop providers list --json
  coop providers disable openai
  coop providers remove ollama
`

interface AddOptions {
  readonly kind: string
  readonly baseUrl?: string
  readonly model: string[]
  readonly timeoutMs?: string
  readonly json?: boolean
}

export function registerProvidersCommand(program: Command, context: CommandContext): void {
  const providers = program.command('providers').description('model providers Coop may call: kind, base URL, models').addHelpText('after', HELP_AFTER)

  providers
    .command('add')
    .description('configure a provider (enabled)')
    .argument('<id>', 'a name for it, like openai or ollama')
    .requiredOption('--kind <kind>', `one of ${PROVIDER_KINDS.join(', ')}`)
    .option('--base-url <url>', 'where to reach it (required for openai-compatible; default: the kind’s public API)')
    .option('--model <name>', 'a model it offers (repeat for several)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--timeout-ms <n>', 'request timeout in milliseconds (default 60000)')
    .option('--json', 'print the provider as JSON')
    .action((id: string, options: AddOptions) => {
      const { io } = context
      checkIdArgument(id)
      if (!isProviderKind(options.kind)) throw usageError(PROVIDER_KIND_RULE)
      if (options.baseUrl === undefined && defaultBaseUrl(options.kind) === null) {
        throw usageError(`A provider of kind ${options.kind} needs --base-url (like http://localhost:11434/v1 for Ollama)`)
      }
      if (options.baseUrl !== undefined) asUsageError(() => checkBaseUrl(options.baseUrl ?? ''))
      let timeoutMs: number | undefined
      if (options.timeoutMs !== undefined) {
        if (!/^\d+$/.test(options.timeoutMs)) throw usageError('--timeout-ms takes a whole number of milliseconds')
        timeoutMs = Number(options.timeoutMs)
      }
      const info = context.openCore().providers.add({
        id,
        kind: options.kind,
        models: options.model,
        ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      })
      if (options.json) return printJson(io, info)
      io.stdout.write(`Added provider ${info.id} (${info.kind}, ${info.baseUrl ?? ''}, ${info.local ? 'local' : 'remote'})\n`)
    })

  providers
    .command('list')
    .description('list configured providers')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const { io } = context
      const core = context.openCore()
      const list = await providerViews(core.providers, core.keys, core.policy)
      if (options.json) return printJson(io, list)
      if (list.length === 0) {
        io.stdout.write('No providers. Add one with: coop providers add <id> --kind <kind>\n')
        return
      }
      io.stdout.write(`${formatTable(['ID', 'KIND', 'BASE URL', 'LOCAL', 'ENABLED', 'RETENTION', 'KEY', 'MODELS', 'STATUS'], list.map(toRow))}\n`)
    })

  for (const enabled of [true, false]) {
    const verb = enabled ? 'enable' : 'disable'
    providers
      .command(verb)
      .description(enabled ? 'let Coop call a provider again' : 'keep a provider configured but stop calling it')
      .argument('<id>', 'provider id')
      .option('--json', 'print the provider as JSON')
      .action((id: string, options: { json?: boolean }) => {
        const { io } = context
        checkIdArgument(id)
        const info = withListHint(() => context.openCore().providers.setEnabled(id, enabled))
        if (options.json) return printJson(io, info)
        io.stdout.write(`${enabled ? 'Enabled' : 'Disabled'} provider ${info.id}\n`)
      })
  }

  providers
    .command('remove')
    .description('forget a provider and its models')
    .argument('<id>', 'provider id')
    .option('--json', 'print one JSON object')
    .action((id: string, options: { json?: boolean }) => {
      const { io } = context
      checkIdArgument(id)
      if (!context.openCore().providers.remove(id)) throw new CoopError('not_found', `No provider ${id}: list them with coop providers list`)
      if (options.json) return printJson(io, { id, removed: true })
      io.stdout.write(`Removed provider ${id}\n`)
    })

  registerProviderPolicyCommands(providers, context)
}

function usageError(message: string): CliError {
  return new CliError({ code: 'invalid_input', message }, 2)
}

/** Ids follow the key rule (a provider's key is stored under its id); the value is not echoed. */
function checkIdArgument(id: string): void {
  if (!isProviderId(id)) throw usageError(PROVIDER_ID_RULE)
}

/** A bad flag value is a usage mistake (exit 2), with the core's message. */
function asUsageError(check: () => unknown): void {
  try {
    check()
  } catch (error) {
    if (error instanceof CoopError && error.code === 'invalid_input') throw usageError(error.message)
    throw error
  }
}

function withListHint<T>(action: () => T): T {
  try {
    return action()
  } catch (error) {
    if (error instanceof CoopError && error.code === 'not_found') throw new CoopError('not_found', `${error.message}: list them with coop providers list`, error.context, { cause: error })
    throw error
  }
}

function toRow(provider: ProviderView): string[] {
  const models = provider.models.map((m) => m.model).join(', ')
  const key = provider.key ? `${provider.key.fingerprint} (${provider.key.source})` : '-'
  const status = provider.policy.blockedReason === null ? 'ok' : provider.policy.blockedReason === 'disabled' ? 'disabled' : 'blocked: coop providers check'
  return [provider.id, provider.kind, provider.baseUrl ?? '', provider.local ? 'yes' : 'no', provider.enabled ? 'yes' : 'no', provider.policy.retentionMode, key, models || '-', status]
}
