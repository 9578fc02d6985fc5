import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import type { Command } from 'commander'
import { CoopError } from '../../core/errors/coop-error'
import { envVariableFor, isProviderId, PROVIDER_ID_RULE, type KeyInfo } from '../../core/keys/key-store'
import type { CliIo } from '../io'
import { CliError, formatAgo, formatTable, printJson } from '../output'
import type { CommandContext } from '../run-cli'

const HELP_AFTER = `
Keys are stored only in the system keychain (macOS Keychain, Windows Credential Manager, the Secret
Service on Linux), never in a file. Coop keeps each key's fingerprint (sha256:… of the key) to show
which key is which. For a headless machine, COOP_<PROVIDER>_API_KEY (e.g. COOP_OPENAI_API_KEY) supplies
a key too, and wins over the keychain.

Examples:
  coop keys set openai < openai-key.txt
  pbpaste | coop keys set anthropic
  coop keys list --json
  coop keys remove openai
`

export function registerKeysCommand(program: Command, context: CommandContext): void {
  const keys = program.command('keys').description('model-provider API keys (bring your own key), kept in the system keychain').addHelpText('after', HELP_AFTER)

  keys
    .command('set')
    .description('store a provider API key read from standard input (never from the command line)')
    .argument('<provider>', 'provider id, like openai or anthropic')
    .option('--json', 'print { provider, fingerprint, source } as JSON')
    // Accepted here only to refuse them below without echoing them: an extra argument is likely the key.
    .allowExcessArguments(true)
    .allowUnknownOption(true)
    .action(async (provider: string, options: { json?: boolean }, command: Command) => {
      const { io } = context
      if (command.args.length > 1) {
        throw new CliError(
          {
            code: 'invalid_input',
            message: `coop keys set reads the key from standard input, not from the command line (where shell history and the process list would keep it): coop keys set <provider> < key.txt`,
          },
          2,
        )
      }
      checkProviderArgument(provider) // before waiting for a paste
      const key = await readKey(io)
      const info = await context.openCore().keys.set(provider, key)
      if (options.json) return printJson(io, { provider: info.provider, fingerprint: info.fingerprint, source: info.source })
      io.stdout.write(`Stored the ${info.provider} key in the system keychain: ${info.fingerprint}\n`)
      if (io.env[envVariableFor(provider)]) io.stderr.write(`Note: ${envVariableFor(provider)} is set and is used instead while it is\n`)
    })

  keys
    .command('list')
    .description('list stored keys by fingerprint, with where each comes from and when it was last used')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const { io } = context
      const list = await context.openCore().keys.list()
      if (options.json) return printJson(io, list)
      if (list.length === 0) {
        io.stdout.write('No API keys. Add one with: coop keys set <provider> < key.txt\n')
        return
      }
      io.stdout.write(`${formatTable(['PROVIDER', 'FINGERPRINT', 'SOURCE', 'LAST USED'], list.map(toRow))}\n`)
      if (list.some((k) => k.missing)) io.stderr.write('A key marked missing is no longer in the keychain: set it again or remove it\n')
    })

  keys
    .command('remove')
    .description('delete a provider key from the system keychain')
    .argument('<provider>', 'provider id, like openai or anthropic')
    .option('--json', 'print one JSON object')
    .action(async (provider: string, options: { json?: boolean }) => {
      const { io } = context
      checkProviderArgument(provider)
      const removed = await context.openCore().keys.remove(provider)
      if (!removed) throw new CoopError('not_found', `No ${provider} key in the keychain: list keys with coop keys list`)
      if (options.json) return printJson(io, { provider, removed: true })
      io.stdout.write(`Removed the ${provider} key from the system keychain\n`)
      if (io.env[envVariableFor(provider)]) io.stderr.write(`Note: ${envVariableFor(provider)} is still set and still supplies a key\n`)
    })
}

/** A usage mistake (exit 2), and the value is not echoed: it may be a key typed in the wrong place. */
function checkProviderArgument(provider: string): void {
  if (!isProviderId(provider)) throw new CliError({ code: 'invalid_input', message: PROVIDER_ID_RULE }, 2)
}

function toRow(key: KeyInfo): string[] {
  return [key.provider, key.fingerprint, key.missing ? `${key.source} (missing)` : key.source, formatAgo(key.lastUsedAt)]
}

/** The key from stdin: one line, with one trailing newline trimmed. Error messages never include it. */
async function readKey(io: CliIo): Promise<string> {
  const stdin = io.stdin
  if (!stdin) throw new CoopError('invalid_input', 'No key given: pipe it in on standard input (coop keys set <provider> < key.txt)')
  let input: Buffer
  if ((stdin as { isTTY?: boolean }).isTTY) {
    io.stderr.write('Paste the key, then press Enter (it is not shown): ')
    input = Buffer.from(await readHiddenLine(stdin))
    io.stderr.write('\n')
  } else {
    const chunks: Buffer[] = []
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
    input = Buffer.concat(chunks)
  }
  if (input.includes(0)) throw new CoopError('invalid_input', 'The input contains a NUL byte: an API key is one line of text')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input)
  } catch (error) {
    throw new CoopError('invalid_input', 'The input is not UTF-8 text: an API key is one line of text', {}, { cause: error })
  }
  const key = text.replace(/\r?\n$/, '')
  if (key.length === 0) throw new CoopError('invalid_input', 'No key on standard input: pipe it in (coop keys set <provider> < key.txt)')
  if (/[\r\n]/.test(key)) throw new CoopError('invalid_input', 'The input has more than one line: give just the key, on one line')
  return key
}

/** One line typed or pasted at a terminal, with echo off: readline writes its echo to a sink. */
async function readHiddenLine(input: NodeJS.ReadableStream): Promise<string> {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() })
  const lines = createInterface({ input, output: sink, terminal: true })
  try {
    return await new Promise<string>((resolve) => lines.question('', resolve))
  } finally {
    lines.close()
  }
}
