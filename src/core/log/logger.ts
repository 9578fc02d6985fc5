import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

export type LogLevel = 'info' | 'warn' | 'error'

export interface Logger {
  log(level: LogLevel, message: string, context?: Record<string, unknown>): void
}

/**
 * JSON lines in `<dataDir>/logs/coop.log`. Callers pass identifiers and error details only — never
 * request payloads, keys or tokens — because users attach this file to bug reports.
 */
export function createFileLogger(dataDir: string): Logger {
  const dir = join(dataDir, 'logs')
  const file = join(dir, 'coop.log')
  let ready = false
  return {
    log(level, message, context = {}) {
      const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...serialise(context) })
      try {
        if (!ready) {
          mkdirSync(dir, { recursive: true })
          ready = true
        }
        appendFileSync(file, `${line}\n`)
      } catch (error) {
        // The log is a diagnostic aid; a full disk must not turn every call into a failure.
        process.stderr.write(`coop: cannot write ${file}: ${String(error)}\n`)
      }
    },
  }
}

function serialise(context: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(context)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value
  }
  return out
}
