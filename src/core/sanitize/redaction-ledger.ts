/** `[REDACTED:<rule>#<n>]`, as written by `placeholderFor`; found again so a second pass leaves it alone. */
export const PLACEHOLDER_PATTERN = /\[REDACTED:([^\]\s#]+)#(\d+)\]/g

/** What replaced one secret. It names the rule and the number, never any of the secret's text. */
export interface Redaction {
  readonly rule: string
  readonly placeholder: string
}

export interface SanitizeReport {
  /** Occurrences replaced, over all rules. */
  readonly redactions: number
  /** Occurrences replaced per rule id (or known-secret label). */
  readonly byRule: Readonly<Record<string, number>>
  /** Known secrets shorter than 8 characters, which are not searched for (they would match ordinary text). */
  readonly skippedShortKnownSecrets: number
}

/** Rule ids and labels become part of a placeholder, so they must not close it or look like its number. */
function safeRuleName(rule: string): string {
  return rule.replace(/[\]\s#]/g, '_')
}

/**
 * Numbers secrets within one request: the same secret always gets the same placeholder, a different one the
 * next number for its rule. The secrets themselves live only in this object, which dies with the call.
 */
export class RedactionLedger {
  private readonly numbers = new Map<string, Map<string, number>>()
  /** Highest number already in the input per rule, so new secrets never reuse a number from an earlier pass. */
  private readonly taken = new Map<string, number>()
  private readonly counts = new Map<string, number>()
  private total = 0

  /** Notes placeholders already present (text sanitized before, then extended) so numbering continues after them. */
  notePlaceholdersIn(text: string): void {
    if (!text.includes('[REDACTED:')) return
    for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
      const rule = match[1] as string
      this.taken.set(rule, Math.max(this.taken.get(rule) ?? 0, Number(match[2])))
    }
  }

  redact(rule: string, secret: string): Redaction {
    const name = safeRuleName(rule)
    let numbers = this.numbers.get(name)
    if (!numbers) this.numbers.set(name, (numbers = new Map()))
    let n = numbers.get(secret)
    if (n === undefined) {
      n = (this.taken.get(name) ?? 0) + numbers.size + 1
      numbers.set(secret, n)
    }
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1)
    this.total++
    return { rule: name, placeholder: `[REDACTED:${name}#${n}]` }
  }

  report(skippedShortKnownSecrets: number): SanitizeReport {
    const byRule = Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    return { redactions: this.total, byRule, skippedShortKnownSecrets }
  }
}
