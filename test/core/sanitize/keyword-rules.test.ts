import { describe, expect, it } from 'vitest'
import { sanitizeText } from '../../../src/core/sanitize/sanitize-payload'
import { randomChars } from './fake-secrets'

const scrub = (text: string) => sanitizeText(text).text

describe('secrets assigned to a secret-sounding name', () => {
  const generated = randomChars(32)

  it.each([
    ['Python', 'password = "%s"', 'password'],
    ['Python with a type', 'db_password: str = "%s"', 'password'],
    ['JavaScript', "const dbPassword = '%s'", 'password'],
    ['an object key', "connect({ host, passwd: '%s' })", 'password'],
    ['JSON', '{"clientSecret": "%s"}', 'secret'],
    ['JSON with a space before the colon', '{ "password" : "%s" }', 'password'],
    ['Go', 'authToken := "%s"', 'token'],
    ['Ruby', ':api_key => "%s"', 'api-key'],
    ['PHP', "$config['private_key'] = '%s';", 'private-key'],
    ['an index', 'settings["SECRET_KEY"] = "%s"', 'secret'],
    ['.env', 'DB_PASSWORD=%s', 'password'],
    ['.env, quoted', 'API_KEY="%s"', 'api-key'],
    ['shell export', 'export ACCESS_KEY=%s', 'access-key'],
    ['Dockerfile', 'ENV APP_SECRET=%s', 'secret'],
    ['docker compose', '      - POSTGRES_PASSWORD=%s', 'password'],
    ['.properties', 'spring.datasource.password=%s', 'password'],
    ['.npmrc', '//registry.example.org/:_authToken=%s', 'token'],
    ['YAML', 'database:\n  password: %s\n', 'password'],
    ['a YAML list', 'users:\n  - name: ci\n  - password: %s\n', 'password'],
    ['YAML with a comment', 'slack:\n  bot-token: %s  # rotated monthly\n', 'token'],
    ['a query string', 'GET /export?format=csv&access_token=%s HTTP/1.1', 'token'],
    ['a command-line flag', 'mysql --user=app --password=%s shop', 'password'],
    ['a command', 'docker run -e API_KEY=%s app', 'api-key'],
    ['a sentence', 'Why does DB_PASSWORD=%s fail?', 'password'],
    ['a log line', 'ERROR login failed user=bob password=%s ip=10.0.0.1', 'password'],
    ['a header written as one string', "curl -H 'X-Api-Key: %s' https://api.internal", 'api-key'],
    ['kebab-case', 'x-auth-token: %s', 'token'],
    ['basic auth', "basic_auth = '%s'", 'auth'],
  ])('in %s', (_, template, rule) => {
    const { text, report } = sanitizeText(template.replace('%s', generated))
    expect(text).toBe(template.replace('%s', `[REDACTED:${rule}#1]`))
    expect(report.byRule).toEqual({ [rule]: 1 })
  })

  it('counts short chosen passwords and secrets, not only random-looking ones', () => {
    expect(scrub('password = "hunter2"')).toBe('password = "[REDACTED:password#1]"')
    expect(scrub('PASSWORD=hunter2')).toBe('PASSWORD=[REDACTED:password#1]')
    expect(scrub("client_secret: 'pa$$w0rd!'")).toBe("client_secret: '[REDACTED:secret#1]'")
    expect(scrub('smtp:\n  pass: Tr0ub4dor&3\n')).toBe('smtp:\n  pass: [REDACTED:password#1]\n')
  })

  it('needs tokens and keys to look generated: a word is a setting, not a credential', () => {
    expect(scrub("token_type: 'refresh_token'")).toBe("token_type: 'refresh_token'")
    expect(scrub("GRANT_TYPE_TOKEN = 'refresh_token'")).toBe("GRANT_TYPE_TOKEN = 'refresh_token'")
    expect(scrub('auth: oauth2')).toBe('auth: oauth2')
    expect(scrub("token = 'abc'")).toBe("token = 'abc'")
  })

  it('leaves names that only contain a keyword alone', () => {
    const untouched = [
      'max_tokens: 4096',
      'max_tokens = 1024',
      'tokens_used: 12',
      "tokenizer = 'cl100k_base'",
      "apiKeyHeader: 'x-api-key-v2-Q8rT'",
      "passwordField: 'hunter2'",
      'PASSWORD_MIN_LENGTH = 8',
      "secretName: 'app-credentials-7'",
      "const author = 'Ada Lovelace'",
      "oauth = 'x8Kp2mQ4vR7tY1wZ'",
      "bypass = 'x8Kp2mQ4vR7tY1wZ'",
      'password.length = 12',
      // A lookup table whose keys end in a keyword and whose values are identifiers.
      "const aliases = { 'anyPass': 'overSome', 'authToken': 'bearerCredential' }",
    ]
    for (const text of untouched) expect(scrub(text), text).toBe(text)
  })

  it('leaves expressions, references and empty values alone', () => {
    const untouched = [
      'token: hashedToken',
      '  token: hashedToken',
      '{ token: hashedToken }',
      'const password = await prompt()',
      'password = getPassword()',
      'secret: process.env.SECRET',
      "apiKey: process.env['OPENAI_API_KEY'], // the default",
      'token: options?.token',
      'password: ${DB_PASSWORD}',
      'PASSWORD=$DB_PASSWORD',
      'PASSWORD=${DB_PASSWORD}',
      'token: ${{ secrets.GITHUB_TOKEN }}',
      'password = "{{ vault_password }}"',
      'password = ""',
      'API_KEY=',
      'password = f"{prefix}-{suffix}"',
      'const url = `?token=${encodeURIComponent(token)}`',
      '    password=db_password,',
      'connect(password=pw)',
      'env = dict(PASSWORD=pw)',
      'let password=input;',
      "secret: 'AKIA' + randomChars(16),",
      "const password = 'x'.repeat(36)",
      'password = "%s" % get_password()',
      'cursor.execute("UPDATE users SET x = 1 WHERE password = ?", (password,))',
      'def login(user, password=None):',
      'readonly password: string',
      'token?: string',
      'if password == "hunter2":',
      "throw new Error('Invalid token: \"' + token + '\"')",
      'label = "Enter your password"',
      '"password": "Password"',
      "expect(url).toMatch(/\\?token=[A-Za-z0-9_-]{20,}$/)",
      'in one pass: `git log --numstat`, best of two',
      "user_pass = '%s:%s' % (unquote(user), unquote(password))",
      'raise TypeError("pwd: expected bytes, got %s" % type(pwd).__name__)',
      '"passwd:dir",',
      'password = ":****"',
      '    Pass :meth:`peek` a default value to return',
      '               resource_owner_secret: str):',
    ]
    for (const text of untouched) expect(scrub(text), text).toBe(text)
  })

  it('leaves placeholders and obvious test fixtures alone', () => {
    const values = [
      'changeme', 'xxx', 'XXXXXXXX', '<password>', 'your-api-key-here', 'YOUR_API_KEY', '***', '********', 'REDACTED', 'example',
      'dummy', 'test', 'fake', 'placeholder', 'null', 'none', 'None', 'true', 'false', 'aaaaaaaa', '12345678', 'test-key-8f2Kq',
      'fake_9Lm2xQ7v', 'my-dummy-secret', 'example123', 'mock-token', 'passphrase1', 'string',
    ]
    for (const value of values) {
      for (const text of [`password = "${value}"`, `API_KEY=${value}`, `secret: '${value}'`]) expect(scrub(text), text).toBe(text)
    }
  })
})
