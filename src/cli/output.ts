import type { BridgeError } from '../shared/result'
import type { CliIo } from './io'

/** Prints a value for machines: one JSON document on stdout. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

/** Plain-text table with left-aligned text and right-aligned numbers. */
export function formatTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en-US') : cell)))
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => row[i]?.length ?? 0)))
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'))
  const line = (row: readonly string[]): string =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(headers), ...cells.map(line)].join('\n')
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** How long ago an ISO time was, for tables read by people. */
export function formatAgo(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never'
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000))
  if (seconds < 60) return 'just now'
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
  ]
  for (const [size, unit] of units) if (seconds >= size) return `${Math.floor(seconds / size)} ${unit} ago`
  return 'just now'
}

export class CliError extends Error {
  readonly error: BridgeError
  readonly exitCode: number
  /** The command already reported the failure (e.g. `coop ask` printed its outcome): only the exit code is left. */
  readonly printed: boolean
  constructor(error: BridgeError, exitCode = 1, options: { printed?: boolean } = {}) {
    super(error.message)
    this.error = error
    this.exitCode = exitCode
    this.printed = options.printed ?? false
  }
}
