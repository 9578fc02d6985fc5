// Draws resources/icon.png (512x512): a ring with a gap and three nodes, a small graph on a rounded
// square. Plain Node (zlib) so the icon can be rebuilt anywhere: `node resources/generate-icon.mjs`.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const SAMPLES = 4 // 4x4 supersampling for smooth edges
const BACKGROUND = [0x1f, 0x4e, 0x5f]
const RING = [0xff, 0xff, 0xff]
const NODE = [0xf2, 0xb1, 0x34]
const CENTER = 256
const RING_RADIUS = 150
const RING_HALF_WIDTH = 26
const GAP = (40 * Math.PI) / 180
const ENDS = [-GAP, GAP].map((a) => [CENTER + RING_RADIUS * Math.cos(a), CENTER + RING_RADIUS * Math.sin(a)])

function insideRoundedSquare(x, y) {
  const inset = 16
  const radius = 96
  const cx = Math.min(Math.max(x, inset + radius), SIZE - inset - radius)
  const cy = Math.min(Math.max(y, inset + radius), SIZE - inset - radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= inset && x <= SIZE - inset && y >= inset && y <= SIZE - inset
}

function insideRing(x, y) {
  const distance = Math.hypot(x - CENTER, y - CENTER)
  const onBand = Math.abs(distance - RING_RADIUS) <= RING_HALF_WIDTH
  return onBand && Math.abs(Math.atan2(y - CENTER, x - CENTER)) >= GAP
}

function insideCircle(x, y, [cx, cy], radius) {
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}

/** The colour of one sample point, or null where the icon is transparent. */
function colourAt(x, y) {
  if (ENDS.some((end) => insideCircle(x, y, end, 38)) || insideCircle(x, y, [CENTER, CENTER], 32)) return NODE
  if (insideRing(x, y)) return RING
  if (insideRoundedSquare(x, y)) return BACKGROUND
  return null
}

function renderPixels() {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1)
    rows[row] = 0 // PNG filter: none
    for (let x = 0; x < SIZE; x++) {
      const sum = [0, 0, 0, 0]
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)
          if (!colour) continue
          sum[0] += colour[0]
          sum[1] += colour[1]
          sum[2] += colour[2]
          sum[3] += 1
        }
      }
      const offset = row + 1 + x * 4
      const covered = sum[3]
      rows[offset] = covered ? Math.round(sum[0] / covered) : 0
      rows[offset + 1] = covered ? Math.round(sum[1] / covered) : 0
      rows[offset + 2] = covered ? Math.round(sum[2] / covered) : 0
      rows[offset + 3] = Math.round((255 * covered) / SAMPLES ** 2)
    }
  }
  return rows
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buffer) {
  let crc = 0xffffffff
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function encodePng(pixels) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8 // bits per channel
  header[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const target = new URL('./icon.png', import.meta.url)
writeFileSync(target, encodePng(renderPixels()))
console.log(`wrote ${target.pathname}`)
