import { userInfo } from 'node:os'
import type { Command } from 'commander'
import type { ComplianceFinding, ComplianceReport } from '../../shared/router-types'
import { isProviderId, PROVIDER_ID_RULE } from '../../core/keys/key-store'
import { providerView } from '../../core/providers/provider-views'
import { CliError, printJson } from '../output'
import type { CommandContext } from '../run-cli'

interface SetOptions {
  readonly agreementVerified?: string | false
  readonly policyReviewed?: string
  readonly retentionAnnotation?: boolean
  readonly allowModel: string[]
  readonly allowAnyModel?: boolean
  readonly timeoutMs?: string
  readonly json?: boolean
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/** `coop providers check|set|approve|unapprove|model`: the policy side of providers. */
export function registerProviderPolicyCommands(providers: Command, context: CommandContext): void {
  providers
    .command('check')
    .description('run the compliance check: critical findings block a provider, stale verifications warn (exit 1 on any critical finding)')
    .option('--json', 'print the report as JSON')
    .action(async (options: { json?: boolean }) => {
      const report = await context.openCore().policy.check()
      if (options.json) printJson(context.io, report)
      else context.io.stdout.write(renderReport(report))
      if (report.blockedProviders.length > 0) {
        throw new CliError({ code: 'blocked', message: `Blocked: ${report.blockedProviders.join(', ')}` }, 1, { printed: options.json === true })
      }
    })

  providers
    .command('set')
    .description('change a provider’s policy: zero-retention agreement, policy review date, body annotation, model allow-list, timeout')
    .argument('<id>', 'provider id')
    .option('--agreement-verified <date>', 'a zero-retention agreement is in place, verified on this date (YYYY-MM-DD)')
    .option('--no-agreement-verified', 'forget the recorded agreement')
    .option('--policy-reviewed <date>', 'you checked the provider’s published policy on this date (YYYY-MM-DD)')
    .option('--retention-annotation', 'send the retention_policy body annotation (only gateways and openai-compatible servers accept it)')
    .option('--no-retention-annotation', 'stop sending the annotation')
    .option('--allow-model <name>', 'only allow these models (repeat; replaces the allow-list)', collect, [])
    .option('--allow-any-model', 'clear the allow-list')
    .option('--timeout-ms <n>', 'request timeout in milliseconds')
    .option('--json', 'print the provider as JSON')
    .action(async (id: string, options: SetOptions) => {
      checkId(id)
      const core = context.openCore()
      if (options.allowAnyModel && options.allowModel.length > 0) throw usage('Give --allow-model or --allow-any-model, not both')
      if (options.timeoutMs !== undefined) {
        if (!/^\d+$/.test(options.timeoutMs)) throw usage('--timeout-ms takes a whole number of milliseconds')
        core.providers.setTimeout(id, Number(options.timeoutMs))
      }
      core.policy.update(id, {
        ...(options.agreementVerified !== undefined ? { agreementVerifiedOn: options.agreementVerified === false ? null : options.agreementVerified } : {}),
        ...(options.policyReviewed !== undefined ? { policyReviewedOn: options.policyReviewed } : {}),
        ...(options.retentionAnnotation !== undefined ? { retentionAnnotation: options.retentionAnnotation } : {}),
        ...(options.allowModel.length > 0 ? { allowedModels: options.allowModel } : options.allowAnyModel ? { allowedModels: [] } : {}),
      })
      const view = await providerView(core.providers, core.keys, core.policy, id)
      if (options.json) return printJson(context.io, view)
      context.io.stdout.write(
        `${id}: retention ${view.policy.retentionMode}${view.policy.agreementVerifiedOn ? ` (agreement verified ${view.policy.agreementVerifiedOn})` : ''}; models ${view.policy.allowedModels.join(', ') || 'any'}; timeout ${view.timeoutMs} ms\n`,
      )
    })

  providers
    .command('approve')
    .description('record an approval to call a provider without a no-training posture (who, when, why)')
    .argument('<id>', 'provider id')
    .requiredOption('--reason <text>', 'why it is acceptable')
    .option('--by <name>', 'who approves (default: your user name)')
    .option('--json', 'print the approval as JSON')
    .action((id: string, options: { reason: string; by?: string; json?: boolean }) => {
      checkId(id)
      const approval = context.openCore().policy.approve(id, options.by ?? userInfo().username, options.reason)
      if (options.json) return printJson(context.io, { provider: id, ...approval })
      context.io.stdout.write(`Approved ${id}: by ${approval.by} at ${approval.at}: ${approval.reason}\n`)
    })

  providers
    .command('unapprove')
    .description('withdraw an approval')
    .argument('<id>', 'provider id')
    .option('--json', 'print { provider, revoked } as JSON')
    .action((id: string, options: { json?: boolean }) => {
      checkId(id)
      const revoked = context.openCore().policy.revokeApproval(id)
      if (options.json) return printJson(context.io, { provider: id, revoked })
      context.io.stdout.write(revoked ? `Withdrew the approval of ${id}\n` : `${id} had no approval\n`)
    })

  providers
    .command('model')
    .description('add a model to a provider, or change its context window and prices')
    .argument('<id>', 'provider id')
    .argument('<model>', 'model name')
    .option('--context <tokens>', 'context window in tokens')
    .option('--input-price <usd>', 'USD per million input tokens')
    .option('--output-price <usd>', 'USD per million output tokens')
    .option('--json', 'print the provider as JSON')
    .action((id: string, model: string, options: { context?: string; inputPrice?: string; outputPrice?: string; json?: boolean }) => {
      checkId(id)
      const number = (value: string | undefined, flag: string): number | undefined => {
        if (value === undefined) return undefined
        const n = Number(value)
        if (value.trim() === '' || !Number.isFinite(n)) throw usage(`${flag} takes a number`)
        return n
      }
      const contextWindow = number(options.context, '--context')
      const inputPrice = number(options.inputPrice, '--input-price')
      const outputPrice = number(options.outputPrice, '--output-price')
      const info = context.openCore().providers.addModel(id, {
        model,
        ...(contextWindow !== undefined ? { contextWindow } : {}),
        ...(inputPrice !== undefined ? { inputPrice } : {}),
        ...(outputPrice !== undefined ? { outputPrice } : {}),
      })
      if (options.json) return printJson(context.io, info)
      const m = info.models.find((x) => x.model === model.trim())
      context.io.stdout.write(`${id} ${m?.model ?? model}: context ${m?.contextWindow ?? '?'} tokens, $${m?.inputPrice ?? '?'} / $${m?.outputPrice ?? '?'} per million tokens in / out\n`)
    })
}

function renderReport(report: ComplianceReport): string {
  const lines = [`Compliance check at ${report.checkedAt}`, `offline mode ${report.settings.offline ? 'on' : 'off'}; blocked endpoints: ${report.settings.blockedEndpoints.join(', ') || 'none'}`, '']
  if (report.findings.length === 0) lines.push('No findings.')
  for (const f of report.findings) lines.push(renderFinding(f))
  if (report.blockedProviders.length > 0) lines.push('', `Blocked until resolved: ${report.blockedProviders.join(', ')}`)
  return `${lines.join('\n')}\n`
}

function renderFinding(f: ComplianceFinding): string {
  return `${f.severity.toUpperCase().padEnd(8)} ${f.provider}  ${f.code}: ${f.message}`
}

function usage(message: string): CliError {
  return new CliError({ code: 'invalid_input', message }, 2)
}

function checkId(id: string): void {
  if (!isProviderId(id)) throw usage(PROVIDER_ID_RULE)
}
