import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sanitizeLlmRequestPayload, sanitizeText } from '../../../src/core/sanitize/sanitize-payload'
import { BASE64, jwt, pem, randomChars, UPPER_DIGITS } from './fake-secrets'

const ROOT = resolve(import.meta.dirname, '../../..')

function filesUnder(dir: string, extensions: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path, extensions) : extensions.test(name) ? [path] : []
  })
}

const github = () => 'ghp_' + randomChars(36)

describe('placeholders', () => {
  it('numbers distinct secrets per rule and gives a repeated secret the same number', () => {
    const [a, b] = [github(), github()]
    const key = 'AKIA' + randomChars(16, UPPER_DIGITS)
    const { text, report } = sanitizeText(`first ${a}, second ${b}, first again ${a}, aws ${key}`)
    expect(text).toBe('first [REDACTED:github-token#1], second [REDACTED:github-token#2], first again [REDACTED:github-token#1], aws [REDACTED:aws-access-key-id#1]')
    expect(report).toEqual({ redactions: 4, byRule: { 'aws-access-key-id': 1, 'github-token': 3 }, skippedShortKnownSecrets: 0 })
  })

  it('starts numbering again at 1 in the next call', () => {
    const [a, b] = [github(), github()]
    expect(sanitizeText(a).text).toBe('[REDACTED:github-token#1]')
    expect(sanitizeText(b).text).toBe('[REDACTED:github-token#1]')
  })

  it('is idempotent: sanitized text comes back unchanged, and new secrets next to old placeholders get new numbers', () => {
    const mixed = [
      `GITHUB_TOKEN=${github()}`,
      `password = "hunter2"`,
      `postgres://app:${randomChars(16)}@db/orders`,
      `Authorization: Bearer ${jwt()}`,
      pem('RSA PRIVATE KEY'),
      `{"apiKey": "${'sk-proj-' + randomChars(40)}"}`,
      `aws_secret_access_key = ${randomChars(40, BASE64)}`,
    ].join('\n')
    const once = sanitizeText(mixed)
    expect(once.report.redactions).toBe(7)
    const twice = sanitizeText(once.text)
    expect(twice.text).toBe(once.text)
    expect(twice.report.redactions).toBe(0)

    const extended = `${once.text}\nnew one: ${github()}`
    expect(sanitizeText(extended).text).toBe(`${once.text}\nnew one: [REDACTED:github-token#2]`)
  })

  it('never nests placeholders where finds overlap; the longer, more specific find names the span', () => {
    const token = github()
    // The GitHub token is also the password of the URL and the value of a token assignment: one span, one placeholder.
    const { text, report } = sanitizeText(`GIT_TOKEN=https://x-access-token:${token}@github.com/org/repo.git\nclone_token: "${token}"`)
    expect(text).toBe('GIT_TOKEN=https://x-access-token:[REDACTED:github-token#1]@github.com/org/repo.git\nclone_token: "[REDACTED:github-token#1]"')
    expect(report.byRule).toEqual({ 'github-token': 2 })
    expect(text.match(/\[REDACTED:/g)).toHaveLength(2)
  })

  it('lets a longer find win over a more specific one inside it', () => {
    const { text, report } = sanitizeText(`password = "x1-${github()}"`)
    expect(text).toBe('password = "[REDACTED:password#1]"')
    expect(report.byRule).toEqual({ password: 1 })
  })

  it('covers every part of finds that overlap only in part, so no piece of a secret is left', () => {
    const token = github()
    const straddling = token.slice(-6) + ' and-then-some'
    const { text, report } = sanitizeText(`${token} and-then-some more`, { knownSecrets: [{ value: straddling, label: 'env:ODD' }] })
    expect(text).toBe('[REDACTED:github-token#1] more')
    expect(report.byRule).toEqual({ 'github-token': 1 })
  })

  it('never rewrites an existing placeholder, even when a known secret matches text inside it', () => {
    const text = 'was [REDACTED:github-token#1] before'
    expect(sanitizeText(text, { knownSecrets: [{ value: 'github-token', label: 'env:ODD' }] }).text).toBe(text)
  })

  it('leaves inline base64 (a data: URL) alone even where a run of it looks like a key', () => {
    const data = randomChars(200, BASE64) + '/AKIA' + randomChars(16, UPPER_DIGITS) + '/' + randomChars(200, BASE64)
    const markdown = `![chart](data:image/png;base64,${data})`
    expect(sanitizeText(markdown).text).toBe(markdown)
    expect(sanitizeText(`bare ${data}`).report.byRule).toEqual({ 'aws-access-key-id': 1 })
  })

  it('never puts secret text in the report', () => {
    const secrets = [github(), 'hunter2', randomChars(20), jwt()]
    const known = randomChars(24)
    const { report } = sanitizeText(
      `a ${secrets[0]}\npassword: ${secrets[1]}\npostgres://u:${secrets[2]}@h/db\nid_token=${secrets[3]}\nmine ${known}`,
      { knownSecrets: [{ value: known, label: 'keychain:openai' }, { value: 'short', label: 'env:PIN' }] },
    )
    expect(report.redactions).toBe(5)
    const json = JSON.stringify(report)
    for (const secret of [...secrets, known, 'short']) expect(json).not.toContain(secret)
  })
})

describe('known secrets', () => {
  it('redacts the user’s own secrets verbatim, inside longer strings too, under their label', () => {
    const openai = 'my-' + randomChars(30)
    const dbUrl = 'svc:' + randomChars(14)
    const { text, report } = sanitizeText(`key=${openai}; see https://x/?k=${openai}&v=1 and prefix${dbUrl}suffix`, {
      knownSecrets: [
        { value: openai, label: 'keychain:openai' },
        { value: dbUrl, label: 'env:DATABASE_URL' },
      ],
    })
    expect(text).toBe('key=[REDACTED:keychain:openai#1]; see https://x/?k=[REDACTED:keychain:openai#1]&v=1 and prefix[REDACTED:env:DATABASE_URL#1]suffix')
    expect(report.byRule).toEqual({ 'env:DATABASE_URL': 1, 'keychain:openai': 2 })
  })

  it('skips known secrets shorter than 8 characters and counts them', () => {
    const { text, report } = sanitizeText('pin 1234 and code abc', {
      knownSecrets: [
        { value: '1234', label: 'env:PIN' },
        { value: 'abc', label: 'env:CODE' },
      ],
    })
    expect(text).toBe('pin 1234 and code abc')
    expect(report).toEqual({ redactions: 0, byRule: {}, skippedShortKnownSecrets: 2 })
  })

  it('wins over a built-in rule that finds the same span', () => {
    const key = 'sk-proj-' + randomChars(40)
    expect(sanitizeText(`OPENAI_API_KEY=${key}`, { knownSecrets: [{ value: key, label: 'keychain:openai' }] }).text).toBe(
      'OPENAI_API_KEY=[REDACTED:keychain:openai#1]',
    )
  })
})

describe('sanitizeLlmRequestPayload', () => {
  it('scrubs every string value of a request, numbering across messages, without touching keys or the input', () => {
    const token = github()
    const password = randomChars(16)
    // Base64 image data in which one run happens to have an AWS key id's shape.
    const image = randomChars(3000, BASE64) + '/AKIA' + randomChars(16, UPPER_DIGITS) + '/' + randomChars(100, BASE64)
    const request = {
      model: 'claude-sonnet',
      max_tokens: 1024,
      system: `You may use ${token} for the API.`,
      messages: [
        { role: 'user', content: [{ type: 'text', text: `Why does DB_PASSWORD=${password} fail?` }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: image } }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'tu_1', name: 'run', input: { command: `mysql -u bot --password=${password}`, env: { GITHUB_TOKEN: token } } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'tu_1', content: [{ type: 'text', text: `pushed with ${token}` }] }] },
      ],
      temperature: 0.2,
      stream: false,
      metadata: null,
    }
    const before = structuredClone(request)
    const { payload, report } = sanitizeLlmRequestPayload(request)

    expect(request).toEqual(before)
    expect(payload).toEqual({
      ...before,
      system: 'You may use [REDACTED:github-token#1] for the API.',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Why does DB_PASSWORD=[REDACTED:password#1] fail?' }, before.messages[0]?.content[1]] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'tu_1', name: 'run', input: { command: 'mysql -u bot --password=[REDACTED:password#1]', env: { GITHUB_TOKEN: '[REDACTED:github-token#1]' } } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'tu_1', content: [{ type: 'text', text: 'pushed with [REDACTED:github-token#1]' }] }] },
      ],
    })
    expect(report).toEqual({ redactions: 5, byRule: { 'github-token': 3, password: 2 }, skippedShortKnownSecrets: 0 })
    expect(JSON.stringify(report)).not.toContain(token)
  })

  it('keeps a `__proto__` key of parsed JSON as a key', () => {
    const parsed: unknown = JSON.parse(`{"__proto__": {"token": "${'ghp_' + randomChars(36)}"}}`)
    const { payload } = sanitizeLlmRequestPayload(parsed)
    expect(Object.keys(payload as object)).toEqual(['__proto__'])
    expect(JSON.stringify(payload)).toBe('{"__proto__":{"token":"[REDACTED:github-token#1]"}}')
  })

  it('continues numbering after placeholders from an earlier pass anywhere in the payload', () => {
    const first = sanitizeLlmRequestPayload({ messages: [{ role: 'user', content: github() }] }).payload
    const { payload } = sanitizeLlmRequestPayload({ messages: [{ role: 'user', content: github() }, ...first.messages] })
    expect(payload.messages.map((m) => m.content)).toEqual(['[REDACTED:github-token#2]', '[REDACTED:github-token#1]'])
  })
})

describe('ordinary code', () => {
  const sources = filesUnder(join(ROOT, 'src'), /\.(ts|tsx|css|html)$/)

  it('comes back byte-identical: every source file of this repository', () => {
    expect(sources.length).toBeGreaterThan(100)
    const changed = sources.filter((path) => {
      const text = readFileSync(path, 'utf8')
      return sanitizeText(text).text !== text
    })
    expect(changed).toEqual([])
  })

  it('comes back byte-identical: the README, the TypeScript compiler and its type definitions', () => {
    const files = [join(ROOT, 'README.md'), ...filesUnder(join(ROOT, 'node_modules/typescript/lib'), /^(typescript\.js|lib\..*\.d\.ts)$/)]
    for (const path of files) {
      const text = readFileSync(path, 'utf8')
      expect(sanitizeText(text).report.byRule, path).toEqual({})
    }
  })

  it('is fast (prints throughput over this repository’s sources and the TypeScript compiler)', () => {
    const files = [...sources.filter((path) => path.endsWith('.ts')), ...filesUnder(join(ROOT, 'node_modules/typescript/lib'), /\.js$/)]
    const text = files.map((path) => readFileSync(path, 'utf8')).join('\n')
    const megabytes = Buffer.byteLength(text) / 1e6
    sanitizeText(text.slice(0, 1e6)) // warm up
    const started = performance.now()
    const { report } = sanitizeText(text)
    const seconds = (performance.now() - started) / 1000
    console.log(`sanitizeText: ${megabytes.toFixed(1)} MB in ${seconds.toFixed(2)} s = ${(megabytes / seconds).toFixed(0)} MB/s (${report.redactions} redactions)`)
    expect(report.redactions).toBe(0)
  })
})
