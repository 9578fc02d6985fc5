import { describe, expect, it } from 'vitest'
import { sanitizeText } from '../../../src/core/sanitize/sanitize-payload'
import { ALNUM, BASE64, BASE64URL, HEX, randomChars, UPPER_DIGITS } from './fake-secrets'

const scrub = (text: string) => sanitizeText(text).text

/** Each provider's credential, built at run time, with the rule that must name it. */
const credentials: readonly { rule: string; kind: string; secret: string }[] = [
  { rule: 'aws-access-key-id', kind: 'AWS access key id', secret: 'AKIA' + randomChars(16, UPPER_DIGITS) },
  { rule: 'aws-access-key-id', kind: 'AWS temporary key id', secret: 'ASIA' + randomChars(16, UPPER_DIGITS) },
  { rule: 'github-token', kind: 'GitHub classic PAT', secret: 'ghp_' + randomChars(36) },
  { rule: 'github-token', kind: 'GitHub OAuth token', secret: 'gho_' + randomChars(36) },
  { rule: 'github-token', kind: 'GitHub user-to-server token', secret: 'ghu_' + randomChars(36) },
  { rule: 'github-token', kind: 'GitHub app installation token', secret: 'ghs_' + randomChars(36) },
  { rule: 'github-token', kind: 'GitHub refresh token', secret: 'ghr_' + randomChars(36) },
  { rule: 'github-token', kind: 'GitHub fine-grained PAT', secret: 'github_pat_' + randomChars(22) + '_' + randomChars(59) },
  { rule: 'gitlab-token', kind: 'GitLab PAT', secret: 'glpat-' + randomChars(20, BASE64URL.replace('-', '')) },
  { rule: 'gitlab-token', kind: 'GitLab deploy token', secret: 'gldt-' + randomChars(20) },
  { rule: 'gitlab-token', kind: 'GitLab runner token', secret: 'glrt-' + randomChars(20) },
  { rule: 'slack-token', kind: 'Slack bot token', secret: 'xoxb-' + randomChars(11, '0123456789') + '-' + randomChars(13, '0123456789') + '-' + randomChars(24) },
  { rule: 'slack-token', kind: 'Slack user token', secret: 'xoxp-' + randomChars(11, '0123456789') + '-' + randomChars(12, '0123456789') + '-' + randomChars(32, HEX) },
  { rule: 'slack-token', kind: 'Slack legacy workspace token', secret: 'xoxa-2-' + randomChars(30) },
  { rule: 'slack-token', kind: 'Slack refresh token', secret: 'xoxr-' + randomChars(40) },
  { rule: 'slack-token', kind: 'Slack app-level token', secret: 'xapp-1-A' + randomChars(10, UPPER_DIGITS) + '-' + randomChars(13, '0123456789') + '-' + randomChars(64, HEX) },
  { rule: 'stripe-key', kind: 'Stripe live secret key', secret: 'sk_live_' + randomChars(24) },
  { rule: 'stripe-key', kind: 'Stripe restricted key', secret: 'rk_live_' + randomChars(24) },
  { rule: 'stripe-key', kind: 'Stripe test-mode secret key', secret: 'sk_test_' + randomChars(24) },
  { rule: 'google-api-key', kind: 'Google API key', secret: 'AIza' + randomChars(35, BASE64URL) },
  { rule: 'openai-key', kind: 'OpenAI project key', secret: 'sk-proj-' + randomChars(48, BASE64URL) },
  { rule: 'openai-key', kind: 'OpenAI service account key', secret: 'sk-svcacct-' + randomChars(48, BASE64URL) },
  { rule: 'openai-key', kind: 'OpenAI legacy key', secret: 'sk-' + randomChars(20) + 'T3BlbkFJ' + randomChars(20) },
  { rule: 'anthropic-key', kind: 'Anthropic API key', secret: 'sk-ant-api03-' + randomChars(93, BASE64URL) + 'AA' },
  { rule: 'anthropic-key', kind: 'Anthropic admin key', secret: 'sk-ant-admin01-' + randomChars(93, BASE64URL) + 'AA' },
  { rule: 'npm-token', kind: 'npm token', secret: 'npm_' + randomChars(36) },
  { rule: 'pypi-token', kind: 'PyPI token', secret: 'pypi-' + 'AgEIcHlwaS5vcmc' + randomChars(70, BASE64URL) },
]

describe('provider-format credentials', () => {
  it.each(credentials)('redacts a $kind wherever it stands ($rule)', ({ rule, secret }) => {
    for (const [before, after] of [
      ['The leaked key was ', ' — rotate it.'],
      ['const client = new Client("', '")\n'],
      ['{"value": "', '"}'],
      ['', ''],
    ]) {
      const { text, report } = sanitizeText(before + secret + after)
      expect(text).toBe(`${before}[REDACTED:${rule}#1]${after}`)
      expect(report.byRule).toEqual({ [rule]: 1 })
      expect(JSON.stringify(report)).not.toContain(secret)
    }
  })

  it('redacts an AWS secret access key next to its name, in an ini file and in code', () => {
    const key = randomChars(40, BASE64)
    expect(scrub(`[default]\naws_access_key_id = AKIA${'Q7DP4M2ZK3B5N6RW'}\naws_secret_access_key = ${key}\n`)).toBe(
      '[default]\naws_access_key_id = [REDACTED:aws-access-key-id#1]\naws_secret_access_key = [REDACTED:aws-secret-access-key#1]\n',
    )
    expect(scrub(`const creds = { secretAccessKey: '${key}' }`)).toBe("const creds = { secretAccessKey: '[REDACTED:aws-secret-access-key#1]' }")
    expect(scrub(`export AWS_SECRET_ACCESS_KEY=${key}`)).toBe('export AWS_SECRET_ACCESS_KEY=[REDACTED:aws-secret-access-key#1]')
  })

  it('keeps the Slack webhook host readable and drops its path', () => {
    const url = 'https://hooks.slack.com/services/T' + randomChars(8, UPPER_DIGITS) + '/B' + randomChars(10, UPPER_DIGITS) + '/' + randomChars(24)
    expect(scrub(`SLACK_URL=${url}`)).toBe('SLACK_URL=https://hooks.slack.com/services/[REDACTED:slack-webhook#1]')
  })

  it('leaves documented example keys, fixtures and look-alike words alone', () => {
    const untouched = [
      // AWS's documented example pair.
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      // Prefixes inside ordinary words and identifiers.
      'task-sk-list',
      'const risk-assessment-sk-items = []',
      'sk-some-long-kebab-case-identifier-for-a-thing',
      'myghp_' + randomChars(36),
      'AKIA' + randomChars(16, UPPER_DIGITS) + 'MORE',
      // Too short to be the real thing.
      'ghp_' + randomChars(20),
      'npm_' + randomChars(20),
      // Fixtures: one character repeated, x-ed out.
      'ghp_' + '0'.repeat(36),
      'sk-proj-' + 'x'.repeat(48),
      'AIza' + 'X'.repeat(35),
      // Publishable Stripe keys are meant to be public.
      'pk_live_' + randomChars(24),
      // npm's own environment variables share the prefix.
      'npm_package_dependencies_typescript=5.9.0',
      'process.env.npm_lifecycle_event',
    ]
    for (const text of untouched) expect(scrub(text), text).toBe(text)
  })

  it('finds the Anthropic key as one secret, not as an OpenAI key inside it', () => {
    const key = 'sk-ant-api03-' + randomChars(93, BASE64URL) + 'AA'
    expect(sanitizeText(`ANTHROPIC_API_KEY=${key}`).report.byRule).toEqual({ 'anthropic-key': 1 })
  })

  it('counts a credential under its provider even when a keyword rule sees the same value', () => {
    const token = 'ghp_' + randomChars(36, ALNUM)
    expect(sanitizeText(`GITHUB_TOKEN=${token}`)).toMatchObject({ text: 'GITHUB_TOKEN=[REDACTED:github-token#1]', report: { byRule: { 'github-token': 1 } } })
  })
})
