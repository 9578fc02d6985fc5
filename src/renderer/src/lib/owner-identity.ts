/** How a person looks in badges and charts: initials and a colour that stays the same everywhere. */

/** Up to two letters: first and last word of the name, else the start of the email's local part. */
export function initialsOf(name: string, email: string): string {
  const words = name
    .replace(/[<>()[\]"'.,_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}|\p{N}/u.test(word))
  const first = words[0]
  const last = words.length > 1 ? words[words.length - 1] : undefined
  if (first) return ([...first][0] ?? '').concat(last ? ([...last][0] ?? '') : '').toLocaleUpperCase()
  const local = email.split('@', 1)[0]?.replace(/[^\p{L}\p{N}]/gu, '') ?? ''
  return [...local].slice(0, 2).join('').toLocaleUpperCase() || '?'
}

/** 32-bit FNV-1a: small, fast and spreads similar addresses apart. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

const colours = new Map<string, string>()

/**
 * The colour of a person, from a hash of their email (case-insensitive): the same person always gets
 * the same colour. Any of 360 hues, each as light as it can be while white initials on it keep a
 * contrast of at least 4.5:1 (WCAG AA).
 */
export function colourOf(email: string): string {
  const key = email.trim().toLowerCase()
  let colour = colours.get(key)
  if (colour === undefined) {
    colour = colourForHue(hashString(key) % 360)
    colours.set(key, colour)
  }
  return colour
}

/** A saturated colour of this hue, as light as white text on it allows. */
export function colourForHue(hue: number): string {
  for (let lightness = 46; lightness > 10; lightness -= 1) {
    const colour = hslToHex(hue, 62, lightness)
    if (contrastRatio(colour, '#ffffff') >= 4.6) return colour
  }
  return hslToHex(hue, 62, 10)
}

function hslToHex(h: number, s: number, l: number): string {
  const sat = s / 100
  const light = l / 100
  const a = sat * Math.min(light, 1 - light)
  const channel = (n: number) => {
    const k = (n + h / 30) % 12
    const value = light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${channel(0)}${channel(8)}${channel(4)}`
}

/** Contrast ratio of two #rrggbb colours (WCAG 2 definition). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)]
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
