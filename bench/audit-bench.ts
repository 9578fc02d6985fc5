// Audit log figures: append throughput (goal: at least 10,000 records/s) and the time to verify a
// chain of one million records. Prints figures; asserts nothing about time.
//
//   npx jiti bench/audit-bench.ts [--records 1000000] [--appends 50000] [--json]
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Audit } from '../src/core/audit/audit-service'
import { canonicalJson } from '../src/core/audit/canonical-json'
import { hashFields, GENESIS_HASH } from '../src/core/audit/record-hash'
import type { Keychain } from '../src/core/keys/system-keychain'

const args = process.argv.slice(2)
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(name)
  return at === -1 ? fallback : Number(args[at + 1])
}
const RECORDS = option('--records', 1_000_000)
const APPENDS = option('--appends', 50_000)
const JSON_OUT = args.includes('--json')

const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const noKeychain: Keychain = {
  get: () => Promise.reject(new Error('no keychain')),
  set: () => Promise.reject(new Error('no keychain')),
  delete: () => Promise.reject(new Error('no keychain')),
  providers: () => Promise.reject(new Error('no keychain')),
}
const silent = { log: () => undefined }

/** A record shaped like the router's final llm_request record: the common case and the largest. */
function llmRecord(i: number): Record<string, unknown> {
  return {
    requestId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    status: 'succeeded',
    provider: 'openai',
    model: 'gpt-4.1',
    retentionMode: 'flag',
    keyFingerprint: 'sha256:0123456789ab',
    keySource: 'keychain',
    redactions: { total: 1, byRule: { 'github-token': 1 } },
    payloadSha256: 'a'.repeat(64),
    statusCode: null,
    errorClass: null,
    inputTokens: 812,
    outputTokens: 64,
    costUsd: 0.002136,
    attempts: 1,
  }
}

function openAudit(dataDir: string, signed: boolean): Audit {
  return new Audit({ dataDir, keychain: noKeychain, env: signed ? { COOP_AUDIT_SIGNING_KEY: signingKey } : {}, logger: silent, head: { get: () => null, put: () => undefined }, actor: 'bench' })
}

async function appendThroughput(signed: boolean): Promise<{ recordsPerSecond: number; ms: number; checkpoints: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'coop-audit-bench-'))
  try {
    const audit = openAudit(dir, signed)
    await audit.ready()
    for (let i = 0; i < 1000; i++) audit.append('llm_request', llmRecord(i), { provider: 'openai' })
    const started = performance.now()
    for (let i = 0; i < APPENDS; i++) audit.append('llm_request', llmRecord(i), { provider: 'openai' })
    const ms = performance.now() - started
    const checkpoints = audit.log.checkpoints().length
    audit.close()
    return { recordsPerSecond: Math.round(APPENDS / (ms / 1000)), ms: Math.round(ms), checkpoints }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Fills a chain fast (one transaction, hashes computed the same way), then times `verify`. */
async function verifyMillion(): Promise<{ records: number; fillMs: number; verifyMs: number; ok: boolean; fileMiB: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'coop-audit-bench-'))
  try {
    const audit = openAudit(dir, true)
    await audit.ready()
    const insert = audit.log.db.prepare('INSERT INTO records (seq, at, kind, actor, provider, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    const fillStarted = performance.now()
    let prev = GENESIS_HASH
    const base = Date.parse('2026-01-01T00:00:00Z')
    const fill = audit.log.db.transaction((from: number, to: number) => {
      for (let seq = from; seq <= to; seq++) {
        const at = new Date(base + seq * 1000).toISOString()
        const data = canonicalJson(llmRecord(seq))
        const hash = hashFields(seq, at, 'llm_request', 'bench', data, prev)
        insert.run(seq, at, 'llm_request', 'bench', 'openai', data, prev, hash)
        prev = hash
      }
    })
    for (let from = 1; from <= RECORDS; from += 100_000) fill(from, Math.min(RECORDS, from + 99_999))
    audit.log.checkpoint()
    const fillMs = performance.now() - fillStarted
    const started = performance.now()
    const report = await audit.verify()
    const verifyMs = performance.now() - started
    audit.close()
    return { records: report.records, fillMs: Math.round(fillMs), verifyMs: Math.round(verifyMs), ok: report.ok, fileMiB: Math.round(statSync(join(dir, 'audit.db')).size / 2 ** 20) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const unsigned = await appendThroughput(false)
const signed = await appendThroughput(true)
const verified = await verifyMillion()
const result = { appends: APPENDS, unsigned, signed, verify: verified }
if (JSON_OUT) {
  console.log(JSON.stringify(result, null, 2))
} else {
  const goal = (n: number) => (n >= 10_000 ? 'ok' : 'MISSED')
  console.log(`audit log (Node ${process.version})`)
  console.log(`  append, ${APPENDS.toLocaleString('en-US')} llm_request records, one IMMEDIATE transaction each:`)
  console.log(`    signed checkpoints (every 1,000 records or 1 s)  ${signed.recordsPerSecond.toLocaleString('en-US').padStart(8)} records/s   goal ≥ 10,000: ${goal(signed.recordsPerSecond)}  (${signed.checkpoints} checkpoints)`)
  console.log(`    no signing key                                  ${unsigned.recordsPerSecond.toLocaleString('en-US').padStart(8)} records/s`)
  console.log(`  verify ${verified.records.toLocaleString('en-US')} records (${verified.fileMiB} MiB audit.db): ${(verified.verifyMs / 1000).toFixed(1)} s, ${verified.ok ? 'intact' : 'NOT intact'} (filling it took ${(verified.fillMs / 1000).toFixed(1)} s)`)
}
