import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Every file under a folder (databases, their WAL, logs) as one string, for scans that nothing secret was written. */
export function everythingWritten(dir: string): string {
  let all = ''
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    all += statSync(path).isDirectory() ? everythingWritten(path) : readFileSync(path).toString('latin1')
  }
  return all
}
