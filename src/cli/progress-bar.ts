import type { IndexProgress } from '../shared/types'
import type { CliIo } from './io'

/** A one-line progress bar on a terminal (stderr), redrawn at most ten times a second. */
export class ProgressBar {
  readonly #stream: CliIo['stderr']
  readonly #label: string
  #lastDraw = 0
  #drawn = false

  constructor(stream: CliIo['stderr'], label: string) {
    this.#stream = stream
    this.#label = label
  }

  update(progress: IndexProgress): void {
    const now = Date.now()
    const finished = progress.total > 0 && progress.done >= progress.total
    if (!finished && now - this.#lastDraw < 100) return
    this.#lastDraw = now
    this.#stream.write(`\r${formatProgressLine(this.#label, progress, this.#stream.columns ?? 80)}\x1b[K`)
    this.#drawn = true
  }

  clear(): void {
    if (this.#drawn) this.#stream.write('\r\x1b[K')
    this.#drawn = false
  }
}

export function formatProgressLine(label: string, progress: IndexProgress, columns: number): string {
  if (progress.phase === 'scanning') return `${label}  finding new commits…`
  const ratio = progress.total === 0 ? 1 : progress.done / progress.total
  const counts = `${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')} ${progress.phase === 'parsing' ? 'files parsed' : 'commits'}`
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4)
  const width = Math.max(10, Math.min(40, columns - label.length - counts.length - 12))
  const filled = Math.round(ratio * width)
  return `${label}  [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${percent} ${counts}`
}
