import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { AttestationReport } from '../../shared/attestation-types'
import { DEFAULT_ATTEST_DAYS } from '../../core/attest/build-report'
import { createAttestation } from '../../core/attest/create-attestation'
import { renderReportHtml } from '../../core/attest/render-html'
import { describeVerification, verifyReport, type ReportVerification } from '../../core/attest/verify-report'
import { CoopError } from '../../core/errors/coop-error'
import { CliError, printJson } from '../output'
import type { CommandContext } from '../run-cli'

const HELP_AFTER = `
A report holds counts, ids, dates and hashes from the audit log (never prompts, answers, code or
keys): requests by status and retention mode, the share under zero-retention controls, key sources,
redactions per rule, blocked requests, providers with their policy links and verification dates,
configuration changes, the rule set and app versions, and the audit chain's head. It is signed with
the profile's audit key (Ed25519); the reviewer verifies it offline with the public key
(coop audit public-key --out coop-audit.pub), obtained separately.

Examples:
  coop attest --days 90 --out report.json --html report.html
  coop attest verify report.json --public-key coop-audit.pub
  coop attest render report.json --out report.html
`

interface CreateOptions {
  readonly days: string
  readonly out?: string
  readonly html?: string
  readonly json?: boolean
}

export function registerAttestCommand(program: Command, context: CommandContext): void {
  const attest = program.command('attest').description('signed attestation reports of the audit log, and their offline verification').addHelpText('after', HELP_AFTER)

  // The default subcommand, so `coop attest --out …` works while `verify` and `render` keep their own --json and --out.
  attest
    .command('create', { isDefault: true })
    .description('(default) write a signed report of the last N days')
    .option('--days <n>', `how far back (default ${DEFAULT_ATTEST_DAYS})`, String(DEFAULT_ATTEST_DAYS))
    .option('--out <file>', 'where to write the report (JSON); required')
    .option('--html <file>', 'also write a printable HTML page of it')
    .option('--json', 'print the report on stdout as well')
    .action(async (options: CreateOptions) => {
      const { io } = context
      if (!/^\d+$/.test(options.days) || Number(options.days) < 1) throw new CliError({ code: 'invalid_input', message: '--days takes a whole number above 0' }, 2)
      if (!options.out) throw new CliError({ code: 'invalid_input', message: 'Say where to write the report: coop attest --out report.json' }, 2)
      const report = await createAttestation(context.openCore(), { days: Number(options.days), out: options.out })
      const text = `${JSON.stringify(report, null, 2)}\n`
      await writeText(resolve(io.cwd, options.out), options.out, text)
      if (options.html) {
        // Rendered from the written text, verified: the page shows what a reviewer's check would show.
        const verification = verifyReport(text)
        if (verification.status === 'unreadable') throw new CoopError('internal', `The report just written does not read back: ${verification.problem.message}`)
        await writeText(resolve(io.cwd, options.html), options.html, renderReportHtml(verification))
      }
      if (options.json) printJson(io, report)
      else io.stdout.write(describeReport(report, options.out, options.html))
      const chain = report.body.auditChain
      if (!chain.verified) {
        io.stderr.write(`coop: the report was written, but the audit log does not verify: ${chain.problem ?? 'unknown problem'} (coop audit verify)\n`)
        throw new CliError({ code: 'storage_failed', message: chain.problem ?? 'audit log does not verify' }, 1, { printed: true })
      }
    })

  attest
    .command('verify')
    .description('verify a report offline: its shape, its key and its signature; exit 1 with the reason when it fails')
    .argument('<report>', 'the report (JSON)')
    .option('--public-key <file>', 'the signer’s public key (PEM); without it the key embedded in the report is used, which proves integrity, not origin')
    .option('--json', 'print { ok, problem, keyId, signedAt, window, trust }')
    .action(async (file: string, options: { publicKey?: string; json?: boolean }) => {
      const { io } = context
      const result = await verifyFile(context, file, options.publicKey)
      if (options.json) printJson(io, verificationJson(result))
      if (result.status === 'verified') {
        if (!options.json) io.stdout.write(`${describeVerification(result)}\n${describeWindow(result.report)}\n`)
        return
      }
      io.stderr.write(`coop: ${file} does not verify: ${result.problem.message}\n`)
      throw new CliError({ code: 'invalid_input', message: result.problem.message }, 1, { printed: true })
    })

  attest
    .command('render')
    .description('write the printable HTML page of an existing report, showing whether it verifies')
    .argument('<report>', 'the report (JSON)')
    .option('--out <file>', 'where to write the HTML; required')
    .option('--public-key <file>', 'the signer’s public key (PEM) to verify against')
    .action(async (file: string, options: { out?: string; publicKey?: string }) => {
      const { io } = context
      if (!options.out) throw new CliError({ code: 'invalid_input', message: `Say where to write the page: coop attest render ${file} --out report.html` }, 2)
      const result = await verifyFile(context, file, options.publicKey)
      if (result.status === 'unreadable') throw new CliError({ code: 'invalid_input', message: `${file} cannot be shown: ${result.problem.message}` })
      await writeText(resolve(io.cwd, options.out), options.out, renderReportHtml(result))
      if (result.status === 'verified') return void io.stdout.write(`Wrote ${options.out}. ${describeVerification(result)}\n`)
      io.stderr.write(`coop: wrote ${options.out}, marked NOT VERIFIED: ${result.problem.message}\n`)
      throw new CliError({ code: 'invalid_input', message: result.problem.message }, 1, { printed: true })
    })
}

async function verifyFile(context: CommandContext, file: string, publicKeyFile: string | undefined): Promise<ReportVerification> {
  const text = await readText(resolve(context.io.cwd, file), file)
  const publicKeyPem = publicKeyFile === undefined ? undefined : await readText(resolve(context.io.cwd, publicKeyFile), publicKeyFile)
  return verifyReport(text, publicKeyPem === undefined ? {} : { publicKeyPem })
}

/** `--json` of `coop attest verify`: the report's own claims are shown even when it fails, marked by `ok`. */
function verificationJson(result: ReportVerification) {
  const report = result.status === 'unreadable' ? null : result.report
  return {
    ok: result.status === 'verified',
    problem: result.status === 'verified' ? null : result.problem,
    keyId: report?.signature.keyId ?? null,
    signedAt: report?.signature.signedAt ?? null,
    window: report?.body.window ?? null,
    trust: result.status === 'verified' ? result.trust : null,
  }
}

function describeWindow(report: AttestationReport): string {
  const { window, requests } = report.body
  return `Window: last ${window.days} days, ${window.since} to ${window.until}; ${requests.total} requests.`
}

function describeReport(report: AttestationReport, out: string, html: string | undefined): string {
  const { requests, keys, sanitization, blocked, configurationChanges, auditChain } = report.body
  const zero = requests.zeroRetention
  const share = zero.share === null ? (zero.note ?? 'no requests') : `${(zero.share * 100).toFixed(1)}% (${zero.requests} of ${zero.of} sent requests)`
  const lines = [
    `Attestation of the last ${report.body.window.days} days written to ${out}${html ? ` (and ${html})` : ''}`,
    `  requests       ${requests.total} (${requests.sent} sent, ${blocked.total} blocked, ${requests.byStatus.unfinished} unfinished)`,
    `  zero-retention ${share}`,
    `  keys           ${keys.bySource.keychain} keychain, ${keys.bySource.env} env, ${keys.bySource.none} none; ${keys.byok.distinctKeys} distinct`,
    `  redactions     ${sanitization.redactions.total} in ${sanitization.requestsWithRedactions} requests (rule set ${sanitization.ruleSetVersion})`,
    `  config changes ${configurationChanges.total}`,
    `  audit head     #${auditChain.headSeq} ${auditChain.headHash}${auditChain.verified ? '' : ' (chain does NOT verify)'}`,
    `  signed by      ${report.signature.keyId} at ${report.signature.signedAt}`,
  ]
  return `${lines.join('\n')}\n`
}

async function readText(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CoopError('not_found', `No such file: ${shown}`, { path }, { cause: error })
    throw new CoopError('invalid_input', `Cannot read ${shown} (${code ?? 'error'})`, { path }, { cause: error })
  }
}

async function writeText(path: string, shown: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, 'utf8')
  } catch (error) {
    throw new CoopError('storage_failed', `Cannot write ${shown} (${(error as NodeJS.ErrnoException).code ?? 'error'}): check the folder exists and is writable`, { path }, { cause: error })
  }
}
