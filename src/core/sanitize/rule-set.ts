import { createHash } from 'node:crypto'
import { formatRules } from './format-rules'
import { keywordRule } from './keyword-rules'
import { MIN_KNOWN_SECRET_LENGTH } from './known-secrets'
import { providerRules } from './provider-rules'

/**
 * The ids the keyword rule reports under (one per keyword family). keyword-rules.ts keeps its families
 * private, so they are repeated here; a test sanitizes one sample per id to keep the two in step.
 */
export const KEYWORD_RULE_IDS: readonly string[] = ['access-key', 'api-key', 'auth', 'password', 'private-key', 'secret', 'token']

/** Rules whose ids name the user's own secret: stored keys found by fingerprint, values of indexed repositories' .env files. */
export const USER_SECRET_RULE_FORMS: readonly string[] = ['env:<NAME>', 'key:<provider>']

/** Every id a built-in rule can report (placeholders `[REDACTED:<id>#n]`, `byRule` counts), sorted. */
export const SANITIZE_RULE_IDS: readonly string[] = [...new Set([...providerRules.map((r) => r.id), ...formatRules.map((r) => r.id), ...KEYWORD_RULE_IDS])].sort()

/**
 * What the version is computed over: each rule's id, anchors and specificity, the keyword families and the
 * user-secret forms. A change to any of them changes the version; a change inside a rule's regex alone does not
 * (the rules do not expose it), which is why the rule ids are listed beside it in reports.
 */
function ruleSetDescription(): string {
  const rules = [...providerRules, ...formatRules, keywordRule]
    .map((r) => ({ id: r.id, anchors: [...r.anchors].sort(), specificity: r.specificity }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return JSON.stringify({ rules, keywordRuleIds: KEYWORD_RULE_IDS, userSecretRules: USER_SECRET_RULE_FORMS, minKnownSecretLength: MIN_KNOWN_SECRET_LENGTH })
}

/** A stable name for this rule set: the first 12 hex digits of SHA-256 over its description. */
export const SANITIZE_RULESET_VERSION: string = createHash('sha256').update(ruleSetDescription(), 'utf8').digest('hex').slice(0, 12)
