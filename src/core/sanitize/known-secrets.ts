import type { Found, SecretRule } from './secret-rule'

/** Shorter values would match ordinary words and numbers; they are skipped, and the report says how many. */
export const MIN_KNOWN_SECRET_LENGTH = 8

export interface KnownSecret {
  readonly value: string
  readonly label: string
}

/**
 * The user's own secrets (keychain entries, values from .env files), found verbatim wherever they occur, even
 * inside a longer string. Each becomes a rule named by its label, so the placeholder says whose secret it was.
 */
export function knownSecretRules(secrets: readonly KnownSecret[]): { rules: SecretRule[]; skippedShort: number } {
  const byValue = new Map<string, string>()
  let skippedShort = 0
  for (const { value, label } of secrets) {
    if (value.length < MIN_KNOWN_SECRET_LENGTH) skippedShort++
    else if (!byValue.has(value)) byValue.set(value, label)
  }
  const rules = [...byValue].map(([value, label]): SecretRule => ({
    id: label,
    anchors: [value],
    specificity: 'known',
    *find(text): Iterable<Found> {
      for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) yield { start: at, end: at + value.length }
    },
  }))
  return { rules, skippedShort }
}
