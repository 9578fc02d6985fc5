import type { Command } from 'commander'
import { CliError, formatTable, printJson } from '../output'
import type { CommandContext } from '../run-cli'
import { formatCost } from './router-render'

export function registerUsageCommand(program: Command, context: CommandContext): void {
  program
    .command('usage')
    .description('model requests, tokens (as the providers reported them) and cost per provider and model')
    .option('--days <n>', 'how far back (default 30)', '30')
    .option('--json', 'print { since, rows, days, totals } as JSON')
    .action((options: { days: string; json?: boolean }) => {
      const { io } = context
      if (!/^\d+$/.test(options.days) || Number(options.days) < 1) throw new CliError({ code: 'invalid_input', message: '--days takes a whole number above 0' }, 2)
      const report = context.openCore().router.usage(Number(options.days))
      if (options.json) return printJson(io, report)
      if (report.rows.length === 0) return void io.stdout.write(`No model requests in the last ${options.days} days.\n`)
      const rows = report.rows.map((r) => [r.provider, r.model, r.requests, r.failed, r.inputTokens, r.outputTokens, r.costUsd === null ? '—' : formatCost(r.costUsd)])
      io.stdout.write(`${formatTable(['PROVIDER', 'MODEL', 'REQUESTS', 'FAILED', 'IN TOKENS', 'OUT TOKENS', 'COST'], rows)}\n`)
      const t = report.totals
      io.stdout.write(`\n${t.requests} requests, ${t.inputTokens.toLocaleString('en-US')} in / ${t.outputTokens.toLocaleString('en-US')} out tokens, ${formatCost(t.costUsd)} since ${report.since.slice(0, 10)}\n`)
    })
}
