import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { insertImages, MAX_PIXELS } from '../../../electron/media/insert'
import { processImage } from '../../../electron/media/process'
import { createGuard } from '../../../electron/workspace/guard'
import { DEFAULT_INSERT_SETTINGS, type AssetRules, type InsertSettings } from '../../../shared/assets'
import { folderWith } from '../export/helpers'

const plain: AssetRules = { kind: 'plain', postAssetFolder: false, sourceDir: '' }
const RED = { r: 220, g: 20, b: 20 }
const BLUE = { r: 20, g: 20, b: 220 }

/**
 * A photo as a phone writes it: the pixels stored sideways (red on the left, blue on the right)
 * with EXIF orientation 6 (turn 90° clockwise to show it), camera make and model, and where it was taken.
 */
async function phonePhoto(width: number, height: number, format: 'jpeg' | 'webp' = 'jpeg'): Promise<Buffer> {
  const half = Math.floor(width / 2)
  const blue = await sharp({ create: { width: width - half, height, channels: 3, background: BLUE } })
    .png()
    .toBuffer()
  const image = sharp({ create: { width, height, channels: 3, background: RED } })
    .composite([{ input: blue, left: half, top: 0 }])
    .withExif({
      IFD0: { Make: 'FolioPhone', Model: 'Test 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 1700/100' },
    })
    .withMetadata({ orientation: 6 })
  return format === 'jpeg' ? image.jpeg({ quality: 95 }).toBuffer() : image.webp({ quality: 95 }).toBuffer()
}

async function insert(root: string, name: string, bytes: Uint8Array, settings: Partial<InsertSettings> = {}) {
  const [out] = await insertImages(await createGuard(root), plain, 'a.md', [{ name, bytes }], { ...DEFAULT_INSERT_SETTINGS, ...settings })
  if (!out) throw new Error('nothing inserted')
  return { ...out, bytes: await readFile(join(root, out.path)) }
}

async function colourAt(bytes: Uint8Array, x: number, y: number): Promise<'red' | 'blue' | 'other'> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * info.channels
  const [r = 0, , b = 0] = data.subarray(at, at + 3)
  return r > 150 && b < 100 ? 'red' : b > 150 && r < 100 ? 'blue' : 'other'
}

describe('a photo on its way in', () => {
  it('is turned upright by its EXIF orientation, scaled to the maximum width and loses its location by default', async () => {
    const root = await folderWith({ 'a.md': '' })
    const photo = await phonePhoto(1600, 1200)
    const before = await sharp(photo).metadata()
    expect([before.width, before.height, before.orientation]).toEqual([1600, 1200, 6])
    expect(before.exif?.toString('latin1')).toContain('FolioPhone')

    const out = await insert(root, 'IMG_0001.jpg', photo, { maxWidth: 600 })
    const after = await sharp(out.bytes).metadata()
    // Upright it is 1200 × 1600; at 600 wide, 800 high.
    expect([after.format, after.width, after.height]).toEqual(['jpeg', 600, 800])
    expect(after.orientation).toBeUndefined()
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(out.bytes.includes(Buffer.from('FolioPhone'))).toBe(false)
    // Turned clockwise: the stored left (red) is now on top, the right (blue) at the bottom.
    expect(await colourAt(out.bytes, 300, 100)).toBe('red')
    expect(await colourAt(out.bytes, 300, 700)).toBe('blue')
    expect(out.path).toBe('a.assets/IMG_0001.jpg')
    expect(out.link).toBe('![IMG_0001](a.assets/IMG_0001.jpg)')
  })

  it('strips the location even with no resize, and never scales up', async () => {
    const root = await folderWith({ 'a.md': '' })
    const out = await insert(root, 'small.webp', await phonePhoto(300, 200, 'webp'), { maxWidth: 1920 })
    const after = await sharp(out.bytes).metadata()
    expect([after.format, after.width, after.height, after.exif]).toEqual(['webp', 200, 300, undefined])
  })

  it('keeps camera data and location when the writer chose to keep them, still upright', async () => {
    const root = await folderWith({ 'a.md': '' })
    const out = await insert(root, 'keep.jpg', await phonePhoto(400, 300), { metadata: 'keep' })
    const after = await sharp(out.bytes).metadata()
    expect([after.width, after.height]).toEqual([300, 400])
    expect(after.orientation ?? 1).toBe(1)
    const exif = after.exif?.toString('latin1') ?? ''
    expect(exif).toContain('FolioPhone')
    expect(exif).toContain('N')
  })

  it('copies an image that needs nothing byte for byte, and compresses only when that saves bytes', async () => {
    const root = await folderWith({ 'a.md': '' })
    const clean = await sharp({ create: { width: 800, height: 600, channels: 3, background: RED } })
      .jpeg({ quality: 100 })
      .toBuffer()
    const copied = await insert(root, 'clean.jpg', clean)
    expect(Buffer.compare(copied.bytes, clean)).toBe(0)
    const compressed = await insert(root, 'clean-small.jpg', clean, { compress: true, jpegQuality: 50 })
    expect(compressed.bytes.length).toBeLessThan(clean.length)
    expect((await sharp(compressed.bytes).metadata()).width).toBe(800)
  })

  it('refuses a damaged photo and one over the pixel limit with the file name and what to do, writing nothing', async () => {
    const root = await folderWith({ 'a.md': '' })
    const photo = await phonePhoto(400, 300)
    // Header and end marker intact (the sniffer passes it), the picture data replaced by noise.
    const scan = photo.indexOf(Buffer.from([0xff, 0xda]))
    const damaged = Buffer.concat([photo.subarray(0, scan + 14), Buffer.alloc(3000, 0x55), Buffer.from([0xff, 0xd9])])
    await expect(insert(root, '坏的.jpg', damaged)).rejects.toThrow(
      /^坏的\.jpg could not be read as an image \(.+\); the file is probably damaged\. Open it in an image editor.*Nothing was copied\.$/s,
    )
    await expect(processImage('big.jpg', 'jpeg', photo, DEFAULT_INSERT_SETTINGS, 100_000)).rejects.toThrow(
      /^big\.jpg is larger than 0\.1 megapixels.*Scale it down first\. Nothing was copied\.$/,
    )
    expect(MAX_PIXELS).toBe(50_000_000)
    expect(await readdir(root)).toEqual(['a.md'])
  })
})
