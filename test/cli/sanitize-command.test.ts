import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCoop } from '../helpers/run-coop'
import { tempDir } from '../helpers/temp-dir'
import { randomChars } from '../core/sanitize/fake-secrets'

/** Runs `coop` in-process with captured output and, when given, text on stdin. */
function coop(args: string[], options: { cwd?: string; stdin?: string | Buffer } = {}) {
  return runCoop(args, options)
}

const token = 'ghp_' + randomChars(36)
const envFile = `# local settings\nDB_HOST=localhost\nDB_PASSWORD=${randomChars(14)}\nGITHUB_TOKEN=${token}\nMIRROR_TOKEN=${token}\n`
const scrubbed = '# local settings\nDB_HOST=localhost\nDB_PASSWORD=[REDACTED:password#1]\nGITHUB_TOKEN=[REDACTED:github-token#1]\nMIRROR_TOKEN=[REDACTED:github-token#1]\n'

describe('coop sanitize', () => {
  it('prints a file with its secrets redacted, and the counts on stderr', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, '.env'), envFile)
    const { code, stdout, stderr } = await coop(['sanitize', '.env'], { cwd: dir })
    expect(code).toBe(0)
    expect(stdout).toBe(scrubbed)
    expect(stderr).toBe('3 redactions (github-token 2, password 1)\n')
  })

  it('reads stdin with - or no file at all', async () => {
    for (const args of [['sanitize', '-'], ['sanitize']]) {
      const { code, stdout } = await coop(args, { stdin: envFile })
      expect(code).toBe(0)
      expect(stdout).toBe(scrubbed)
    }
  })

  it('prints text and report as JSON with --json, and the secret nowhere', async () => {
    const { code, stdout, stderr } = await coop(['sanitize', '-', '--json'], { stdin: envFile })
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(JSON.parse(stdout)).toEqual({ text: scrubbed, report: { redactions: 3, byRule: { 'github-token': 2, password: 1 } } })
    expect(stdout).not.toContain(token)
  })

  it('passes text without secrets through byte for byte', async () => {
    const text = '\uFEFFconst maxTokens = 4096 // no trailing newline'
    const { stdout, stderr } = await coop(['sanitize'], { stdin: text })
    expect(stdout).toBe(text)
    expect(stderr).toBe('No secrets found\n')
  })

  it('fails with one clear line for a missing file, a folder, binary and non-UTF-8 input', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))

    const missing = await coop(['sanitize', 'nope.env', '--json'], { cwd: dir })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe('coop: No such file: nope.env\n')
    expect(JSON.parse(missing.stdout)).toEqual({ error: { code: 'not_found', message: 'No such file: nope.env' } })

    const folder = await coop(['sanitize', dir])
    expect(folder).toMatchObject({ code: 1, stderr: `coop: ${dir} is a folder; coop sanitize reads one file\n` })

    const binary = await coop(['sanitize', 'image.png'], { cwd: dir })
    expect(binary).toMatchObject({ code: 1, stdout: '', stderr: 'coop: image.png looks binary (it contains NUL bytes); coop sanitize reads text\n' })

    const piped = await coop(['sanitize', '-'], { stdin: Buffer.from([0x41, 0x00, 0x42]) })
    expect(piped).toMatchObject({ code: 1, stderr: 'coop: stdin looks binary (it contains NUL bytes); coop sanitize reads text\n' })

    const latin1 = await coop(['sanitize', 'latin1.txt'], { cwd: dir })
    expect(latin1).toMatchObject({ code: 1, stderr: 'coop: latin1.txt is not UTF-8 text; coop sanitize reads UTF-8\n' })
  })

  it('exits 2 for usage mistakes and says in its help that it does not read the keychain', async () => {
    expect((await coop(['sanitize', 'a', 'b'])).code).toBe(2)
    expect((await coop(['sanitize', '--nope'])).code).toBe(2)
    const help = await coop(['sanitize', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('This command does not read the keychain.')
  })
})
