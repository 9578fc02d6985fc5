import { describe, expect, it } from 'vitest'
import { listKeyTarget } from './list-keys'

describe('moving through a list with the keyboard', () => {
  it('steps, jumps to the ends and pages, inside the list', () => {
    expect(listKeyTarget('ArrowDown', 3, 10)).toBe(4)
    expect(listKeyTarget('ArrowDown', 9, 10)).toBe(9)
    expect(listKeyTarget('ArrowUp', 0, 10)).toBe(0)
    expect(listKeyTarget('Home', 5, 10)).toBe(0)
    expect(listKeyTarget('End', 5, 10)).toBe(9)
    expect(listKeyTarget('PageDown', 2, 100, 20)).toBe(22)
    expect(listKeyTarget('PageDown', 90, 100, 20)).toBe(99)
    expect(listKeyTarget('PageUp', 5, 100, 20)).toBe(0)
  })

  it('starts at the top when nothing is chosen yet', () => {
    expect(listKeyTarget('ArrowDown', -1, 10)).toBe(0)
    expect(listKeyTarget('ArrowUp', -1, 10)).toBe(0)
    expect(listKeyTarget('PageDown', -1, 100, 20)).toBe(20)
  })

  it('ignores other keys and empty lists, and copes with a list that shrank', () => {
    expect(listKeyTarget('a', 3, 10)).toBeNull()
    expect(listKeyTarget('ArrowDown', 0, 0)).toBeNull()
    expect(listKeyTarget('ArrowUp', 50, 10)).toBe(8)
  })
})
