import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fingerprintOf, type KeyFingerprints } from '../keys/key-store'
import type { KnownSecret } from '../sanitize/known-secrets'
import type { Found, SecretRule } from '../sanitize/secret-rule'

/** API keys are runs of these; shorter runs are not keys any provider issues. */
const KEY_CHAR = /[A-Za-z0-9_-]/
const KEY_SHAPED = /[A-Za-z0-9_-]{20,}/g
const MIN_KEY_LENGTH = 20

/**
 * Finds the user's own API keys by fingerprint: every key-shaped run whose `sha256:` prefix matches a
 * stored key's. The router thus redacts all of them without holding any key in memory. With the keys'
 * prefixes and lengths known, only runs that start with a prefix and have a stored length are hashed,
 * and text without any prefix is not looked at.
 */
export function keyFingerprintRule({ byFingerprint, lengths, prefixes }: KeyFingerprints): SecretRule {
  const hit = (run: string, start: number): Found | undefined => {
    if (lengths !== null && !lengths.has(run.length)) return undefined
    const provider = byFingerprint.get(fingerprintOf(run))
    return provider === undefined ? undefined : { start, end: start + run.length, rule: `key:${provider}` }
  }
  return {
    id: 'keychain',
    anchors: prefixes === null ? [] : [...prefixes],
    specificity: 'known',
    *find(text) {
      if (byFingerprint.size === 0) return
      if (prefixes === null) {
        for (const match of text.matchAll(KEY_SHAPED)) {
          const found = hit(match[0], match.index)
          if (found) yield found
        }
        return
      }
      for (const prefix of prefixes) {
        for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + 1)) {
          if (at > 0 && KEY_CHAR.test(text[at - 1] as string)) continue
          let end = at + prefix.length
          while (end < text.length && KEY_CHAR.test(text[end] as string)) end++
          if (end - at < MIN_KEY_LENGTH) continue
          const found = hit(text.slice(at, end), at)
          if (found) yield found
        }
      }
    },
  }
}

/** `.env`, `.env.local`, `.env.production`…; not the committed examples. */
const ENV_FILE = /^\.env(\.[\w.-]+)?$/
const EXAMPLE_FILE = /\.(example|sample|template|dist|defaults?)$/i
const MAX_ENV_FILE = 256 * 1024

interface CachedFile {
  readonly mtimeMs: number
  readonly size: number
  readonly secrets: readonly KnownSecret[]
}

/**
 * Values from the .env files at the root of each indexed repository, to redact wherever they appear.
 * Re-read only when a file changes; a missing or unreadable repository contributes nothing.
 */
export class EnvFileSecrets {
  private readonly cache = new Map<string, CachedFile>()

  collect(repoPaths: readonly string[]): KnownSecret[] {
    const secrets: KnownSecret[] = []
    for (const root of repoPaths) {
      let names: string[]
      try {
        names = readdirSync(root).filter((name) => ENV_FILE.test(name) && !EXAMPLE_FILE.test(name))
      } catch {
        continue
      }
      for (const name of names) secrets.push(...this.read(join(root, name)))
    }
    return secrets
  }

  private read(path: string): readonly KnownSecret[] {
    try {
      const info = statSync(path)
      if (!info.isFile() || info.size > MAX_ENV_FILE) return []
      const cached = this.cache.get(path)
      if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.secrets
      const secrets = parseEnvValues(readFileSync(path, 'utf8')).map(({ key, value }) => ({ value, label: `env:${key}` }))
      this.cache.set(path, { mtimeMs: info.mtimeMs, size: info.size, secrets })
      return secrets
    } catch {
      return []
    }
  }
}

/** KEY=VALUE lines (optionally `export`, quoted values, trailing comments outside quotes). */
export function parseEnvValues(text: string): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = []
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(line)
    if (!match) continue
    let value = (match[2] as string).trim()
    const quote = value[0]
    if ((quote === '"' || quote === "'" || quote === '`') && value.indexOf(quote, 1) > 0) value = value.slice(1, value.indexOf(quote, 1))
    else value = value.replace(/\s+#.*$/, '')
    if (value.length > 0) out.push({ key: match[1] as string, value })
  }
  return out
}
