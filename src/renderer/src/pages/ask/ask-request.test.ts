import { describe, expect, it } from 'vitest'
import type { ProviderView } from '../../../../shared/router-types'
import { askRequestKey, askRequestOf, defaultProviderId, modelChoices } from './ask-request'

const form = { question: 'Why?', provider: 'local', model: '', repoId: null, files: [] }

function provider(models: string[], allowedModels: string[], id = 'oa', blockedReason: string | null = null): ProviderView {
  return {
    id,
    kind: 'openai',
    baseUrl: 'https://api.openai.com/v1',
    baseUrlOverridden: false,
    local: false,
    enabled: true,
    timeoutMs: 60_000,
    models: models.map((model) => ({ model, contextWindow: null, inputPrice: null, outputPrice: null })),
    key: null,
    policy: {
      posture: null,
      retentionMode: 'flag',
      agreementVerifiedOn: null,
      retentionAnnotation: false,
      allowedModels,
      approval: null,
      findings: [],
      blockedReason,
    },
  }
}

describe('the ask request', () => {
  it('leaves out what the user left empty', () => {
    expect(askRequestOf(form)).toEqual({ question: 'Why?', provider: 'local' })
  })

  it('carries the model, repository and files when chosen', () => {
    const request = askRequestOf({ ...form, model: 'm1', repoId: 3, files: [{ path: 'a.ts', startLine: 1, endLine: 3 }, { path: '/abs/b.ts' }] })
    expect(request).toEqual({ question: 'Why?', provider: 'local', model: 'm1', repoId: 3, files: [{ path: 'a.ts', startLine: 1, endLine: 3 }, { path: '/abs/b.ts' }] })
  })

  it('has a key that changes with the request', () => {
    expect(askRequestKey(askRequestOf(form))).toBe(askRequestKey(askRequestOf({ ...form })))
    expect(askRequestKey(askRequestOf(form))).not.toBe(askRequestKey(askRequestOf({ ...form, question: 'How?' })))
  })
})

describe('model choices', () => {
  it('offers the allow-list when there is one, else the provider’s models', () => {
    expect(modelChoices(provider(['a', 'b'], []))).toEqual({ models: ['a', 'b'], defaultModel: 'a' })
    expect(modelChoices(provider(['a', 'b'], ['b']))).toEqual({ models: ['b'], defaultModel: 'b' })
    expect(modelChoices(provider([], []))).toEqual({ models: [], defaultModel: null })
    expect(modelChoices(undefined)).toEqual({ models: [], defaultModel: null })
  })
})

describe('the provider to start with', () => {
  it('is the first that may be called, else the first', () => {
    expect(defaultProviderId([provider([], [], 'ds', 'blocked'), provider([], [], 'oa')])).toBe('oa')
    expect(defaultProviderId([provider([], [], 'ds', 'blocked')])).toBe('ds')
    expect(defaultProviderId([])).toBe('')
  })
})
