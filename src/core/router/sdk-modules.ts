import type Anthropic from '@anthropic-ai/sdk'
import type OpenAI from 'openai'

export interface SdkModules {
  readonly Anthropic: typeof Anthropic
  readonly OpenAI: typeof OpenAI
}

let loading: Promise<SdkModules> | undefined

/**
 * The official SDKs, imported on the first model call: they take about a tenth of a second to load,
 * which every `coop` command (and the app's start) would otherwise pay without calling a model.
 */
export function loadSdks(): Promise<SdkModules> {
  loading ??= Promise.all([import('@anthropic-ai/sdk'), import('openai')]).then(([anthropic, openai]) => ({ Anthropic: anthropic.default, OpenAI: openai.default }))
  return loading
}
