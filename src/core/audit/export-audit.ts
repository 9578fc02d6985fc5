import { z } from 'zod'
import type { AuditCheckpoint, AuditVerifyReport } from '../../shared/audit-types'
import { CoopError } from '../errors/coop-error'
import type { Audit } from './audit-service'
import { canonicalJson } from './canonical-json'
import { csvField, parseCsv } from './csv'
import { memorySource } from './audit-source'
import { publicKeyFromPem } from './signing-key'
import { verifyChain, type ChainRow, type TrustedKey } from './verify-chain'

export type ExportFormat = 'jsonl' | 'csv'

/** What a reviewer needs beside the records to verify an export on another machine. */
export interface ExportManifest {
  readonly format: 'coop-audit-export'
  readonly version: 1
  readonly exportedAt: string
  readonly records: number
  readonly headHash: string | null
  readonly keyId: string | null
  /** The profile's public key (PEM); check it against one you obtained separately with --public-key. */
  readonly publicKey: string | null
  readonly checkpoints: readonly AuditCheckpoint[]
}

const CSV_HEADER = ['seq', 'at', 'kind', 'actor', 'data', 'prev_hash', 'hash']

/**
 * Writes the whole chain, records the export first (so the export contains its own record), and signs
 * a checkpoint of the new head. JSON lines: the manifest, then one record per line. CSV: one record per
 * row, `data` as canonical JSON; its manifest is written separately (`manifest` callback).
 */
export async function exportAudit(audit: Audit, format: ExportFormat, write: (chunk: string) => void, destination: string | null): Promise<ExportManifest> {
  const key = await audit.ready()
  audit.append('export', { format, destination: destination ?? 'stdout' })
  audit.log.checkpoint()
  let records = 0
  let headHash: string | null = null
  const lines: string[] = []
  for (const record of audit.log.all()) {
    records++
    headHash = record.hash
    lines.push(
      format === 'jsonl'
        ? canonicalJson({ seq: record.seq, at: record.at, kind: record.kind, actor: record.actor, data: record.data, prevHash: record.prevHash, hash: record.hash })
        : [record.seq, record.at, record.kind, record.actor, canonicalJson(record.data), record.prevHash, record.hash].map(csvField).join(','),
    )
  }
  const manifest: ExportManifest = {
    format: 'coop-audit-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    records,
    headHash,
    keyId: key?.keyId ?? null,
    publicKey: key?.publicKeyPem ?? null,
    checkpoints: audit.log.checkpoints(),
  }
  if (format === 'jsonl') write(`${JSON.stringify(manifest)}\n`)
  else write(`${CSV_HEADER.join(',')}\n`)
  for (const line of lines) write(`${line}\n`)
  return manifest
}

const checkpointSchema = z.object({ seq: z.number().int(), hash: z.string(), at: z.string(), keyId: z.string(), signature: z.string() })
const manifestSchema = z.object({
  format: z.literal('coop-audit-export'),
  version: z.literal(1),
  exportedAt: z.string(),
  records: z.number().int(),
  headHash: z.string().nullable(),
  keyId: z.string().nullable(),
  publicKey: z.string().nullable(),
  checkpoints: z.array(checkpointSchema),
})
const recordSchema = z.object({ seq: z.number().int(), at: z.string(), kind: z.string(), actor: z.string(), data: z.record(z.string(), z.unknown()), prevHash: z.string(), hash: z.string() })

export interface ExportVerification extends AuditVerifyReport {
  /** Where the trusted key came from: the reviewer's file, or only the export itself (proves consistency, not origin). */
  readonly keySource: 'given' | 'export' | 'none'
}

/**
 * Verifies an exported chain offline: the records' hashes and links, the checkpoints' signatures, and
 * that nothing is missing after the newest checkpoint. Trusts `publicKeyPem` when given; otherwise the
 * key in the manifest, which shows the export is consistent but not who made it.
 */
export function verifyExport(text: string, format: ExportFormat, manifestText: string | null, publicKeyPem?: string): ExportVerification {
  const { manifest, rows } = format === 'jsonl' ? parseJsonl(text) : parseCsvExport(text, manifestText)
  const trusted: TrustedKey[] = []
  let keySource: ExportVerification['keySource'] = 'none'
  if (publicKeyPem) {
    trusted.push(publicKeyFromPem(publicKeyPem))
    keySource = 'given'
  } else if (manifest?.publicKey) {
    trusted.push(publicKeyFromPem(manifest.publicKey))
    keySource = 'export'
  }
  const report = verifyChain(memorySource(rows, manifest?.checkpoints ?? []), trusted)
  if (report.ok && manifest && manifest.records !== rows.length) {
    const last = rows.at(-1)?.seq ?? 0
    return { ...report, ok: false, keySource, problem: { kind: 'truncated', seq: last + 1, message: `The manifest lists ${manifest.records} records; the file has ${rows.length}` } }
  }
  return { ...report, keySource }
}

function parseJsonl(text: string): { manifest: ExportManifest | null; rows: ChainRow[] } {
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  const [head, ...rest] = lines
  if (head === undefined) throw new CoopError('invalid_input', 'The export is empty')
  const manifest = parseWith(manifestSchema, head, 'line 1 (the manifest)') as ExportManifest
  const rows = rest.map((line, i) => {
    const r = parseWith(recordSchema, line, `line ${i + 2}`)
    return { seq: r.seq, at: r.at, kind: r.kind, actor: r.actor, dataJson: canonicalJson(r.data), prevHash: r.prevHash, hash: r.hash }
  })
  return { manifest, rows }
}

function parseCsvExport(text: string, manifestText: string | null): { manifest: ExportManifest | null; rows: ChainRow[] } {
  const [header, ...records] = parseCsv(text)
  if (header?.join(',') !== CSV_HEADER.join(',')) throw new CoopError('invalid_input', `The CSV export must start with the header ${CSV_HEADER.join(',')}`)
  const rows = records.map((fields, i) => {
    const [seq, at, kind, actor, data, prevHash, hash] = fields
    if (hash === undefined || !/^\d+$/.test(seq ?? '')) throw new CoopError('invalid_input', `Row ${i + 2} of the CSV export is not a record`)
    return { seq: Number(seq), at: at ?? '', kind: kind ?? '', actor: actor ?? '', dataJson: canonicalOrRaw(data ?? ''), prevHash: prevHash ?? '', hash }
  })
  const manifest = manifestText === null ? null : (parseWith(manifestSchema, manifestText, 'the manifest') as ExportManifest)
  return { manifest, rows }
}

/** Data re-encoded canonically, so an export edited in a spreadsheet that only reformatted it still verifies… or not, if it changed. */
function canonicalOrRaw(data: string): string {
  try {
    return canonicalJson(JSON.parse(data))
  } catch {
    return data
  }
}

function parseWith<T>(schema: z.ZodType<T>, line: string, where: string): T {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    throw new CoopError('invalid_input', `The export's ${where} is not JSON`)
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new CoopError('invalid_input', `The export's ${where} is not in the expected form: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`)
  return parsed.data
}
