import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import { openCore } from '../../../src/core/create-core'
import { tempDir } from '../../helpers/temp-dir'

const cores: Core[] = []

function open(dataDir = tempDir()): Core {
  const core = openCore({ dataDir, version: '0.0.0-test', env: {} })
  cores.push(core)
  return core
}

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

describe('providers', () => {
  it('adds, lists, disables, enables and removes providers; the configuration survives a restart', async () => {
    const dataDir = tempDir()
    const core = open(dataDir)
    const openai = core.providers.add({ id: 'openai', kind: 'openai', models: ['gpt-4.1-mini', 'gpt-4.1'] })
    expect(openai).toEqual({
      id: 'openai',
      kind: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      baseUrlOverridden: false,
      local: false,
      enabled: true,
      timeoutMs: 60000,
      models: [
        { model: 'gpt-4.1', contextWindow: null, inputPrice: null, outputPrice: null },
        { model: 'gpt-4.1-mini', contextWindow: null, inputPrice: null, outputPrice: null },
      ],
    })
    const ollama = core.providers.add({ id: 'ollama', kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', timeoutMs: 300000 })
    expect(ollama).toMatchObject({ baseUrl: 'http://localhost:11434/v1', baseUrlOverridden: true, local: true, timeoutMs: 300000, models: [] })
    expect(core.providers.list().map((p) => p.id)).toEqual(['ollama', 'openai'])

    expect(core.providers.setEnabled('openai', false).enabled).toBe(false)
    expect(core.providers.get('openai')?.enabled).toBe(false)
    await core.close()

    const again = open(dataDir)
    expect(again.providers.list()).toEqual([ollama, { ...openai, enabled: false }])
    expect(again.providers.setEnabled('openai', true).enabled).toBe(true)
    expect(again.providers.remove('ollama')).toBe(true)
    expect(again.providers.remove('ollama')).toBe(false)
    expect(again.providers.get('ollama')).toBeNull()
    expect(again.providers.list().map((p) => p.id)).toEqual(['openai'])
  })

  it('uses each kind’s public API unless a base URL is given; openai-compatible needs one', () => {
    const core = open()
    const defaults = {
      anthropic: 'https://api.anthropic.com',
      openai: 'https://api.openai.com/v1',
      gemini: 'https://generativelanguage.googleapis.com/v1beta/openai/',
      deepseek: 'https://api.deepseek.com',
    }
    for (const [kind, url] of Object.entries(defaults)) {
      expect(core.providers.add({ id: kind, kind })).toMatchObject({ kind, baseUrl: url, baseUrlOverridden: false, local: false })
    }
    expect(() => core.providers.add({ id: 'vllm', kind: 'openai-compatible' })).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringMatching(/needs a base URL/) }))
    expect(() => core.providers.add({ id: 'x', kind: 'mistral' })).toThrow(
      expect.objectContaining({ code: 'invalid_input', message: 'A provider kind is one of anthropic, openai, gemini, openai-compatible, deepseek' }),
    )
    // A hosted kind behind a gateway: the override is kept, and it is still a remote provider.
    const proxied = core.providers.add({ id: 'gateway', kind: 'anthropic', baseUrl: 'http://127.0.0.1:8080/anthropic' })
    expect(proxied).toMatchObject({ baseUrl: 'http://127.0.0.1:8080/anthropic', baseUrlOverridden: true, local: false })
  })

  it('calls an openai-compatible server local when it is on this machine or a private network', () => {
    const core = open()
    const cases: [string, boolean][] = [
      ['http://127.0.0.1:8080/v1', true],
      ['http://localhost:11434/v1', true],
      ['http://LocalHost:1234/v1', true],
      ['http://[::1]:8000/v1', true],
      ['http://10.1.2.3:8000/v1', true],
      ['http://172.20.0.5/v1', true],
      ['http://192.168.1.20:1234/v1', true],
      ['http://[fd12:3456::1]/v1', true],
      ['http://[::ffff:192.168.0.9]/v1', true],
      ['https://llm.example.com/v1', false],
      ['http://8.8.8.8/v1', false],
      ['http://172.32.0.1/v1', false],
      ['http://my-gpu-box/v1', false],
    ]
    cases.forEach(([baseUrl, local], i) => {
      expect(core.providers.add({ id: `server-${i}`, kind: 'openai-compatible', baseUrl }).local, baseUrl).toBe(local)
    })
  })

  it('refuses base URLs with credentials, a query or another scheme, without repeating them', () => {
    const core = open()
    const attempt = (baseUrl: string) => {
      try {
        core.providers.add({ id: 'bad', kind: 'openai-compatible', baseUrl })
      } catch (error) {
        return error as { code: string; message: string }
      }
      throw new Error(`accepted ${baseUrl}`)
    }
    const withPassword = attempt('https://admin:hunter2-secret@llm.example.com/v1')
    expect(withPassword.code).toBe('invalid_input')
    expect(withPassword.message).toMatch(/must not contain a user name or password/)
    expect(withPassword.message).not.toMatch(/hunter2|admin|example/)
    expect(attempt('https://token-only@llm.example.com/v1').message).not.toMatch(/token-only/)
    expect(attempt('ftp://files.example.com/').message).toBe('The base URL must start with http:// or https://')
    expect(attempt('sk-live-abc:123').message).not.toMatch(/sk-live/)
    const query = attempt('https://llm.example.com/v1?key=AIzaSecret')
    expect(query.message).toMatch(/query/)
    expect(query.message).not.toMatch(/AIzaSecret/)
    expect(attempt('https://llm.example.com/v1#frag').message).toMatch(/fragment/)
    expect(attempt('not a url').message).toMatch(/not a valid URL/)
    expect(core.providers.list()).toEqual([])
    // Normalised: lower-case host, no trailing slash after a bare host.
    expect(core.providers.add({ id: 'ok', kind: 'openai-compatible', baseUrl: ' HTTP://LocalHost:11434/ ' }).baseUrl).toBe('http://localhost:11434')
  })

  it('refuses a second provider with the same id and reports unknown ids', () => {
    const core = open()
    core.providers.add({ id: 'openai', kind: 'openai' })
    expect(() => core.providers.add({ id: 'openai', kind: 'deepseek' })).toThrow(
      expect.objectContaining({ code: 'invalid_input', message: 'There is already a provider openai: pick another id, or remove that one first' }),
    )
    expect(core.providers.get('openai')?.kind).toBe('openai')
    expect(() => core.providers.setEnabled('nobody', false)).toThrow(expect.objectContaining({ code: 'not_found', message: 'No provider nobody' }))
    expect(() => core.providers.addModel('nobody', { model: 'm' })).toThrow(expect.objectContaining({ code: 'not_found' }))
    expect(core.providers.remove('nobody')).toBe(false)
    expect(core.providers.get('nobody')).toBeNull()
    expect(() => core.providers.add({ id: 'Bad Id', kind: 'openai' })).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringMatching(/^A provider id is/) }))
    expect(() => core.providers.add({ id: 'slow', kind: 'openai', timeoutMs: 0 })).toThrow(expect.objectContaining({ code: 'invalid_input' }))
    expect(() => core.providers.add({ id: 'slow', kind: 'openai', timeoutMs: 1.5 })).toThrow(expect.objectContaining({ code: 'invalid_input' }))
  })

  it('keeps each model’s context window and prices, replaces them on a second add, and drops them with the provider', () => {
    const core = open()
    core.providers.add({ id: 'deepseek', kind: 'deepseek', models: [{ model: 'deepseek-chat', contextWindow: 64000, inputPrice: 0.27, outputPrice: 1.1 }] })
    core.providers.addModel('deepseek', { model: 'deepseek-reasoner', contextWindow: 64000, inputPrice: 0.55, outputPrice: 2.19 })
    expect(core.providers.get('deepseek')?.models).toEqual([
      { model: 'deepseek-chat', contextWindow: 64000, inputPrice: 0.27, outputPrice: 1.1 },
      { model: 'deepseek-reasoner', contextWindow: 64000, inputPrice: 0.55, outputPrice: 2.19 },
    ])
    const updated = core.providers.addModel('deepseek', { model: 'deepseek-chat', contextWindow: 128000 })
    expect(updated.models[0]).toEqual({ model: 'deepseek-chat', contextWindow: 128000, inputPrice: null, outputPrice: null })
    expect(() => core.providers.addModel('deepseek', { model: '  ' })).toThrow(expect.objectContaining({ code: 'invalid_input' }))
    expect(() => core.providers.addModel('deepseek', { model: 'm', inputPrice: -1 })).toThrow(expect.objectContaining({ code: 'invalid_input' }))
    expect(() => core.providers.addModel('deepseek', { model: 'm', contextWindow: 0 })).toThrow(expect.objectContaining({ code: 'invalid_input' }))

    core.providers.remove('deepseek')
    core.providers.add({ id: 'deepseek', kind: 'deepseek' })
    expect(core.providers.get('deepseek')?.models).toEqual([])
  })
})
