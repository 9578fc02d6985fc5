/**
 * How a family of secrets is found. Most rules are a regex plus a check (`patternRule`); the keyword rules
 * look around each keyword instead, so they share only this shape.
 */
export interface SecretRule {
  /** Rule id for the placeholder and the report; rules that find several kinds set `Found.rule` instead. */
  readonly id: string
  /** Substrings one of which must occur before the rule runs at all: most source files contain none. */
  readonly anchors: readonly string[]
  /** Breaks ties between overlapping finds of the same length: the more specific rule wins. */
  readonly specificity: Specificity
  find(text: string): Iterable<Found>
}

/** `keyword` guesses from a name; `format` knows the token's shape; `known` is the user's own secret. */
export type Specificity = 'keyword' | 'format' | 'known'

export const SPECIFICITY_RANK: Readonly<Record<Specificity, number>> = { keyword: 1, format: 2, known: 3 }

/** The span of text to replace: only the secret, so what surrounds it (a URL, an assignment) stays readable. */
export interface Found {
  readonly start: number
  readonly end: number
  readonly rule?: string
}

export interface PatternRuleSpec {
  readonly id: string
  readonly anchors: readonly string[]
  readonly pattern: RegExp
  /** The capture group holding the secret; the whole match when not given. */
  readonly group?: number
  readonly specificity?: Specificity
  /** Rejects a match that has the shape but is not a secret (an example key, a placeholder). */
  readonly validate?: (secret: string, match: RegExpExecArray) => boolean
}

/** A rule from one regex. The regex gets the `g` and `d` flags it needs here, so specs can write plain literals. */
export function patternRule(spec: PatternRuleSpec): SecretRule {
  const flags = new Set([...spec.pattern.flags, 'g', 'd'])
  const pattern = new RegExp(spec.pattern.source, [...flags].join(''))
  return {
    id: spec.id,
    anchors: spec.anchors,
    specificity: spec.specificity ?? 'format',
    *find(text) {
      for (const match of text.matchAll(pattern)) {
        const span = match.indices?.[spec.group ?? 0]
        if (!span) continue
        const secret = text.slice(span[0], span[1])
        if (secret.length > 0 && (!spec.validate || spec.validate(secret, match))) yield { start: span[0], end: span[1] }
      }
    },
  }
}
