import { describe, expect, it } from 'vitest'
import { sanitizeText } from '../../../src/core/sanitize/sanitize-payload'
import { base64url, BASE64URL, jwt, pem, randomChars } from './fake-secrets'

const scrub = (text: string) => sanitizeText(text).text

describe('JWTs', () => {
  it('redacts a JWT in a header, a cookie and JSON', () => {
    const token = jwt()
    expect(scrub(`Cookie: session=${token}; Path=/`)).toBe('Cookie: session=[REDACTED:jwt#1]; Path=/')
    expect(scrub(`{"id_token":"${token}"}`)).toBe('{"id_token":"[REDACTED:jwt#1]"}')
    expect(scrub(`curl -H "Authorization: Bearer ${token}" https://api.internal`)).toBe('curl -H "Authorization: Bearer [REDACTED:jwt#1]" https://api.internal')
  })

  it('leaves dotted base64 that has no JWT header alone', () => {
    const lookAlike = ['eyJ' + randomChars(20, BASE64URL), randomChars(30, BASE64URL), randomChars(43, BASE64URL)].join('.')
    const notAJwtHeader = [base64url(JSON.stringify({ kind: 'note' })), base64url('{"a":1}'), randomChars(43, BASE64URL)].join('.')
    expect(scrub(lookAlike)).toBe(lookAlike)
    expect(scrub(notAJwtHeader)).toBe(notAJwtHeader)
  })
})

describe('PEM private keys', () => {
  it.each(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'DSA PRIVATE KEY', 'PGP PRIVATE KEY BLOCK'])(
    'redacts a whole %s block',
    (kind) => {
      const block = pem(kind)
      expect(scrub(`key:\n${block}\nafter`)).toBe('key:\n[REDACTED:private-key#1]\nafter')
    },
  )

  it('redacts a key with PEM headers, one pasted into JSON with escaped newlines, and one cut short', () => {
    const withHeaders = pem('RSA PRIVATE KEY', 4, ['Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,' + randomChars(32, '0123456789ABCDEF')])
    expect(scrub(withHeaders)).toBe('[REDACTED:private-key#1]')
    const escaped = JSON.stringify({ private_key: pem('PRIVATE KEY') })
    expect(scrub(escaped)).toBe('{"private_key":"[REDACTED:private-key#1]"}')
    const truncated = pem('OPENSSH PRIVATE KEY', 5).split('\n').slice(0, 4).join('\n')
    expect(scrub(`${truncated}\n(output truncated)`)).toBe('[REDACTED:private-key#1]\n(output truncated)')
  })

  it('leaves public keys, certificates and code that builds PEM text alone', () => {
    const publicKey = pem('PUBLIC KEY')
    const certificate = pem('CERTIFICATE')
    const code = 'const pem = `-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----`'
    const docs = '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----'
    for (const text of [publicKey, certificate, code, docs]) expect(scrub(text)).toBe(text)
  })
})

describe('passwords in URLs', () => {
  it.each([
    ['postgres://app:%s@db.internal:5432/orders', 'postgres'],
    ['postgresql://app:%s@10.0.0.12/orders?sslmode=require', 'postgresql'],
    ['mysql://root:%s@localhost:3306/shop', 'mysql'],
    ['mongodb://svc:%s@mongo-0.mongo:27017/app', 'mongodb'],
    ['mongodb+srv://svc:%s@cluster0.ab1cd.mongodb.net/app', 'mongodb+srv'],
    ['redis://:%s@cache.internal:6379/0', 'redis without a user'],
    ['amqp://worker:%s@rabbit.internal/vhost', 'amqp'],
    ['https://deploy:%s@git.internal/team/repo.git', 'any scheme'],
  ])('keeps %s readable except the password (%s)', (template) => {
    const password = randomChars(18)
    const url = template.replace('%s', password)
    expect(scrub(`DATABASE_URL=${url}`)).toBe(`DATABASE_URL=${template.replace('%s', '[REDACTED:url-password#1]')}`)
  })

  it('redacts short chosen passwords too', () => {
    expect(scrub('postgres://postgres:hunter2@localhost/app')).toBe('postgres://postgres:[REDACTED:url-password#1]@localhost/app')
  })

  it('leaves URLs without a password, placeholders, references and documentation hosts alone', () => {
    const untouched = [
      'https://github.com/org/repo',
      'ssh://git@github.com:22/org/repo.git',
      'http://localhost:8080/path@v2',
      'postgres://user:password@localhost/db',
      'postgres://user:pass@localhost/db',
      'postgres://user:<password>@localhost/db',
      'postgres://user:${DB_PASSWORD}@localhost/db',
      'postgres://user:$DB_PASSWORD@localhost/db',
      'mysql://user:****@host/db',
      'https://abc:xyz123@example.com/',
      'postgres://test:test@localhost/test',
      'postgres://[REDACTED:url-password#1]@host',
    ]
    for (const text of untouched) expect(scrub(text), text).toBe(text)
  })
})

describe('Authorization headers', () => {
  it('redacts the credential of a Bearer or Basic header, whatever its shape', () => {
    const opaque = randomChars(40)
    const basic = Buffer.from('deploy:' + randomChars(12)).toString('base64')
    expect(scrub(`Authorization: Bearer ${opaque}`)).toBe('Authorization: Bearer [REDACTED:authorization-header#1]')
    expect(scrub(`headers = {"Authorization": "Basic ${basic}"}`)).toBe('headers = {"Authorization": "Basic [REDACTED:authorization-header#1]"}')
  })

  it('leaves headers built from variables alone', () => {
    for (const text of ['headers.Authorization = `Bearer ${options.token}`', '"Authorization": "Bearer " + token', 'Authorization: Bearer <token>']) {
      expect(scrub(text), text).toBe(text)
    }
  })
})
