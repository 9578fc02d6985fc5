// How fast sanitizeText scrubs real source text, and what it finds there: on ordinary code a
// redaction is usually a false positive, so every rule that fired is listed with its files.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fingerprintOf } from '../src/core/keys/key-store'
import { keyFingerprintRule } from '../src/core/router/user-secrets'
import { sanitizeText, type SanitizeOptions } from '../src/core/sanitize/sanitize-payload'
import { percentile } from './measure'

const EXTENSIONS = /\.(ts|tsx|js|json|md)$/
export const MAX_CORPUS_FILE = 1024 * 1024
/** Folders never walked: other checkouts' history and dependencies (a default root may itself be a package). */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules'])

export interface CorpusFile {
  /** Relative to `base`, for listing. */
  readonly path: string
  readonly text: string
  readonly bytes: number
}

export interface Corpus {
  readonly roots: readonly string[]
  readonly files: readonly CorpusFile[]
  readonly bytes: number
  /** Files with a matching extension over MAX_CORPUS_FILE, left out. */
  readonly skippedLarge: number
}

/** Every .ts/.tsx/.js/.json/.md file under the roots (symbolic links not followed), read into memory. */
export function readCorpus(roots: readonly string[], base: string): Corpus {
  const files: CorpusFile[] = []
  let skippedLarge = 0
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(path)
      } else if (entry.isFile() && EXTENSIONS.test(entry.name)) {
        if (statSync(path).size > MAX_CORPUS_FILE) skippedLarge++
        else {
          const text = readFileSync(path, 'utf8')
          files.push({ path: relative(base, path), text, bytes: Buffer.byteLength(text, 'utf8') })
        }
      }
    }
  }
  for (const root of roots) {
    if (!statSync(root).isDirectory()) throw new Error(`${root} is not a folder`)
    walk(root)
  }
  return { roots, files, bytes: files.reduce((n, f) => n + f.bytes, 0), skippedLarge }
}

export interface ThroughputFigure {
  readonly variant: string
  readonly passesMs: readonly number[]
  /** 10^6 bytes of UTF-8 per second. */
  readonly bestMBps: number
  readonly medianMBps: number
}

export interface ScrubFigures {
  readonly variants: readonly ThroughputFigure[]
  readonly redactions: number
  readonly byRule: Readonly<Record<string, number>>
  /** Up to five files per rule, so each finding can be looked at. */
  readonly filesByRule: Readonly<Record<string, readonly string[]>>
}

/**
 * `passes` passes over the corpus for each variant, interleaved (A B A B …) so neither gets the warmer
 * half: one sanitizeText call per file, as the router makes one scrub per request. The built-in rules
 * alone, and with the router's extra rule matching stored keys by fingerprint (it hashes each key-shaped
 * run that starts with a stored key's prefix and has its length).
 */
export function measureScrubbing(corpus: Corpus, passes: number): ScrubFigures {
  const benchKey = 'sk-bench-not-a-real-key-0123456789abcdef'
  const routerRules: SanitizeOptions = { extraRules: [keyFingerprintRule({ byFingerprint: new Map([[fingerprintOf(benchKey), 'oa']]), lengths: new Set([benchKey.length]), prefixes: new Set([benchKey.slice(0, 3)]) })] }
  const variants: { name: string; options: SanitizeOptions; passesMs: number[] }[] = [
    { name: 'built-in rules', options: {}, passesMs: [] },
    { name: "+ the router's stored-key rule", options: routerRules, passesMs: [] },
  ]
  // One unmeasured pass to compile the regular expressions and warm the JIT.
  for (const f of corpus.files) sanitizeText(f.text, routerRules)
  for (let pass = 0; pass < passes; pass++) {
    for (const variant of variants) {
      const started = performance.now()
      for (const f of corpus.files) sanitizeText(f.text, variant.options)
      variant.passesMs.push(performance.now() - started)
    }
  }
  const byRule: Record<string, number> = {}
  const filesByRule: Record<string, string[]> = {}
  let redactions = 0
  for (const f of corpus.files) {
    const { report } = sanitizeText(f.text, routerRules)
    redactions += report.redactions
    for (const [rule, n] of Object.entries(report.byRule)) {
      byRule[rule] = (byRule[rule] ?? 0) + n
      const listed = (filesByRule[rule] ??= [])
      if (listed.length < 5) listed.push(`${f.path} (${n})`)
    }
  }
  const mbps = (ms: number): number => corpus.bytes / 1e6 / (ms / 1000)
  return {
    variants: variants.map((v) => ({ variant: v.name, passesMs: v.passesMs, bestMBps: mbps(Math.min(...v.passesMs)), medianMBps: mbps(percentile(v.passesMs, 50)) })),
    redactions,
    byRule,
    filesByRule,
  }
}
