import { describe, expect, it } from 'vitest'
import { colourForHue, colourOf, contrastRatio, initialsOf } from './owner-identity'

describe('initials', () => {
  it('takes the first and last word of the name', () => {
    expect(initialsOf('Ada Lovelace', 'ada@example.com')).toBe('AL')
    expect(initialsOf('Grace Brewster Murray Hopper', 'grace@example.com')).toBe('GH')
    expect(initialsOf('linus', 'linus@example.com')).toBe('L')
  })

  it('copes with punctuation, other scripts and a missing name', () => {
    expect(initialsOf('  dependabot[bot] ', 'bot@example.com')).toBe('DB')
    expect(initialsOf('Émile Zola', 'ez@example.com')).toBe('ÉZ')
    expect(initialsOf('', 'jane.doe@example.com')).toBe('JA')
    expect(initialsOf('', '')).toBe('?')
  })
})

describe('colours', () => {
  it('gives the same person the same colour, whatever the case of the address', () => {
    expect(colourOf('Ada@Example.com')).toBe(colourOf('ada@example.com'))
    expect(colourOf('someone@example.com')).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('spreads different people over many colours', () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => colourOf(`person${i}@example.com`)))
    expect(used.size).toBeGreaterThan(120)
  })

  it('keeps white initials readable on every hue (WCAG AA)', () => {
    for (let hue = 0; hue < 360; hue++) expect(contrastRatio(colourForHue(hue), '#ffffff'), `hue ${hue}`).toBeGreaterThanOrEqual(4.5)
  })

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 1)
  })
})
