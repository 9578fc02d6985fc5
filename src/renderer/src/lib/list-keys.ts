/** Where a key press moves the cursor in a list of `count` rows (Up, Down, Home, End, Page Up, Page Down), or null for other keys. */
export function listKeyTarget(key: string, index: number, count: number, pageSize = 10): number | null {
  if (count <= 0) return null
  const last = count - 1
  const from = Math.min(Math.max(index, -1), last)
  const page = Math.max(1, pageSize)
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, from + 1)
    case 'ArrowUp':
      return Math.max(0, from - 1)
    case 'Home':
      return 0
    case 'End':
      return last
    case 'PageDown':
      return Math.min(last, Math.max(0, from) + page)
    case 'PageUp':
      return Math.max(0, from - page)
    default:
      return null
  }
}
