import { characterClasses, looksFakeToken } from './judge-value'
import { patternRule, type SecretRule } from './secret-rule'

/**
 * Credentials with a provider's own format: a fixed prefix and a random body. The shape alone identifies
 * them, so they need no keyword nearby. Lookarounds keep a prefix inside a longer word from matching.
 */

/** The random part after a known prefix is varied (real tokens mix cases and digits) and is not a fixture. */
function randomBody(prefix: RegExp) {
  return (secret: string): boolean => {
    const body = secret.replace(prefix, '')
    return !looksFakeToken(body) && characterClasses(body.replace(/[-_]/g, '')) >= 2
  }
}

export const providerRules: readonly SecretRule[] = [
  patternRule({
    id: 'aws-access-key-id',
    anchors: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/,
    validate: (secret) => !looksFakeToken(secret),
  }),
  patternRule({
    id: 'aws-secret-access-key',
    anchors: ['ecret', 'ECRET'],
    // The secret key is 40 characters of base64 with no prefix: it is only recognisable next to its name.
    pattern: /(?:aws[_.-]?secret(?:[_.-]?access)?|secret[_.-]?access)[_.-]?key["']?\s*(?::=|=>|=|:)\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/i,
    group: 1,
    validate: (secret) => !looksFakeToken(secret) && characterClasses(secret) >= 2,
  }),
  patternRule({
    id: 'github-token',
    anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{50,255})(?![A-Za-z0-9_])/,
    validate: randomBody(/^(?:gh[pousr]_|github_pat_)/),
  }),
  patternRule({
    id: 'gitlab-token',
    anchors: ['glpat-', 'gldt-', 'glrt-', 'glcbt-', 'glptt-', 'glft-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glffct-'],
    pattern: /(?<![A-Za-z0-9_-])(?:glpat|gldt|glrt|glcbt|glptt|glft|glimt|glagent|gloas|glsoat|glffct)-[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_-]{2,}){0,2}(?![A-Za-z0-9_-])/,
    validate: randomBody(/^gl[a-z]+-/),
  }),
  patternRule({
    id: 'slack-token',
    anchors: ['xox', 'xapp-'],
    pattern: /(?<![A-Za-z0-9_-])(?:xox[abposre]|xoxe\.xox[bp]|xapp)-[A-Za-z0-9-]{10,}(?![A-Za-z0-9_-])/,
    validate: (secret) => /\d/.test(secret) && randomBody(/^(?:xoxe\.)?x[a-z]+-/)(secret),
  }),
  patternRule({
    id: 'slack-webhook',
    anchors: ['hooks.slack.com'],
    // The path is the credential; the host stays so the reader knows what it was.
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9_]{6,}\/[A-Za-z0-9_/]{8,})/,
    group: 1,
    validate: (secret) => !looksFakeToken(secret),
  }),
  patternRule({
    id: 'stripe-key',
    anchors: ['k_live_', 'k_test_', 'whsec_'],
    // sk_test_ keys are secrets too: they read and write the test-mode account.
    pattern: /(?<![A-Za-z0-9_])(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}|whsec_[A-Za-z0-9+/=]{24,})(?![A-Za-z0-9_])/,
    validate: randomBody(/^(?:[sr]k_(?:live|test)_|whsec_)/),
  }),
  patternRule({
    id: 'google-api-key',
    anchors: ['AIza'],
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/,
    validate: randomBody(/^AIza/),
  }),
  patternRule({
    id: 'google-oauth-secret',
    anchors: ['GOCSPX-'],
    pattern: /(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/,
    validate: randomBody(/^GOCSPX-/),
  }),
  patternRule({
    id: 'anthropic-key',
    anchors: ['sk-ant-'],
    pattern: /(?<![A-Za-z0-9_-])sk-ant-(?:api|admin|oat|ort|sid)\d{2}-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/,
    validate: randomBody(/^sk-ant-[a-z]+\d{2}-/),
  }),
  patternRule({
    id: 'openai-key',
    anchors: ['sk-'],
    // Legacy keys are sk- and 48 letters and digits; other providers copied the form, so any 32+ are taken.
    pattern: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{32,})(?![A-Za-z0-9_-])/,
    validate: randomBody(/^sk-(?:(?:proj|svcacct|admin|None)-)?/),
  }),
  patternRule({
    id: 'openrouter-key',
    anchors: ['sk-or-'],
    pattern: /(?<![A-Za-z0-9_-])sk-or-v\d-[a-f0-9]{64}(?![A-Za-z0-9_-])/,
    validate: (secret) => !looksFakeToken(secret.slice(9)),
  }),
  patternRule({
    id: 'npm-token',
    anchors: ['npm_'],
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/,
    validate: (secret) => /\d/.test(secret) && randomBody(/^npm_/)(secret),
  }),
  patternRule({
    id: 'pypi-token',
    anchors: ['pypi-AgE'],
    // The body is a macaroon whose first bytes encode the index's host, hence the fixed start.
    pattern: /(?<![A-Za-z0-9_-])pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}(?![A-Za-z0-9_-])/,
    validate: randomBody(/^pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)/),
  }),
]
