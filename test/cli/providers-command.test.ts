import { describe, expect, it } from 'vitest'
import { runCoop } from '../helpers/run-coop'
import { tempDir } from '../helpers/temp-dir'

/** Runs `coop` in-process with captured output. */
function coop(args: string[]) {
  return runCoop(args)
}

describe('coop providers', () => {
  it('adds providers, lists them as a table and as JSON, disables, enables and removes them', async () => {
    const dataDir = tempDir()
    const run = (...args: string[]) => coop(['--data-dir', dataDir, 'providers', ...args])

    expect(await run('list')).toEqual({ code: 0, stdout: 'No providers. Add one with: coop providers add <id> --kind <kind>\n', stderr: '' })
    const openai = await run('add', 'openai', '--kind', 'openai', '--model', 'gpt-4.1', '--model', 'gpt-4.1-mini')
    expect(openai).toEqual({ code: 0, stdout: 'Added provider openai (openai, https://api.openai.com/v1, remote)\n', stderr: '' })
    const ollama = await run('add', 'ollama', '--kind', 'openai-compatible', '--base-url', 'http://localhost:11434/v1', '--model', 'llama3.1:8b', '--timeout-ms', '300000', '--json')
    expect(ollama.code).toBe(0)
    expect(JSON.parse(ollama.stdout)).toEqual({
      id: 'ollama',
      kind: 'openai-compatible',
      baseUrl: 'http://localhost:11434/v1',
      baseUrlOverridden: true,
      local: true,
      enabled: true,
      timeoutMs: 300000,
      models: [{ model: 'llama3.1:8b', contextWindow: null, inputPrice: null, outputPrice: null }],
    })

    expect((await run('disable', 'openai')).stdout).toBe('Disabled provider openai\n')
    const table = await run('list')
    expect(table.stdout.split('\n')).toEqual([
      'ID      KIND               BASE URL                   LOCAL  ENABLED  RETENTION  KEY  MODELS                 STATUS',
      'ollama  openai-compatible  http://localhost:11434/v1  yes    yes      local      -    llama3.1:8b            ok',
      'openai  openai             https://api.openai.com/v1  no     no       flag       -    gpt-4.1, gpt-4.1-mini  disabled',
      '',
    ])
    const listed = JSON.parse((await run('list', '--json')).stdout) as { id: string; enabled: boolean }[]
    expect(listed.map((p) => [p.id, p.enabled])).toEqual([
      ['ollama', true],
      ['openai', false],
    ])

    const enabled = await run('enable', 'openai', '--json')
    expect(JSON.parse(enabled.stdout)).toMatchObject({ id: 'openai', enabled: true })
    expect((await run('remove', 'ollama')).stdout).toBe('Removed provider ollama\n')
    expect(JSON.parse((await run('remove', 'openai', '--json')).stdout)).toEqual({ id: 'openai', removed: true })
    expect(JSON.parse((await run('list', '--json')).stdout)).toEqual([])
  })

  it('treats a bad kind, a missing or bad base URL and a bad id as usage mistakes', async () => {
    const dataDir = tempDir()
    const run = (...args: string[]) => coop(['--data-dir', dataDir, 'providers', ...args])

    const kind = await run('add', 'x', '--kind', 'mistral')
    expect(kind).toEqual({ code: 2, stdout: '', stderr: 'coop: A provider kind is one of anthropic, openai, gemini, openai-compatible, deepseek\n' })
    expect((await run('add', 'x')).code).toBe(2)
    const noUrl = await run('add', 'lmstudio', '--kind', 'openai-compatible')
    expect(noUrl.code).toBe(2)
    expect(noUrl.stderr).toBe('coop: A provider of kind openai-compatible needs --base-url (like http://localhost:11434/v1 for Ollama)\n')

    const secret = await run('add', 'vllm', '--kind', 'openai-compatible', '--base-url', 'https://ops:s3cr3t-pass@gpu.example.com/v1', '--json')
    expect(secret.code).toBe(2)
    expect(JSON.parse(secret.stdout)).toEqual({ error: { code: 'invalid_input', message: 'The base URL must not contain a user name or password (user:password@host)' } })
    expect(secret.stdout + secret.stderr).not.toContain('s3cr3t')
    const ftp = await run('add', 'vllm', '--kind', 'openai-compatible', '--base-url', 'ftp://gpu.example.com/')
    expect(ftp).toMatchObject({ code: 2, stderr: 'coop: The base URL must start with http:// or https://\n' })
    expect((await run('add', 'vllm', '--kind', 'openai', '--timeout-ms', 'soon')).code).toBe(2)
    expect((await run('add', 'Not An Id', '--kind', 'openai')).stderr).toMatch(/^coop: A provider id is/)
    expect(JSON.parse((await run('list', '--json')).stdout)).toEqual([])
  })

  it('reports a duplicate id and unknown ids', async () => {
    const dataDir = tempDir()
    const run = (...args: string[]) => coop(['--data-dir', dataDir, 'providers', ...args])
    await run('add', 'anthropic', '--kind', 'anthropic')
    const again = await run('add', 'anthropic', '--kind', 'anthropic')
    expect(again).toEqual({ code: 1, stdout: '', stderr: 'coop: There is already a provider anthropic: pick another id, or remove that one first\n' })
    expect(await run('disable', 'nobody')).toEqual({ code: 1, stdout: '', stderr: 'coop: No provider nobody: list them with coop providers list\n' })
    expect(await run('enable', 'nobody')).toMatchObject({ code: 1 })
    const removed = await run('remove', 'nobody', '--json')
    expect(removed.code).toBe(1)
    expect(JSON.parse(removed.stdout)).toEqual({ error: { code: 'not_found', message: 'No provider nobody: list them with coop providers list' } })
  })
})
