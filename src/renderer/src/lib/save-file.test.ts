import { describe, expect, it } from 'vitest'
import { base64ToBytes } from './save-file'

describe('base64 to bytes', () => {
  it('decodes every byte value, and nothing to nothing', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(base64ToBytes(btoa(String.fromCharCode(...all)))).toEqual(all)
    expect(base64ToBytes('JVBERi0=')).toEqual(new TextEncoder().encode('%PDF-'))
    expect(base64ToBytes('')).toEqual(new Uint8Array(0))
  })
})
