import { describe, expect, it } from 'vitest'
import { formatFileRef, parseFileRef } from './file-ref'

describe('file references', () => {
  it('reads a path, one line, or a range of lines', () => {
    expect(parseFileRef(' src/app.ts ')).toEqual({ ok: true, ref: { path: 'src/app.ts' } })
    expect(parseFileRef('src/app.ts:12')).toEqual({ ok: true, ref: { path: 'src/app.ts', startLine: 12, endLine: 12 } })
    expect(parseFileRef('src/app.ts:12-40')).toEqual({ ok: true, ref: { path: 'src/app.ts', startLine: 12, endLine: 40 } })
  })

  it('keeps colons that are not a trailing range', () => {
    expect(parseFileRef('C:\\work\\a.ts')).toEqual({ ok: true, ref: { path: 'C:\\work\\a.ts' } })
    expect(parseFileRef('notes:draft.md')).toEqual({ ok: true, ref: { path: 'notes:draft.md' } })
    expect(parseFileRef('a:b:3-4')).toEqual({ ok: true, ref: { path: 'a:b', startLine: 3, endLine: 4 } })
  })

  it('refuses an empty path and a backwards or zero range', () => {
    expect(parseFileRef('  ').ok).toBe(false)
    expect(parseFileRef('a.ts:9-3')).toEqual({ ok: false, message: 'The line range in a.ts:9-3 must be A-B with 1 ≤ A ≤ B' })
    expect(parseFileRef('a.ts:0').ok).toBe(false)
  })

  it('writes what it reads', () => {
    for (const text of ['src/app.ts', 'src/app.ts:7', 'src/app.ts:1-3']) {
      const parsed = parseFileRef(text)
      expect(parsed.ok && formatFileRef(parsed.ref)).toBe(text)
    }
  })
})
