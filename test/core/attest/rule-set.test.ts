import { describe, expect, it } from 'vitest'
import { KEYWORD_RULE_IDS, SANITIZE_RULE_IDS, SANITIZE_RULESET_VERSION } from '../../../src/core/sanitize/rule-set'
import { sanitizeText } from '../../../src/core/sanitize/sanitize-payload'

/** One assignment per keyword family, each with a value that looks generated. */
const KEYWORD_SAMPLES: Readonly<Record<string, string>> = {
  password: 'db_password = "Qz7vLm2Rt5Wx"',
  secret: 'client_secret = "Qz7vLm2Rt5Wx"',
  token: 'refresh_token = "Qz7vLm2Rt5WxK9pB3nHd"',
  'api-key': 'API_KEY=Qz7vLm2Rt5WxK9pB3nHd',
  'access-key': 'access_key = "Qz7vLm2Rt5WxK9pB3nHd"',
  'private-key': 'private_key = "Qz7vLm2Rt5WxK9pB3nHd"',
  auth: 'auth = "Qz7vLm2Rt5WxK9pB3nHd"',
}

describe('the sanitization rule set version', () => {
  it('is 12 hex digits, stable across loads, over sorted unique rule ids', () => {
    expect(SANITIZE_RULESET_VERSION).toMatch(/^[0-9a-f]{12}$/)
    expect([...SANITIZE_RULE_IDS]).toEqual([...new Set(SANITIZE_RULE_IDS)].sort())
    expect(SANITIZE_RULE_IDS).toEqual(expect.arrayContaining(['aws-access-key-id', 'github-token', 'openai-key', 'jwt', 'private-key', 'url-password', 'password', 'token']))
  })

  it('lists the ids the keyword rule really reports', () => {
    expect(Object.keys(KEYWORD_SAMPLES).sort()).toEqual([...KEYWORD_RULE_IDS])
    for (const [id, sample] of Object.entries(KEYWORD_SAMPLES)) {
      expect(sanitizeText(sample).report.byRule, sample).toEqual({ [id]: 1 })
    }
  })
})
