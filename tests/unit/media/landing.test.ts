/**
 * The link before the file: a photo's name and link are decided at once, the photo is processed
 * and written afterwards, and until it lands its name is held, the preview's request waits for it
 * and nothing of it is on disk. A failure afterwards takes back what the insert wrote.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { startInsert } from '../../../electron/media/insert'
import { MadeImages } from '../../../electron/media/made'
import { isLanding, landed } from '../../../electron/media/landing'
import { createGuard } from '../../../electron/workspace/guard'
import { DEFAULT_INSERT_SETTINGS, type AssetRules, type InsertSettings } from '../../../shared/assets'
import { folderWith } from '../export/helpers'
import { png } from './images'

const hugo: AssetRules = { kind: 'hugo', postAssetFolder: false, sourceDir: 'content' }
const RESIZE: InsertSettings = { ...DEFAULT_INSERT_SETTINGS, maxWidth: 320 }

/** A sideways phone photo with its location in EXIF: it needs turning, scaling and stripping. */
function photo(grain = true): Promise<Buffer> {
  const noise = grain ? { noise: { type: 'gaussian' as const, mean: 120, sigma: 20 } } : {}
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 90, g: 140, b: 200 }, ...noise } })
    .withExif({ IFD0: { Make: 'FolioPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer()
}

async function start(root: string, images: Array<{ name: string; bytes: Uint8Array }>, settings = RESIZE, made = new MadeImages()) {
  return startInsert(await createGuard(root), hugo, 'content/posts/trip/index.md', images, settings, new Date(2026, 10, 30, 5, 0, 0), made)
}

describe('the link comes before the file', () => {
  it('answers with the final name while the photo is still being made, holds that name, and lands it whole', async () => {
    const root = await folderWith({ 'content/posts/trip/index.md': '---\ntitle: Trip\n---\n' })
    const bytes = await photo()
    const first = await start(root, [{ name: '海边.jpg', bytes }])
    expect(first.images).toEqual([{ path: 'content/posts/trip/海边.jpg', link: '![海边](海边.jpg)', reused: false }])
    const abs = join(root, 'content/posts/trip/海边.jpg')
    // Not there yet, and nothing half-written under its name; its name is taken meanwhile.
    expect(await readdir(join(root, 'content/posts/trip'))).toEqual(['index.md'])
    expect(isLanding(abs)).toBe(true)
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 1, g: 2, b: 3 } } })
      .jpeg()
      .toBuffer()
    const second = await start(root, [{ name: '海边.jpg', bytes: small }])
    expect(second.images[0]?.path).toBe('content/posts/trip/海边-2.jpg')
    const third = await start(root, [{ name: '海边.png', bytes: png(9, 9) }])
    expect(third.images[0]?.path).toBe('content/posts/trip/海边.png')
    // What the preview's request does: waits for the file, then finds it.
    await landed(abs, 60_000)
    await Promise.all([first.landed, second.landed, third.landed])
    expect(isLanding(abs)).toBe(false)
    const written = await readFile(abs)
    const meta = await sharp(written).metadata()
    expect([meta.width, meta.orientation, meta.exif]).toEqual([320, undefined, undefined])
    expect((await readdir(join(root, 'content/posts/trip'))).sort()).toEqual(['index.md', '海边-2.jpg', '海边.png', '海边.jpg'].sort())
  })

  it('links the file made from the same photo with the same settings again, and makes a new one for other settings', async () => {
    const root = await folderWith({ 'content/posts/trip/index.md': '' })
    const bytes = await photo()
    const made = new MadeImages()
    const first = await start(root, [{ name: 'a.jpg', bytes }], RESIZE, made)
    await first.landed
    const again = await start(root, [{ name: 'other name.jpg', bytes }], RESIZE, made)
    expect(again.images).toEqual([{ path: 'content/posts/trip/a.jpg', link: '![other name](a.jpg)', reused: true }])
    const wider = await start(root, [{ name: 'a.jpg', bytes }], { ...RESIZE, maxWidth: 640 }, made)
    expect(wider.images[0]).toMatchObject({ path: 'content/posts/trip/a-2.jpg', reused: false })
    await wider.landed
    expect((await sharp(await readFile(join(root, 'content/posts/trip/a-2.jpg'))).metadata()).width).toBe(640)
  })

  it('never links a file of an insert still landing: its later failure takes that file back', async () => {
    const root = await folderWith({ 'content/posts/trip/index.md': '' })
    const bytes = await photo()
    const good = await photo(false)
    const scan = good.indexOf(Buffer.from([0xff, 0xda]))
    const damaged = Buffer.concat([good.subarray(0, scan + 14), Buffer.alloc(3000, 0x55), Buffer.from([0xff, 0xd9])])
    const made = new MadeImages()
    const first = await start(
      root,
      [
        { name: 'a.jpg', bytes },
        { name: 'slow.jpg', bytes: await photo() },
        { name: 'bad.jpg', bytes: damaged },
      ],
      RESIZE,
      made,
    )
    first.landed.catch(() => undefined)
    // Once a.jpg is on disk, while the rest of that drop is still being made, the same photo comes again.
    const folder = join(root, 'content/posts/trip')
    for (let waited = 0; !(await readdir(folder)).includes('a.jpg'); waited += 5) {
      if (waited > 60_000) throw new Error('a.jpg never landed')
      await new Promise((r) => setTimeout(r, 5))
    }
    const again = await start(root, [{ name: 'a.jpg', bytes }], RESIZE, made)
    expect(again.images[0]).toMatchObject({ path: 'content/posts/trip/a-2.jpg', reused: false })
    await expect(first.landed).rejects.toThrow(/bad\.jpg/)
    await again.landed
    expect((await readdir(folder)).sort()).toEqual(['a-2.jpg', 'index.md'])
  })

  it('a photo that fails while being made leaves nothing behind and says which file and why', async () => {
    const root = await folderWith({ 'content/posts/trip.md': '' })
    const good = await photo(false)
    // The header reads well (so the link goes in), the picture data is noise: it fails in the decoder
    // (read whole: scaled down on load, libvips may skip the damage).
    const scan = good.indexOf(Buffer.from([0xff, 0xda]))
    const damaged = Buffer.concat([good.subarray(0, scan + 14), Buffer.alloc(3000, 0x55), Buffer.from([0xff, 0xd9])])
    const started = await startInsert(await createGuard(root), hugo, 'content/posts/trip.md', [{ name: '坏的.jpg', bytes: damaged }], DEFAULT_INSERT_SETTINGS)
    expect(started.images[0]?.link).toBe('![坏的](/images/坏的.jpg)')
    await expect(started.landed).rejects.toThrow(/^坏的\.jpg could not be read as an image .*Nothing was copied\.$/s)
    // static/images did not exist: it is gone again, as is everything of the photo.
    expect((await readdir(root)).sort()).toEqual(['content'])
    expect(isLanding(join(root, 'static/images/坏的.jpg'))).toBe(false)
  })
})
