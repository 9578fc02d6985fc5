import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { describeRecord } from '../../shared/describe-audit-record'
import { AUDIT_KINDS, type AuditKind, type AuditRecord, type AuditVerifyReport } from '../../shared/audit-types'
import { exportAudit, verifyExport, type ExportFormat } from '../../core/audit/export-audit'
import { CoopError } from '../../core/errors/coop-error'
import { parseSince } from '../../core/graph/parse-since'
import { CliError, formatTable, printJson } from '../output'
import type { CommandContext } from '../run-cli'

const HELP_AFTER = `
audit.db, beside coop.db in the data folder, keeps one record per model request (started, then how it
ended) and per security-relevant change: keys set or removed, providers added, enabled or disabled,
approvals, policy overrides, settings, exports and prunes. Records hold ids, counts and hashes, never
prompts, answers, code or keys. Each carries the hash of the one before it, and checkpoints signed
with the profile's Ed25519 key (kept in the system keychain) make cutting records off the end show.

Examples:
  coop audit list --since 7.days --kind llm_request
  coop audit verify
  coop audit export --format jsonl --out audit.jsonl
  coop audit public-key --out coop-audit.pub
  coop audit verify --file audit.jsonl --public-key coop-audit.pub      # on another machine
  coop audit retention 180
`

export function registerAuditCommand(program: Command, context: CommandContext): void {
  const audit = program.command('audit').description('the tamper-evident audit log: list, verify, export, prune').addHelpText('after', HELP_AFTER)

  audit
    .command('list')
    .description('records, newest first')
    .option('--since <when>', 'from this date or window (2026-01-31, 7.days, 3.months)')
    .option('--kind <kind>', `only this kind: ${AUDIT_KINDS.join(', ')}`)
    .option('--provider <id>', 'only records about this provider')
    .option('--limit <n>', 'at most this many (default 200)', '200')
    .option('--json', 'print { records, total, nextBeforeSeq }')
    .action((options: { since?: string; kind?: string; provider?: string; limit: string; json?: boolean }) => {
      const { io } = context
      if (options.kind !== undefined && !(AUDIT_KINDS as readonly string[]).includes(options.kind)) throw usage(`--kind is one of ${AUDIT_KINDS.join(', ')}`)
      if (!/^\d+$/.test(options.limit) || Number(options.limit) < 1) throw usage('--limit takes a whole number above 0')
      const since = options.since === undefined ? undefined : new Date(asUsage(() => parseSince(options.since ?? '', Date.now())) * 1000).toISOString()
      const page = context.openCore().audit.list({
        limit: Number(options.limit),
        ...(since ? { since } : {}),
        ...(options.kind ? { kind: options.kind as AuditKind } : {}),
        ...(options.provider ? { provider: options.provider } : {}),
      })
      if (options.json) return printJson(io, page)
      if (page.records.length === 0) return void io.stdout.write('No audit records match.\n')
      io.stdout.write(`${formatTable(['SEQ', 'TIME', 'KIND', 'ACTOR', 'DETAILS'], page.records.map(toRow))}\n`)
      if (page.total > page.records.length) io.stdout.write(`\n${page.records.length} of ${page.total}; use --limit or --since for more\n`)
    })

  audit
    .command('verify')
    .description('check the chain (or an export) and report the first record that was edited, deleted, inserted or reordered; exit 1 if any')
    .option('--file <path>', 'verify an export (JSON lines, or CSV with its .manifest.json) instead of audit.db')
    .option('--public-key <file>', 'the public key you trust (PEM, from coop audit public-key)')
    .option('--json', 'print the report as JSON')
    .action(async (options: { file?: string; publicKey?: string; json?: boolean }) => {
      const { io } = context
      const publicKeyPem = options.publicKey === undefined ? undefined : readText(resolve(io.cwd, options.publicKey), options.publicKey)
      let report: AuditVerifyReport & { keySource?: string }
      if (options.file !== undefined) {
        const path = resolve(io.cwd, options.file)
        const text = readText(path, options.file)
        const format: ExportFormat = text.startsWith('{') ? 'jsonl' : 'csv'
        const manifestPath = `${path}.manifest.json`
        const manifest = format === 'csv' && existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8') : null
        report = verifyExport(text, format, manifest, publicKeyPem)
      } else {
        report = await context.openCore().audit.verify(publicKeyPem === undefined ? {} : { publicKeyPem })
      }
      if (options.json) printJson(io, report)
      else io.stdout.write(describeVerification(report))
      if (!report.ok) throw new CliError({ code: 'invalid_input', message: report.problem?.message ?? 'verification failed' }, 1, { printed: options.json === true })
    })

  audit
    .command('export')
    .description('write every record, with what is needed to verify them elsewhere (the public key and the signed checkpoints)')
    .requiredOption('--format <format>', 'jsonl or csv')
    .option('--out <file>', 'write here (CSV also writes <file>.manifest.json); default standard output')
    .action(async (options: { format: string; out?: string }) => {
      const { io } = context
      if (options.format !== 'jsonl' && options.format !== 'csv') throw usage('--format is jsonl or csv')
      const core = context.openCore()
      const out = options.out === undefined ? null : resolve(io.cwd, options.out)
      const chunks: string[] = []
      const manifest = await exportAudit(core.audit, options.format, (chunk) => (out ? chunks.push(chunk) : io.stdout.write(chunk)), out)
      if (!out) return
      writeFileSync(out, chunks.join(''))
      if (options.format === 'csv') writeFileSync(`${out}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`)
      io.stderr.write(`Exported ${manifest.records} records to ${options.out}${options.format === 'csv' ? ` (and ${options.out}.manifest.json)` : ''}\n`)
    })

  audit
    .command('prune')
    .description('remove records older than the retention window (default 90 days), leaving a signed prune record')
    .option('--json', 'print { removed, record }')
    .action(async (options: { json?: boolean }) => {
      const result = await context.openCore().audit.prune()
      if (options.json) return printJson(context.io, result)
      context.io.stdout.write(result.removed === 0 ? 'Nothing older than the retention window.\n' : `Removed ${result.removed} records; prune record #${result.record?.seq ?? '?'} keeps the chain verifiable.\n`)
    })

  audit
    .command('retention')
    .description('show or set how many days records are kept')
    .argument('[days]', 'new retention in days')
    .option('--json', 'print { days }')
    .action((days: string | undefined, options: { json?: boolean }) => {
      const core = context.openCore()
      if (days !== undefined) {
        if (!/^\d+$/.test(days)) throw usage('Retention is a whole number of days')
        asUsage(() => core.audit.log.setRetentionDays(Number(days)))
      }
      const current = core.audit.log.retentionDays()
      if (options.json) return printJson(context.io, { days: current })
      context.io.stdout.write(`Audit records are kept for ${current} days.\n`)
    })

  audit
    .command('public-key')
    .description('print (or write) the public key that verifies this profile’s checkpoints and reports')
    .option('--out <file>', 'write the PEM here')
    .option('--json', 'print { keyId, publicKey }')
    .action(async (options: { out?: string; json?: boolean }) => {
      const { io } = context
      const key = await context.openCore().audit.publicKey()
      if (options.out) writeFileSync(resolve(io.cwd, options.out), key.publicKeyPem)
      if (options.json) return printJson(io, { keyId: key.keyId, publicKey: key.publicKeyPem })
      if (options.out) io.stderr.write(`Wrote ${key.keyId} to ${options.out}\n`)
      else io.stdout.write(key.publicKeyPem)
    })
}

function toRow(record: AuditRecord): string[] {
  return [String(record.seq), record.at.replace('T', ' ').slice(0, 19), record.kind, record.actor, describeRecord(record, 'en-US')]
}

function describeVerification(report: AuditVerifyReport & { keySource?: string }): string {
  const lines: string[] = []
  if (report.ok) lines.push(`The audit log is intact: ${report.records} records${report.firstSeq !== null ? ` (#${report.firstSeq}–#${report.lastSeq})` : ''}.`)
  else lines.push(`The audit log was tampered with: ${report.problem?.kind} at #${report.problem?.seq}`, `  ${report.problem?.message}`)
  lines.push(`head ${report.headHash ?? '-'}`)
  lines.push(`checkpoints: ${report.checkpoints.verified} verified of ${report.checkpoints.total}${report.checkpoints.untrusted > 0 ? `, ${report.checkpoints.untrusted} signed by another key` : ''}; key ${report.keyId ?? 'none available: truncation cannot be proven'}`)
  if (report.keySource === 'export') lines.push('key taken from the export itself: this shows the export is consistent; pass --public-key to check who signed it')
  return `${lines.join('\n')}\n`
}

function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new CoopError('path_missing', `Cannot read ${shown}`, { path }, { cause: error })
  }
}

function usage(message: string): CliError {
  return new CliError({ code: 'invalid_input', message }, 2)
}

function asUsage<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof CoopError && error.code === 'invalid_input') throw usage(error.message)
    throw error
  }
}
