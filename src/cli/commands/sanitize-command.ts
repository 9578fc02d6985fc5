import type { Command } from 'commander'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { CoopError } from '../../core/errors/coop-error'
import { sanitizeText, type SanitizeReport } from '../../core/sanitize/sanitize-payload'
import type { CliIo } from '../io'
import { printJson } from '../output'
import type { CommandContext } from '../run-cli'

const HELP_AFTER = `
Replaces each secret with [REDACTED:<rule>#<n>]: the same secret keeps its number, a different one
gets the next. Finds provider tokens (GitHub, AWS, OpenAI, Anthropic, Slack, Stripe, …), JWTs, PEM
private keys, passwords in URLs and values assigned to names like password, API_KEY or authToken.

These are the rules model requests are scrubbed with before they leave this machine (where your own
stored API keys are redacted too). This command does not read the keychain.

Examples:
  coop sanitize .env
  git diff | coop sanitize
  coop sanitize config.yml --json
`

export function registerSanitizeCommand(program: Command, context: CommandContext): void {
  program
    .command('sanitize')
    .description('print a file (or stdin) with its secrets redacted, as text is scrubbed before it goes to a model')
    .argument('[file]', 'a text file; - or nothing reads stdin')
    .option('--json', 'print { text, report } as one JSON object')
    .addHelpText('after', HELP_AFTER)
    .action(async (file: string | undefined, options: { json?: boolean }) => {
      const { io } = context
      const fromStdin = file === undefined || file === '-'
      const input = fromStdin ? await readStdin(io) : await readInputFile(resolve(io.cwd, file), file)
      const { text, report } = sanitizeText(decodeText(input, fromStdin ? 'stdin' : file))
      if (options.json) return printJson(io, { text, report: { redactions: report.redactions, byRule: report.byRule } })
      io.stdout.write(text)
      io.stderr.write(`${describeReport(report)}\n`)
    })
}

async function readInputFile(path: string, shown: string): Promise<Buffer> {
  try {
    return await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CoopError('not_found', `No such file: ${shown}`, { path }, { cause: error })
    if (code === 'EISDIR') throw new CoopError('invalid_input', `${shown} is a folder; coop sanitize reads one file`, { path }, { cause: error })
    if (code === 'EACCES' || code === 'EPERM') throw new CoopError('forbidden', `Cannot read ${shown}: permission denied`, { path }, { cause: error })
    throw error
  }
}

async function readStdin(io: CliIo): Promise<Buffer> {
  if (!io.stdin) throw new CoopError('invalid_input', 'No input: give a file, or pipe text in (coop sanitize -)')
  const chunks: Buffer[] = []
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}

/** Text only: binary data has no secrets to read, and printing it "scrubbed" would corrupt it. */
function decodeText(input: Buffer, shown: string): string {
  if (input.includes(0)) throw new CoopError('invalid_input', `${shown} looks binary (it contains NUL bytes); coop sanitize reads text`)
  try {
    // ignoreBOM keeps a byte-order mark in the text, so unchanged input prints back byte for byte.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input)
  } catch (error) {
    throw new CoopError('invalid_input', `${shown} is not UTF-8 text; coop sanitize reads UTF-8`, {}, { cause: error })
  }
}

/** One line for people: `3 redactions (github-token 2, password 1)`; a secret found twice counts twice. */
function describeReport(report: SanitizeReport): string {
  if (report.redactions === 0) return 'No secrets found'
  const rules = Object.entries(report.byRule).map(([rule, count]) => `${rule} ${count}`)
  return `${report.redactions} ${report.redactions === 1 ? 'redaction' : 'redactions'} (${rules.join(', ')})`
}
