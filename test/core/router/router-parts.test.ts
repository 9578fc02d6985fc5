import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFileArgument, readAskFiles } from '../../../src/core/router/ask-files'
import { userMessage } from '../../../src/core/router/chat-request'
import { guardedFetch, DryRunCapture } from '../../../src/core/router/guarded-fetch'
import { retryAfter, retryDelay } from '../../../src/core/router/retry-policy'
import { EnvFileSecrets, keyFingerprintRule, parseEnvValues } from '../../../src/core/router/user-secrets'
import { fingerprintOf } from '../../../src/core/keys/key-store'
import { sanitizeText } from '../../../src/core/sanitize/sanitize-payload'
import { tempDir } from '../../helpers/temp-dir'

describe('--file arguments', () => {
  it('reads a trailing :A-B or :N as a line range and leaves other colons in the path', () => {
    expect(parseFileArgument('src/a.ts')).toEqual({ path: 'src/a.ts' })
    expect(parseFileArgument('src/a.ts:10-40')).toEqual({ path: 'src/a.ts', startLine: 10, endLine: 40 })
    expect(parseFileArgument('src/a.ts:7')).toEqual({ path: 'src/a.ts', startLine: 7, endLine: 7 })
    expect(parseFileArgument('C:\\work\\a.ts:3-4')).toEqual({ path: 'C:\\work\\a.ts', startLine: 3, endLine: 4 })
    expect(parseFileArgument('odd:name.txt')).toEqual({ path: 'odd:name.txt' })
    expect(() => parseFileArgument('a.ts:9-2')).toThrow(/1 ≤ A ≤ B/)
  })

  it('reads text files relative to the working directory or absolute, and refuses binary, missing and huge ones clearly', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'src'))
    writeFileSync(join(dir, 'src', 'a.ts'), 'one\r\ntwo\nthree\n')
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0x89, 0x50, 0x00, 0x01]))
    writeFileSync(join(dir, 'big.txt'), `${'x'.repeat(99)}\n`.repeat(6 * 1024))
    writeFileSync(join(dir, 'ünïcode ✓.md'), 'héllo\n')
    const [a, b, u] = await readAskFiles([{ path: 'src/a.ts', startLine: 2, endLine: 9 }, { path: join(dir, 'src', 'a.ts') }, { path: 'ünïcode ✓.md' }], dir)
    expect(a).toMatchObject({ path: 'src/a.ts', startLine: 2, endLine: 3, text: 'two\nthree' })
    expect(b).toMatchObject({ path: 'src/a.ts', startLine: 1, endLine: 3, text: 'one\ntwo\nthree' })
    expect(u).toMatchObject({ path: 'ünïcode ✓.md', text: 'héllo' })
    await expect(readAskFiles([{ path: 'blob.bin' }], dir)).rejects.toThrow(/blob.bin is a binary file/)
    await expect(readAskFiles([{ path: 'nope.ts' }], dir)).rejects.toThrow(/Cannot read nope.ts: no such file/)
    await expect(readAskFiles([{ path: 'big.txt' }], dir)).rejects.toThrow(/pass a line range/)
    await expect(readAskFiles([{ path: 'src' }], dir)).rejects.toThrow(/not a file/)
    await expect(readAskFiles([{ path: 'src/a.ts', startLine: 9, endLine: 9 }], dir)).rejects.toThrow(/has 3 lines/)
    expect((await readAskFiles([{ path: 'big.txt', startLine: 11, endLine: 20 }], dir))[0]?.bytes).toBe(999)
    await expect(readAskFiles([{ path: 'big.txt', startLine: 1, endLine: 6000 }], dir)).rejects.toThrow(/pass a shorter range/)
  })

  it('fences file text so backticks inside cannot end the block', () => {
    const message = userMessage('why?', [{ path: 'a.md', startLine: 1, endLine: 1, text: 'a ```` b', bytes: 8 }])
    expect(message).toContain('`````\na ```` b\n`````')
    expect(message.endsWith('Question: why?')).toBe(true)
  })
})

describe('guarded fetch', () => {
  const guard = { origin: 'http://127.0.0.1:9', offline: false, blockedEndpoints: ['files', 'batches', 'fine-tuning'] as const, stripAuthorization: false }

  it('refuses other origins, blocked endpoint families and (offline) remote hosts before connecting', async () => {
    const fetch = guardedFetch({ ...guard, blockedEndpoints: [...guard.blockedEndpoints] })
    await expect(fetch('http://evil.example.com/v1/chat/completions')).rejects.toThrow(/configured for http:\/\/127.0.0.1:9/)
    await expect(fetch('http://127.0.0.1:9/v1/files')).rejects.toThrow(/files endpoints are blocked/)
    await expect(fetch('http://127.0.0.1:9/v1/messages/batches/x')).rejects.toThrow(/batches endpoints are blocked/)
    await expect(fetch('http://127.0.0.1:9/v1/fine_tuning/jobs')).rejects.toThrow(/fine-tuning endpoints are blocked/)
    const offline = guardedFetch({ ...guard, origin: 'https://api.openai.com', offline: true, blockedEndpoints: [] })
    await expect(offline('https://api.openai.com/v1/chat/completions')).rejects.toThrow(/Offline mode/)
  })

  it('captures a dry run without sending, dropping the placeholder credential of a keyless server', async () => {
    const seen: { headers: Record<string, string> }[] = []
    const fetch = guardedFetch({ ...guard, blockedEndpoints: [], stripAuthorization: true, capture: (r) => seen.push(r) })
    await expect(fetch('http://127.0.0.1:9/v1/chat/completions', { method: 'POST', headers: { authorization: 'Bearer x', 'x-a': '1' }, body: '{}' })).rejects.toBeInstanceOf(DryRunCapture)
    expect(seen[0]?.headers).toEqual({ 'x-a': '1' })
  })
})

describe('retries', () => {
  it('honours retry-after-ms, retry-after seconds and dates, and backs off exponentially otherwise', () => {
    expect(retryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250)
    expect(retryAfter(new Headers({ 'retry-after': '2' }))).toBe(2000)
    expect(retryAfter(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6_000)
    expect(retryAfter(new Headers({}))).toBeNull()
    const http = (status: number, retryAfterMs: number | null = null) => ({ kind: 'http' as const, status, retryAfterMs })
    expect(retryDelay(http(429, 1500), 1)).toBe(1500)
    expect(retryDelay(http(429, 120_000), 1)).toBeNull()
    expect(retryDelay(http(400), 1)).toBeNull()
    expect(retryDelay(http(401), 1)).toBeNull()
    expect(retryDelay(http(503), 1, () => 1)).toBe(500)
    expect(retryDelay(http(503), 2, () => 1)).toBe(1000)
    expect(retryDelay(http(503), 2, () => 0)).toBe(750)
    expect(retryDelay({ kind: 'timeout' }, 3)).toBeNull()
    expect(retryDelay({ kind: 'cancelled' }, 1)).toBeNull()
  })
})

describe("the user's own secrets", () => {
  it('finds stored keys by fingerprint without holding them', () => {
    const key = 'sk-live-Tq8Zr2Vn5Lw9MbC3pJh7YdG4'
    const byFingerprint = new Map([[fingerprintOf(key), 'openai']])
    const rule = keyFingerprintRule({ byFingerprint, lengths: new Set([key.length]), prefixes: new Set(['sk-']) })
    const { text, report } = sanitizeText(`a=${key}; b=${key}x; c="${key}"`, { extraRules: [rule] })
    expect(text).toBe(`a=[REDACTED:key:openai#1]; b=${key}x; c="[REDACTED:key:openai#1]"`)
    expect(report.byRule).toEqual({ 'key:openai': 2 })
    // Without known shapes (keys set by an older Coop) every key-shaped run is hashed: same result.
    expect(sanitizeText(`a=${key}; b=${key}x; c="${key}"`, { extraRules: [keyFingerprintRule({ byFingerprint, lengths: null, prefixes: null })] }).text).toBe(text)
  })

  it('reads .env values (quoted, exported, commented) and skips the committed examples', () => {
    expect(parseEnvValues('export A=1\nB="two words" # note\nC=three # c\n# D=no\nE=\nF=\'x#y\'\n')).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: 'two words' },
      { key: 'C', value: 'three' },
      { key: 'F', value: 'x#y' },
    ])
    const repo = tempDir()
    writeFileSync(join(repo, '.env.local'), 'TOKEN=local-secret-value\n')
    writeFileSync(join(repo, '.env.example'), 'TOKEN=example-value-here\n')
    const secrets = new EnvFileSecrets().collect([repo, join(repo, 'missing')])
    expect(secrets).toEqual([{ value: 'local-secret-value', label: 'env:TOKEN' }])
  })
})
