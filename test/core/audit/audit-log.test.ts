import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditCheckpoint } from '../../../src/shared/audit-types'
import { Audit, type HeadStore } from '../../../src/core/audit/audit-service'
import { hashFields } from '../../../src/core/audit/record-hash'
import type { Keychain } from '../../../src/core/keys/system-keychain'
import { SIGNING_KEY } from '../../helpers/audit-key'
import { tempDir } from '../../helpers/temp-dir'


/** No keychain in these tests: the signing key comes from COOP_AUDIT_SIGNING_KEY, as on a headless machine. */
const noKeychain: Keychain = {
  get: () => Promise.reject(new Error('no keychain in this test')),
  set: () => Promise.reject(new Error('no keychain in this test')),
  delete: () => Promise.reject(new Error('no keychain in this test')),
  providers: () => Promise.reject(new Error('no keychain in this test')),
}

const opened: Audit[] = []
afterEach(() => {
  for (const audit of opened.splice(0)) audit.close()
})

function memoryHead(): HeadStore & { value: AuditCheckpoint | null } {
  const store = {
    value: null as AuditCheckpoint | null,
    get: () => store.value,
    put: (c: AuditCheckpoint) => {
      if (!store.value || c.seq > store.value.seq) store.value = c
    },
  }
  return store
}

async function audit(options: { dataDir?: string; now?: () => Date; head?: HeadStore; key?: string | null } = {}) {
  const dataDir = options.dataDir ?? tempDir()
  const env = options.key === null ? {} : { COOP_AUDIT_SIGNING_KEY: options.key ?? SIGNING_KEY }
  const a = new Audit({ dataDir, keychain: noKeychain, env, logger: { log: () => undefined }, head: options.head ?? memoryHead(), ...(options.now ? { now: options.now } : {}), actor: 'tester' })
  opened.push(a)
  await a.ready()
  return { a, dataDir }
}

/** Ten records of different kinds, a signed checkpoint of the head, and a raw handle with the guards dropped. */
async function chainOfTen(head: HeadStore = memoryHead()) {
  const { a, dataDir } = await audit({ head })
  for (let i = 1; i <= 10; i++) a.append(i % 2 ? 'setting_changed' : 'provider_enabled', { n: i, provider: `p${i}` }, { provider: `p${i}` })
  a.log.checkpoint()
  const raw = new Database(join(dataDir, 'audit.db'))
  raw.exec('DROP TRIGGER records_no_update; DROP TRIGGER records_no_delete')
  return { a, raw }
}

type Row = { seq: number; at: string; kind: string; actor: string; data: string; prev_hash: string; hash: string }
const rowAt = (raw: Database.Database, seq: number) => raw.prepare('SELECT * FROM records WHERE seq = ?').get(seq) as Row

describe('the audit log', () => {
  it('chains records by hash, signs checkpoints, and verifies intact', async () => {
    const { a } = await chainOfTen()
    const page = a.list({ limit: 3 })
    expect(page.total).toBe(10)
    expect(page.records.map((r) => r.seq)).toEqual([10, 9, 8])
    expect(page.nextBeforeSeq).toBe(8)
    expect(a.list({ beforeSeq: 8, limit: 2 }).records.map((r) => r.seq)).toEqual([7, 6])
    expect(a.list({ kind: 'provider_enabled', provider: 'p4' }).records).toMatchObject([{ seq: 4, actor: 'tester', data: { n: 4, provider: 'p4' } }])
    const [first, second] = [...a.log.all()]
    expect(first?.prevHash).toBe('0'.repeat(64))
    expect(second?.prevHash).toBe(first?.hash)
    const report = await a.verify()
    expect(report).toMatchObject({ ok: true, records: 10, firstSeq: 1, lastSeq: 10, problem: null })
    expect(report.checkpoints.verified).toBeGreaterThanOrEqual(1)
    expect(report.checkpoints.latestSeq).toBe(10)
  })

  it('refuses updates and deletes through SQL (the guard), and records stay as written', async () => {
    const { a } = await audit()
    a.append('setting_changed', { n: 1 })
    expect(() => a.log.db.prepare(`UPDATE records SET actor = 'mallory'`).run()).toThrow(/append-only/)
    expect(() => a.log.db.prepare('DELETE FROM records').run()).toThrow(/append-only/)
  })

  it('finds an edited record, also when its hash was recomputed', async () => {
    const { a, raw } = await chainOfTen()
    raw.prepare(`UPDATE records SET data = '{"n":999,"provider":"p3"}' WHERE seq = 3`).run()
    expect((await a.verify()).problem).toMatchObject({ kind: 'edited', seq: 3 })

    const r = rowAt(raw, 3)
    raw.prepare('UPDATE records SET hash = ? WHERE seq = 3').run(hashFields(3, r.at, r.kind, r.actor, r.data, r.prev_hash))
    expect((await a.verify()).problem).toMatchObject({ kind: 'edited', seq: 3 })
  })

  it('finds a deleted record, with or without the rest renumbered', async () => {
    const { a, raw } = await chainOfTen()
    raw.prepare('DELETE FROM records WHERE seq = 4').run()
    expect((await a.verify()).problem).toMatchObject({ kind: 'deleted', seq: 4 })
    raw.exec('UPDATE records SET seq = -seq WHERE seq > 4; UPDATE records SET seq = -seq - 1 WHERE seq < 0')
    expect((await a.verify()).problem).toMatchObject({ kind: 'deleted', seq: 4 })
  })

  it('finds an inserted record, even a well-formed one', async () => {
    const { a, raw } = await chainOfTen()
    raw.exec('UPDATE records SET seq = -seq WHERE seq >= 5; UPDATE records SET seq = -seq + 1 WHERE seq < 0')
    const before = rowAt(raw, 4)
    const data = '{"n":"forged"}'
    const at = before.at
    raw.prepare('INSERT INTO records (seq, at, kind, actor, data, prev_hash, hash) VALUES (5, ?, ?, ?, ?, ?, ?)').run(at, 'approval', 'tester', data, before.hash, hashFields(5, at, 'approval', 'tester', data, before.hash))
    expect((await a.verify()).problem).toMatchObject({ kind: 'inserted', seq: 5 })
  })

  it('finds reordered records', async () => {
    const { a, raw } = await chainOfTen()
    const r6 = rowAt(raw, 6)
    const r7 = rowAt(raw, 7)
    const swap = raw.prepare('UPDATE records SET at = ?, kind = ?, actor = ?, data = ?, prev_hash = ?, hash = ? WHERE seq = ?')
    swap.run(r7.at, r7.kind, r7.actor, r7.data, r7.prev_hash, r7.hash, 6)
    swap.run(r6.at, r6.kind, r6.actor, r6.data, r6.prev_hash, r6.hash, 7)
    expect((await a.verify()).problem).toMatchObject({ kind: 'reordered', seq: 6 })
  })

  it('finds records cut off the end by the signed checkpoint, and by the head kept outside audit.db when checkpoints go too', async () => {
    const head = memoryHead()
    const { a, raw } = await chainOfTen(head)
    raw.prepare('DELETE FROM records WHERE seq > 8').run()
    expect((await a.verify()).problem).toMatchObject({ kind: 'truncated', seq: 9 })
    raw.prepare('DELETE FROM checkpoints').run()
    expect((await a.verify()).problem).toMatchObject({ kind: 'truncated', seq: 9 })
    expect(head.value?.seq).toBe(10)
  })

  it('finds a forged checkpoint, and does not trust checkpoints signed by another key', async () => {
    const { a, raw } = await chainOfTen()
    raw.prepare(`UPDATE checkpoints SET signature = ? WHERE seq = 10`).run(Buffer.alloc(64, 1).toString('base64'))
    expect((await a.verify()).problem).toMatchObject({ kind: 'bad_signature', seq: 10 })
    raw.prepare(`UPDATE checkpoints SET key_id = 'ed25519:0000000000000000'`).run()
    const report = await a.verify()
    expect(report.ok).toBe(true)
    expect(report.checkpoints.verified).toBe(0)
    expect(report.checkpoints.untrusted).toBeGreaterThan(0)
  })

  it('prunes past the retention window with a signed prune record; the rest still verifies; a forged prune shows', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z')
    const { a, dataDir } = await audit({ now: () => new Date(now) })
    for (let i = 0; i < 5; i++) {
      a.append('setting_changed', { n: i })
      now += 86_400_000
    }
    now += 100 * 86_400_000
    a.append('setting_changed', { n: 'recent' })
    const { removed, record } = await a.prune()
    expect(removed).toBe(5)
    expect(record).toMatchObject({ kind: 'prune', seq: 7, data: { removedThroughSeq: 5, removed: 5 } })
    expect(await a.verify()).toMatchObject({ ok: true, firstSeq: 6, lastSeq: 7 })
    expect((await a.prune()).removed).toBe(0)

    const raw = new Database(join(dataDir, 'audit.db'))
    raw.exec('DROP TRIGGER records_no_update')
    const prune = rowAt(raw, 7)
    const data = { ...(JSON.parse(prune.data) as Record<string, unknown>), signature: Buffer.alloc(64, 2).toString('base64') }
    const dataJson = JSON.stringify(Object.fromEntries(Object.entries(data).sort(([x], [y]) => x.localeCompare(y))))
    raw.prepare('UPDATE records SET data = ?, hash = ? WHERE seq = 7').run(dataJson, hashFields(7, prune.at, prune.kind, prune.actor, dataJson, prune.prev_hash))
    expect((await a.verify()).problem).toMatchObject({ kind: 'bad_prune', seq: 7 })
  })

  it('without a signing key still chains records, and says truncation cannot be proven (no key id, no checkpoints)', async () => {
    const { a } = await audit({ key: null })
    a.append('setting_changed', { n: 1 })
    const report = await a.verify()
    expect(report).toMatchObject({ ok: true, keyId: null, checkpoints: { total: 0 } })
  })
})
