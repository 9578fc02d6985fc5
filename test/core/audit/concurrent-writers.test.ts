import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { NODE_BUNDLE } from '../../../scripts/build-parse-worker.mjs'
import { openCore } from '../../../src/core/create-core'
import { tempDir } from '../../helpers/temp-dir'
import { SIGNING_KEY } from '../../helpers/audit-key'

// Inside the project, so the bundle finds better-sqlite3 in node_modules.
const WRITER = join(import.meta.dirname, '../../../out/test/audit-writer.mjs')

function run(dataDir: string, name: string, count: number): Promise<number | null> {
  const child = spawn(process.execPath, [WRITER, dataDir, name, String(count)], { env: { ...process.env, COOP_AUDIT_SIGNING_KEY: SIGNING_KEY }, stdio: ['ignore', 'ignore', 'inherit'] })
  return new Promise((resolve) => child.on('exit', resolve))
}

describe('several processes writing one audit log', () => {
  it('the app and CLI processes appending at once keep one intact chain', async () => {
    await build({ ...NODE_BUNDLE, entryPoints: [join(import.meta.dirname, '../../helpers/audit-writer.ts')], outfile: WRITER, sourcemap: false })
    const dataDir = tempDir()
    const core = openCore({ dataDir, version: 'test', env: { COOP_AUDIT_SIGNING_KEY: SIGNING_KEY } })
    await core.audit.ready()
    const writers = [run(dataDir, 'a', 400), run(dataDir, 'b', 400), run(dataDir, 'c', 400)]
    // This process writes too, while the others run.
    for (let i = 0; i < 200; i++) {
      core.audit.append('setting_changed', { writer: 'app', i })
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5))
    }
    expect(await Promise.all(writers)).toEqual([0, 0, 0])
    const report = await core.audit.verify()
    expect(report).toMatchObject({ ok: true, records: 1400, firstSeq: 1, lastSeq: 1400 })
    const byWriter = new Map<string, number[]>()
    for (const record of core.audit.log.all()) {
      const { writer, i } = record.data as { writer: string; i: number }
      byWriter.set(writer, [...(byWriter.get(writer) ?? []), i])
    }
    // Every writer's records are all there, in its own order.
    for (const [writer, count] of [['a', 400], ['b', 400], ['c', 400], ['app', 200]] as const) {
      expect(byWriter.get(writer)).toEqual(Array.from({ length: count }, (_, i) => i))
    }
    await core.close()
  }, 60_000)
})
