import { describe, expect, it } from 'vitest'
import { formatModelList, parseModelList } from './model-list'
import { parseAddProvider, type AddProviderFields } from './parse-add-provider'

const fields: AddProviderFields = { id: 'ollama', kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', models: '', timeoutMs: '' }

describe('model lists', () => {
  it('split on commas, trimmed, without blanks or repeats', () => {
    expect(parseModelList(' gpt-4.1, gpt-4.1-mini,, gpt-4.1 ')).toEqual(['gpt-4.1', 'gpt-4.1-mini'])
    expect(parseModelList('')).toEqual([])
    expect(formatModelList(['a', 'b'])).toBe('a, b')
  })
})

describe('the add-provider form', () => {
  it('builds the request, leaving out empty fields', () => {
    expect(parseAddProvider(fields)).toEqual({ ok: true, request: { id: 'ollama', kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1' } })
    expect(parseAddProvider({ ...fields, id: ' oa ', kind: 'openai', baseUrl: '', models: 'gpt-4.1, o3', timeoutMs: '30000' })).toEqual({
      ok: true,
      request: { id: 'oa', kind: 'openai', models: ['gpt-4.1', 'o3'], timeoutMs: 30_000 },
    })
  })

  it('points at the field to fix', () => {
    expect(parseAddProvider({ ...fields, id: 'My Server' })).toMatchObject({ ok: false, field: 'id' })
    expect(parseAddProvider({ ...fields, baseUrl: ' ' })).toMatchObject({ ok: false, field: 'baseUrl' })
    expect(parseAddProvider({ ...fields, timeoutMs: '1.5' })).toMatchObject({ ok: false, field: 'timeoutMs' })
    expect(parseAddProvider({ ...fields, timeoutMs: '0' })).toMatchObject({ ok: false, field: 'timeoutMs' })
    expect(parseAddProvider({ ...fields, timeoutMs: '3600001' })).toMatchObject({ ok: false, field: 'timeoutMs' })
  })
})
