/**
 * What kind of image some bytes are, read from the bytes rather than the name (a screenshot comes
 * as `image.png` whatever it is; a `.jpg` may be a PNG), with its size in pixels where the format
 * says it up front. Bytes that are no image Folio knows, or whose header is cut short, are null.
 */

export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif' | 'svg'

export interface SniffedImage {
  type: ImageType
  /** The extension files of this type get, without the dot. */
  ext: string
  /** Pixels, when the header gives them (SVG and AVIF: unknown). */
  width?: number
  height?: number
}

const EXT: Record<ImageType, string> = { png: 'png', jpeg: 'jpg', gif: 'gif', webp: 'webp', bmp: 'bmp', avif: 'avif', svg: 'svg' }

/** The extensions a file name may keep for each type (a `.jpeg` stays `.jpeg`). */
export const IMAGE_EXTENSIONS: Record<ImageType, readonly string[]> = {
  png: ['png'],
  jpeg: ['jpg', 'jpeg', 'jfif'],
  gif: ['gif'],
  webp: ['webp'],
  bmp: ['bmp'],
  avif: ['avif'],
  svg: ['svg'],
}

const u16be = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0)
const u16le = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8)
const u24le = (b: Uint8Array, at: number): number => u16le(b, at) | ((b[at + 2] ?? 0) << 16)
const u32be = (b: Uint8Array, at: number): number => u16be(b, at) * 0x10000 + u16be(b, at + 2)
const u32le = (b: Uint8Array, at: number): number => u16le(b, at) + u16le(b, at + 2) * 0x10000
const ascii = (b: Uint8Array, at: number, length: number): string => String.fromCharCode(...b.subarray(at, at + length))

function sized(type: ImageType, width: number, height: number): SniffedImage | null {
  return width > 0 && height > 0 ? { type, ext: EXT[type], width, height } : null
}

/** JPEG: the first start-of-frame segment carries height and width. */
function jpegSize(b: Uint8Array): SniffedImage | null {
  let at = 2
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null
    const marker = b[at + 1] ?? 0
    if (marker === 0xff) {
      at++
      continue
    }
    const length = u16be(b, at + 2)
    const frame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (frame) return sized('jpeg', u16be(b, at + 7), u16be(b, at + 5))
    if (length < 2) return null
    at += 2 + length
  }
  return null
}

function webpSize(b: Uint8Array): SniffedImage | null {
  const chunk = ascii(b, 12, 4)
  if (chunk === 'VP8 ' && b.length >= 30) return sized('webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff)
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = u32le(b, 21)
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1)
  }
  if (chunk === 'VP8X' && b.length >= 30) return sized('webp', u24le(b, 24) + 1, u24le(b, 27) + 1)
  return null
}

function looksLikeSvg(b: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096)).replace(/^\uFEFF/, '')
  // An XML declaration, comments and a doctype may come first; the root element must be <svg>.
  const rest = head.replace(/^\s*(<\?xml[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>\s*)*/i, '')
  return /^<svg[\s>]/i.test(rest)
}

/** The last bytes hold the format's end marker: a file cut short (a broken download, a half copy) has none. */
function ends(b: Uint8Array, marker: readonly number[], within: number): boolean {
  const tail = b.subarray(Math.max(0, b.length - within))
  for (let i = tail.length - marker.length; i >= 0; i--) if (marker.every((m, k) => tail[i + k] === m)) return true
  return false
}

export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  const b = bytes
  if (b.length >= 24 && u32be(b, 0) === 0x89504e47 && u32be(b, 4) === 0x0d0a1a0a && ascii(b, 12, 4) === 'IHDR') {
    return ends(b, [0x49, 0x45, 0x4e, 0x44], 64) ? sized('png', u32be(b, 16), u32be(b, 20)) : null
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return ends(b, [0xff, 0xd9], 1024) ? jpegSize(b) : null
  if (b.length >= 10 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return ends(b, [0x3b], 64) ? sized('gif', u16le(b, 6), u16le(b, 8)) : null
  if (b.length >= 16 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webpSize(b)
  if (b.length >= 26 && ascii(b, 0, 2) === 'BM') return sized('bmp', u32le(b, 18), Math.abs(u32le(b, 22) | 0))
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 4))) return { type: 'avif', ext: 'avif' }
  if (looksLikeSvg(b)) return { type: 'svg', ext: 'svg' }
  return null
}
