import { chmod, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { insertImages } from '../../../electron/media/insert'
import { createGuard } from '../../../electron/workspace/guard'
import { DEFAULT_INSERT_SETTINGS, resolveTarget, findReferences, type AssetRules, type InsertSettings } from '../../../shared/assets'
import { folderWith } from '../export/helpers'
import { hugePngHeader, png } from './images'

const NOW = new Date(2026, 10, 29, 19, 37, 5)

const site = folderWith

async function insert(
  root: string,
  rules: AssetRules,
  article: string,
  images: Array<{ name: string; bytes: Uint8Array }>,
  settings: Partial<InsertSettings> = {},
) {
  return insertImages(await createGuard(root), rules, article, images, { ...DEFAULT_INSERT_SETTINGS, ...settings }, NOW)
}

const cover = png(4, 3)

describe('inserting an image where each generator expects it', () => {
  const cases: Array<[string, AssetRules, string, string, string, Partial<InsertSettings>?]> = [
    [
      'Hexo with post asset folders, as a tag',
      { kind: 'hexo', postAssetFolder: true, sourceDir: 'source' },
      'source/_posts/旅行.md',
      'source/_posts/旅行/封面 1.png',
      '{% asset_img "封面 1.png" "封面 1" %}',
    ],
    [
      'Hexo with post asset folders, as Markdown',
      { kind: 'hexo', postAssetFolder: true, sourceDir: 'source' },
      'source/_posts/旅行.md',
      'source/_posts/旅行/封面 1.png',
      '![封面 1](封面%201.png)',
      { hexoLink: 'markdown' },
    ],
    [
      'Hexo without them',
      { kind: 'hexo', postAssetFolder: false, sourceDir: 'source' },
      'source/_posts/旅行.md',
      'source/images/封面 1.png',
      '![封面 1](/images/封面%201.png)',
    ],
    [
      'a Hugo bundle',
      { kind: 'hugo', postAssetFolder: false, sourceDir: 'content' },
      'content/posts/trip/index.md',
      'content/posts/trip/封面 1.png',
      '![封面 1](封面%201.png)',
    ],
    [
      'a Hugo leaf page',
      { kind: 'hugo', postAssetFolder: false, sourceDir: 'content' },
      'content/posts/trip.md',
      'static/images/封面 1.png',
      '![封面 1](/images/封面%201.png)',
    ],
    [
      'Jekyll',
      { kind: 'jekyll', postAssetFolder: false, sourceDir: '' },
      '_posts/2026-11-29-trip.md',
      'assets/images/封面 1.png',
      '![封面 1](/assets/images/封面%201.png)',
    ],
    [
      'Astro',
      { kind: 'astro', postAssetFolder: false, sourceDir: 'src/content' },
      'src/content/blog/trip.md',
      'src/assets/封面 1.png',
      '![封面 1](../../assets/封面%201.png)',
    ],
    [
      'a plain folder, as Typora does',
      { kind: 'plain', postAssetFolder: false, sourceDir: '' },
      'notes/trip.md',
      'notes/trip.assets/封面 1.png',
      '![封面 1](trip.assets/封面%201.png)',
    ],
  ]
  for (const [what, rules, article, path, link, settings] of cases) {
    it(`${what}: copies the bytes and links them so the asset rules find them`, async () => {
      const root = await site({ [article]: '---\ntitle: Trip\n---\n' })
      const [inserted] = await insert(root, rules, article, [{ name: '封面 1.png', bytes: cover }], settings)
      expect(inserted).toEqual({ path, link, reused: false })
      expect(await readFile(join(root, path))).toEqual(cover)
      const ref = findReferences(link)[0]
      expect(ref && resolveTarget(ref, article, rules)).toBe(path)
    })
  }
})

describe('names', () => {
  const plain: AssetRules = { kind: 'plain', postAssetFolder: false, sourceDir: '' }

  it('reuses identical bytes, numbers a collision, names unnamed and timestamped images by the time', async () => {
    const root = await site({ 'a.md': '' })
    const first = await insert(root, plain, 'a.md', [{ name: 'shot.png', bytes: cover }])
    const again = await insert(root, plain, 'a.md', [{ name: 'other-name.png', bytes: cover }])
    const other = await insert(root, plain, 'a.md', [{ name: 'Shot.PNG', bytes: png(2, 2) }])
    const unnamed = await insert(root, plain, 'a.md', [{ name: '', bytes: png(5, 5) }])
    const stamped = await insert(root, plain, 'a.md', [{ name: 'keep.png', bytes: png(6, 6) }], { naming: 'timestamp' })
    expect([first, again, other, unnamed, stamped].map((r) => [r[0]?.path, r[0]?.reused])).toEqual([
      ['a.assets/shot.png', false],
      ['a.assets/shot.png', true],
      ['a.assets/Shot-2.png', false],
      ['a.assets/image-20261129-193705.png', false],
      ['a.assets/image-20261129-193705-2.png', false],
    ])
    expect(unnamed[0]?.link).toBe('![](a.assets/image-20261129-193705.png)')
  })

  it('gives a file the extension its bytes call for, and makes reserved and odd characters safe', async () => {
    const root = await site({ 'a.md': '' })
    const out = await insert(root, plain, 'a.md', [
      { name: 'photo.jpg', bytes: png(1, 1) },
      { name: 'CON.png', bytes: png(1, 2) },
      { name: 'what? <a>|b.png', bytes: png(1, 3) },
    ])
    expect(out.map((i) => i.path)).toEqual(['a.assets/photo.png', 'a.assets/CON-image.png', 'a.assets/what- -a--b.png'])
  })
})

describe('bad input writes nothing', () => {
  const plain: AssetRules = { kind: 'plain', postAssetFolder: false, sourceDir: '' }
  const nothingWritten = async (root: string): Promise<void> => expect(await readdir(root)).toEqual(['a.md'])

  it('refuses a damaged file, a name that is a path, and a 50 MP picture, with what to do', async () => {
    const root = await site({ 'a.md': '' })
    const good = { name: 'ok.png', bytes: cover }
    await expect(insert(root, plain, 'a.md', [good, { name: 'cut.png', bytes: cover.subarray(0, cover.length - 20) }])).rejects.toThrow(
      /cut\.png is not a PNG.*damaged.*Nothing was copied/,
    )
    await expect(insert(root, plain, 'a.md', [good, { name: '../../evil.png', bytes: cover }])).rejects.toThrow(
      /Refused the image name "\.\.\/\.\.\/evil\.png"/,
    )
    await expect(insert(root, plain, 'a.md', [{ name: 'huge.png', bytes: hugePngHeader(8660, 5774) }])).rejects.toThrow(
      /8660 × 5774 pixels \(50 megapixels\).*Scale it down/,
    )
    await nothingWritten(root)
  })

  it('cleans the script out of an SVG before it lands', async () => {
    const root = await site({ 'a.md': '' })
    const svg =
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><circle r="4"/></a></svg>'
    const [out] = await insert(root, plain, 'a.md', [{ name: 'logo.svg', bytes: new TextEncoder().encode(svg) }])
    const written = await readFile(join(root, out?.path ?? ''), 'utf8')
    expect(written).toContain('<circle r="4"')
    expect(written).not.toMatch(/script|onload|javascript/i)
  })

  it.skipIf(process.getuid?.() === 0)('says a read-only folder is read-only, and takes back what it wrote', async () => {
    const root = await site({ 'a.md': '', 'a.assets/old.png': 'x' })
    await chmod(join(root, 'a.assets'), 0o555)
    try {
      await expect(insert(root, plain, 'a.md', [{ name: 'new.png', bytes: cover }])).rejects.toThrow(/a\.assets: the folder is read-only.*Nothing was copied/)
    } finally {
      await chmod(join(root, 'a.assets'), 0o755)
    }
    expect(await readdir(join(root, 'a.assets'))).toEqual(['old.png'])
  })
})
