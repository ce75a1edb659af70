/**
 * A processed photo is reused after a restart: the app's media service keeps what each photo was
 * made into in a small file of its profile, and a new service (the next run) links that file again
 * for the same photo and settings, once it has checked the file is still there with the bytes it
 * was written with. A file edited or removed since, other settings, or a damaged record: the photo
 * is made again, and nothing is linked that is not what the photo became.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { startInsert } from '../../../electron/media/insert'
import { MadeImages } from '../../../electron/media/made'
import { createMediaService } from '../../../electron/media/service'
import { createGuard } from '../../../electron/workspace/guard'
import { openWorkspace } from '../../../electron/workspace/workspace'
import { DEFAULT_INSERT_SETTINGS, type AssetRules, type InsertSettings } from '../../../shared/assets'
import { folderWith } from '../export/helpers'
import { afterThisTest, tempDir } from '../temp-dir'

const hugo: AssetRules = { kind: 'hugo', postAssetFolder: false, sourceDir: 'content' }
const RESIZE: InsertSettings = { ...DEFAULT_INSERT_SETTINGS, maxWidth: 320 }
const POST = 'content/posts/trip/index.md'

/** A sideways phone photo with its location: it is turned, scaled and stripped on insert. */
function photo(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 90, g: 140, b: 200 }, noise: { type: 'gaussian', mean: 120, sigma: 20 } } })
    .withExif({ IFD0: { Make: 'FolioPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** One run of the app: a fresh record read from `file`, as after a restart. */
async function insert(root: string, file: string, bytes: Buffer, settings = RESIZE, name = 'a.jpg') {
  const started = await startInsert(await createGuard(root), hugo, POST, [{ name, bytes }], settings, new Date(2026, 10, 30, 5), new MadeImages(file))
  await started.landed
  return started.images[0]
}

describe('a processed photo after a restart', () => {
  it('links the file made before for the same photo and settings, and makes a new one for other settings', async () => {
    const root = await folderWith({ [POST]: '' })
    const record = join(await tempDir('folio-profile-'), 'made-images.json')
    const bytes = await photo()
    expect(await insert(root, record, bytes)).toMatchObject({ path: 'content/posts/trip/a.jpg', reused: false })
    const made = await readFile(join(root, 'content/posts/trip/a.jpg'))
    expect(await insert(root, record, bytes, RESIZE, '另一个名字.jpg')).toEqual({
      path: 'content/posts/trip/a.jpg',
      link: '![另一个名字](a.jpg)',
      reused: true,
    })
    expect(await insert(root, record, bytes, { ...RESIZE, jpegQuality: 60 })).toMatchObject({ path: 'content/posts/trip/a-2.jpg', reused: false })
    expect((await readdir(join(root, 'content/posts/trip'))).sort()).toEqual(['a-2.jpg', 'a.jpg', 'index.md'])
    // Reusing never rewrote the file.
    expect(await readFile(join(root, 'content/posts/trip/a.jpg'))).toEqual(made)
  }, 120_000)

  it('makes the photo again when the file made was edited (same size) or removed since', async () => {
    const root = await folderWith({ [POST]: '' })
    const record = join(await tempDir('folio-profile-'), 'made-images.json')
    const bytes = await photo()
    await insert(root, record, bytes)
    const abs = join(root, 'content/posts/trip/a.jpg')
    const edited = await readFile(abs)
    edited[edited.length - 3] = (edited[edited.length - 3]! + 1) % 256
    await writeFile(abs, edited)
    expect(await insert(root, record, bytes)).toMatchObject({ path: 'content/posts/trip/a-2.jpg', reused: false })
    // The edited file is left as the writer made it.
    expect(await readFile(abs)).toEqual(edited)
    await writeFile(join(root, 'content/posts/trip/a-2.jpg'), '')
    expect(await insert(root, record, bytes)).toMatchObject({ path: 'content/posts/trip/a-3.jpg', reused: false })
  }, 120_000)

  it('reads a damaged record as none: the photo is made again and the record written anew', async () => {
    const root = await folderWith({ [POST]: '' })
    const record = join(await tempDir('folio-profile-'), 'made-images.json')
    await writeFile(record, '{"version":1,"made":[["x", {"name": 3}]], garbage')
    const bytes = await photo()
    expect(await insert(root, record, bytes)).toMatchObject({ path: 'content/posts/trip/a.jpg', reused: false })
    expect(await insert(root, record, bytes)).toMatchObject({ path: 'content/posts/trip/a.jpg', reused: true })
  }, 120_000)

  it('is kept by the media service in the file the app gives it', async () => {
    const root = await folderWith({ 'hugo.toml': 'title = "t"\n', [POST]: '' })
    const record = join(await tempDir('folio-profile-'), 'made-images.json')
    const bytes = await photo()
    const run = async () => {
      const workspace = await openWorkspace({ root, watch: false, trash: async () => undefined })
      afterThisTest(() => workspace.close())
      return createMediaService({ madeImagesFile: record }).insert(workspace, POST, [{ name: 'a.jpg', bytes }], RESIZE)
    }
    expect(await run()).toMatchObject([{ path: 'content/posts/trip/a.jpg', reused: false }])
    expect(await run()).toMatchObject([{ path: 'content/posts/trip/a.jpg', reused: true }])
  }, 120_000)
})
