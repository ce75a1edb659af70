/** Real images, encoded by sharp (libvips) in every format Folio takes, then sniffed from their bytes. */
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { sniffImage } from '../../../shared/assets/sniff'

const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 30, g: 140, b: 200 } } })

/** A 24-bit BMP as Windows writes it (sharp writes none); `height` negative for top-down rows. */
function bmp(width: number, height: number): Buffer {
  const row = Math.ceil((width * 3) / 4) * 4
  const b = Buffer.alloc(54 + row * Math.abs(height))
  b.write('BM', 0, 'ascii')
  b.writeUInt32LE(b.length, 2)
  b.writeUInt32LE(54, 10)
  b.writeUInt32LE(40, 14)
  b.writeInt32LE(width, 18)
  b.writeInt32LE(height, 22)
  b.writeUInt16LE(1, 26)
  b.writeUInt16LE(24, 28)
  return b
}

/** The JPEG with its Huffman tables (DHT) moved before the frame header, as some encoders write them. */
function tablesFirst(jpeg: Buffer): Buffer {
  const segments: Buffer[] = []
  let at = 2
  while (jpeg[at + 1] !== 0xda) {
    const end = at + 2 + jpeg.readUInt16BE(at + 2)
    segments.push(jpeg.subarray(at, end))
    at = end
  }
  const isDht = (s: Buffer): boolean => s[1] === 0xc4
  return Buffer.concat([jpeg.subarray(0, 2), ...segments.filter(isDht), ...segments.filter((s) => !isDht(s)), jpeg.subarray(at)])
}

describe('sniffImage', () => {
  it('names PNG, JPEG, GIF and WebP from their bytes, with the size in pixels', async () => {
    expect(sniffImage(await picture(640, 480).png().toBuffer())).toEqual({ type: 'png', ext: 'png', width: 640, height: 480 })
    expect(sniffImage(await picture(1920, 1080).jpeg().toBuffer())).toEqual({ type: 'jpeg', ext: 'jpg', width: 1920, height: 1080 })
    expect(sniffImage(await picture(33, 17).gif().toBuffer())).toEqual({ type: 'gif', ext: 'gif', width: 33, height: 17 })
    expect(sniffImage(await picture(300, 200).webp().toBuffer())).toEqual({ type: 'webp', ext: 'webp', width: 300, height: 200 })
    expect(sniffImage(await picture(301, 199).webp({ lossless: true }).toBuffer())).toEqual({ type: 'webp', ext: 'webp', width: 301, height: 199 })
    const withAlpha = await sharp({ create: { width: 120, height: 90, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
      .webp()
      .toBuffer()
    expect(sniffImage(withAlpha)).toEqual({ type: 'webp', ext: 'webp', width: 120, height: 90 })
  })

  it('finds the JPEG size after the EXIF and colour-profile segments a camera writes first', async () => {
    const photo = await picture(800, 600).withMetadata({ orientation: 6 }).withIccProfile('srgb').jpeg({ progressive: true }).toBuffer()
    expect(sniffImage(photo)).toEqual({ type: 'jpeg', ext: 'jpg', width: 800, height: 600 })
    // A Huffman table segment is no frame, though its marker lies among theirs.
    const reordered = tablesFirst(await picture(800, 600).jpeg().toBuffer())
    expect((await sharp(reordered).metadata()).width).toBe(800)
    expect(sniffImage(reordered)).toEqual({ type: 'jpeg', ext: 'jpg', width: 800, height: 600 })
  })

  it('knows AVIF and BMP (top-down rows too)', async () => {
    expect(sniffImage(await picture(64, 64).avif().toBuffer())).toEqual({ type: 'avif', ext: 'avif' })
    expect(sniffImage(bmp(10, 7))).toEqual({ type: 'bmp', ext: 'bmp', width: 10, height: 7 })
    expect(sniffImage(bmp(10, -7))).toEqual({ type: 'bmp', ext: 'bmp', width: 10, height: 7 })
  })

  it('is null for a file cut short: a broken download is no image', async () => {
    for (const image of [await picture(200, 100).png().toBuffer(), await picture(200, 100).jpeg().toBuffer(), await picture(200, 100).gif().toBuffer()]) {
      expect(sniffImage(image)).not.toBeNull()
      expect(sniffImage(image.subarray(0, Math.floor(image.length * 0.6)))).toBeNull()
    }
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull()
  })

  it('reads an SVG behind a BOM, an XML declaration, comments and a doctype', () => {
    const svg =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- 图标 -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg"/>'
    expect(sniffImage(Buffer.from(svg))).toEqual({ type: 'svg', ext: 'svg' })
  })

  it('is null for what is no image, whatever it is called', () => {
    expect(sniffImage(Buffer.from('<html><body><svg></svg></body></html>'))).toBeNull()
    expect(sniffImage(Buffer.from('---\ntitle: 不是图片\n---\n'))).toBeNull()
    expect(sniffImage(Buffer.alloc(0))).toBeNull()
    expect(sniffImage(bmp(0, 5))).toBeNull()
  })
})
