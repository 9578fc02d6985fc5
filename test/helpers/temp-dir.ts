import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach } from 'vitest'

const perTest: string[] = []
const perFile: string[] = []

/** A fresh folder under the system temp dir, removed after the current test. */
export function tempDir(prefix = 'coop-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  perTest.push(dir)
  return dir
}

/** A fresh folder that lives until every test in this file has run (for beforeAll fixtures). */
export function suiteTempDir(prefix = 'coop-suite-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  perFile.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of perTest.splice(0)) rmSync(dir, { recursive: true, force: true })
})

afterAll(() => {
  for (const dir of perFile.splice(0)) rmSync(dir, { recursive: true, force: true })
})
