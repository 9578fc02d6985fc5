import type { Command } from 'commander'
import type { AskOutcome, AskRequest, EgressPreview } from '../../shared/router-types'
import { parseFileArgument } from '../../core/router/ask-files'
import { CliError, printJson } from '../output'
import type { CommandContext } from '../run-cli'
import { formatCost, formatRedactions } from './router-render'

const HELP_AFTER = `
The question and the files go through the model router: policy decides whether the provider may be
called, secrets are replaced with [REDACTED:<rule>#<n>] placeholders, the provider's zero-retention
controls are applied, and the request is recorded (ids, counts and a hash; never its text).

--file takes any readable text file, relative to this folder or absolute, with an optional line
range: src/app.ts, src/app.ts:10-40, /etc/hosts:3. Repeat it for several files.

--dry-run prints exactly what would be sent (URL, headers with the key masked, the scrubbed body and
what was redacted) and sends nothing.

Examples:
  coop ask "Why does this retry twice?" --provider openai --file src/client.ts:40-90
  coop ask "Summarise this module" --provider ollama --model llama3.1:8b --file lib/router.js
  coop ask "What does this do?" --provider anthropic --file build.sh --dry-run
  coop ask "…" --provider openai --fallback ollama --json
`

interface AskOptions {
  readonly provider: string
  readonly model?: string
  readonly file: string[]
  readonly fallback: string[]
  readonly maxTokens?: string
  readonly dryRun?: boolean
  readonly json?: boolean
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

export function registerAskCommand(program: Command, context: CommandContext): void {
  program
    .command('ask')
    .description('ask a model about your code, through the model router; streams the answer')
    .argument('<question>', 'the question, quoted')
    .requiredOption('--provider <id>', 'which configured provider to ask (coop providers list)')
    .option('--model <name>', 'model to use (default: the first on the allow-list, else the first configured)')
    .option('--file <path[:A-B]>', 'a file (or lines A-B of it) to include; repeat for several', collect, [])
    .option('--fallback <id>', 'a provider to try if this one fails with 429/5xx/timeout; only one with equal or stricter retention is used; repeat for several', collect, [])
    .option('--max-tokens <n>', 'most tokens in the answer (default 2048)')
    .option('--dry-run', 'print exactly what would be sent, and send nothing')
    .option('--json', 'print one JSON object (the preview, or the answer with its outcome)')
    .addHelpText('after', HELP_AFTER)
    .action(async (question: string, options: AskOptions) => {
      const { io } = context
      const request = toRequest(question, options)
      const core = context.openCore()
      if (options.dryRun) {
        const preview = await core.router.preview(request, io.cwd)
        if (options.json) return printJson(io, preview)
        return void io.stdout.write(renderPreview(preview))
      }
      const { signal, release } = interruptSignal(context.stopSignal)
      let answer = ''
      let outcome: AskOutcome
      try {
        outcome = await core.router.ask(request, {
          cwd: io.cwd,
          signal,
          onText: (text) => {
            if (options.json) answer += text
            else io.stdout.write(text)
          },
        })
      } finally {
        release()
      }
      if (options.json) printJson(io, { ...outcome, answer })
      else {
        if (outcome.status === 'succeeded') io.stdout.write('\n')
        io.stderr.write(`${describeOutcome(outcome)}\n`)
      }
      if (outcome.status === 'succeeded') return
      if (outcome.status === 'cancelled') throw new CliError({ code: 'cancelled', message: 'Stopped' }, 130)
      // The outcome (with --json) is already printed: exit 1 without a second error object.
      throw new CliError({ code: outcome.status === 'blocked' ? 'blocked' : 'provider_error', message: outcome.error?.message ?? outcome.status }, 1, { printed: true })
    })
}

function toRequest(question: string, options: AskOptions): AskRequest {
  let maxTokens: number | undefined
  if (options.maxTokens !== undefined) {
    if (!/^\d+$/.test(options.maxTokens) || Number(options.maxTokens) < 1) throw new CliError({ code: 'invalid_input', message: '--max-tokens takes a whole number above 0' }, 2)
    maxTokens = Number(options.maxTokens)
  }
  return {
    question,
    provider: options.provider,
    files: options.file.map(parseFileArgument),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.fallback.length > 0 ? { fallback: options.fallback } : {}),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
  }
}

/** Ctrl-C stops the request (it is recorded as cancelled) instead of killing the process mid-write. */
function interruptSignal(outer: AbortSignal | undefined): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  outer?.addEventListener('abort', stop, { once: true })
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      outer?.removeEventListener('abort', stop)
    },
  }
}

function describeOutcome(outcome: AskOutcome): string {
  const parts = [`${outcome.provider} ${outcome.model}`, `retention ${outcome.retentionMode}`]
  if (outcome.usage) parts.push(`${outcome.usage.inputTokens} in / ${outcome.usage.outputTokens} out`, formatCost(outcome.costUsd))
  if (outcome.redactions > 0) parts.push(`${outcome.redactions} redacted`)
  if (outcome.attempts > 1) parts.push(`${outcome.attempts} attempts`)
  if (outcome.fallbackFrom.length > 0) parts.push(`fell back from ${outcome.fallbackFrom.join(', ')}`)
  const head = outcome.status === 'succeeded' ? '—' : `coop: ${outcome.status}: ${outcome.error?.message ?? ''}\n—`
  return `${head} ${parts.join(' · ')}`
}

export function renderPreview(p: EgressPreview): string {
  const lines = [
    `Dry run: nothing was sent.`,
    ``,
    `${p.method} ${p.url}`,
    `provider ${p.provider} (${p.kind}), model ${p.model}`,
    `retention ${p.retentionMode}: ${p.controls.join('; ')}`,
    `key ${p.key ? `${p.key.fingerprint} (${p.key.source})` : 'none'}`,
    `redactions: ${formatRedactions(p.redactions)}`,
    ...p.files.map((f) => `file ${f.path} lines ${f.startLine}-${f.endLine} (${f.bytes} bytes)`),
    `payload sha256 ${p.payloadSha256}`,
    ``,
    `Headers:`,
    ...Object.entries(p.headers)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `  ${name}: ${value}`),
    ``,
    `Body:`,
    JSON.stringify(p.body, null, 2),
    ``,
  ]
  return lines.join('\n')
}

