/**
 * A Hugo leaf page turned into a page bundle so an image can sit beside it: `leafBundle` names the
 * bundle, the one rename path (plan, apply, undo) moves the page keeping its bytes and rewrites
 * what pointed to it, and the image then lands beside index.md.
 */
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createMoveService } from '../../../electron/links/move'
import { insertImages } from '../../../electron/media/insert'
import { createTaxonomyService } from '../../../electron/taxonomy/service'
import { createGuard } from '../../../electron/workspace/guard'
import { openWorkspace, type Workspace } from '../../../electron/workspace/workspace'
import { DEFAULT_INSERT_SETTINGS, leafBundle, type AssetRules } from '../../../shared/assets'
import { folderWith } from '../export/helpers'
import { png } from '../media/images'

const open: Workspace[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((ws) => ws.close()))
})

const HUGO: AssetRules = { kind: 'hugo', postAssetFolder: false, sourceDir: 'content' }

/** A small Hugo site: a leaf page with CRLF and a BOM, a page linking it by relref and by path, a bundle. */
const LEAF = '\ufeff+++\r\ntitle = "海边"\r\n+++\r\n\r\nThe sea.\r\n'
const SITE = {
  'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "Bench"\n',
  'content/posts/sea.md': LEAF,
  'content/posts/other.md': '---\ntitle: Other\n---\nSee [the sea]({{< relref "posts/sea.md" >}}) and [again](../sea/).\n',
  'content/posts/trip/index.md': '---\ntitle: Trip\n---\n',
}

describe('a Hugo leaf page becomes a page bundle', () => {
  it('names the bundle only for a Hugo leaf page', () => {
    expect(leafBundle('content/posts/sea.md', HUGO)).toBe('content/posts/sea/index.md')
    expect(leafBundle('content/posts/旅行.markdown', HUGO)).toBe('content/posts/旅行/index.markdown')
    expect(leafBundle('content/posts/trip/index.md', HUGO)).toBeNull()
    expect(leafBundle('content/posts/_index.md', HUGO)).toBeNull()
    expect(leafBundle('source/_posts/sea.md', { kind: 'hexo', postAssetFolder: true, sourceDir: 'source' })).toBeNull()
  })

  it('moves through the rename path keeping the bytes, rewrites links to it, takes the image beside index.md, and undoes', async () => {
    const root = await folderWith(SITE)
    const ws = await openWorkspace({ root, trash: async () => undefined })
    open.push(ws)
    expect(ws.info.assets?.kind).toBe('hugo')
    const bulk = createTaxonomyService(ws, { journalDir: null })
    const move = createMoveService(ws, bulk)
    const to = leafBundle('content/posts/sea.md', ws.info.assets!)!
    const plan = await move.plan('content/posts/sea.md', to)
    const result = await move.apply(plan.id, [])
    expect(await readFile(join(root, to))).toEqual(Buffer.from(LEAF))
    await expect(stat(join(root, 'content/posts/sea.md'))).rejects.toThrow()
    const other = await readFile(join(root, 'content/posts/other.md'), 'utf8')
    // The rename rewrite's own form: relative to the linking page, as Hugo reads a relref first.
    expect(other).toBe('---\ntitle: Other\n---\nSee [the sea]({{< relref "sea/index.md" >}}) and [again](../sea/).\n')

    const [image] = await insertImages(await createGuard(root), ws.info.assets!, to, [{ name: '海.png', bytes: png(3, 3) }], DEFAULT_INSERT_SETTINGS)
    expect(image).toEqual({ path: 'content/posts/sea/海.png', link: '![海](海.png)', reused: false })
    expect(await readFile(join(root, 'content/posts/sea/海.png'))).toEqual(png(3, 3))

    await bulk.undo(result.id)
    expect(await readFile(join(root, 'content/posts/sea.md'))).toEqual(Buffer.from(LEAF))
    expect(await readFile(join(root, 'content/posts/other.md'), 'utf8')).toBe(SITE['content/posts/other.md'])
  })
})

describe('undoing a Hugo leaf page made a bundle', () => {
  /** The page made a bundle through the rename path and an image inserted beside index.md, as the app does. */
  async function converted() {
    const root = await folderWith(SITE)
    const ws = await openWorkspace({ root, trash: async () => undefined })
    open.push(ws)
    const bulk = createTaxonomyService(ws, { journalDir: null })
    const move = createMoveService(ws, bulk)
    const to = leafBundle('content/posts/sea.md', ws.info.assets!)!
    const result = await move.apply((await move.plan('content/posts/sea.md', to)).id, [])
    const written = new Map<string, string>()
    const guard = await createGuard(root)
    const [image] = await insertImages(
      guard,
      ws.info.assets!,
      to,
      [{ name: '海.png', bytes: png(3, 3) }],
      DEFAULT_INSERT_SETTINGS,
      new Date(),
      undefined,
      (abs, hash) => written.set(abs, hash),
    )
    const undo = (images = [image!.path]) => move.undoBundle(result.id, images, (abs) => written.get(abs))
    return { root, undo, image: image! }
  }
  const gone = (path: string) =>
    stat(path).then(
      () => false,
      () => true,
    )

  it('restores the leaf page byte for byte and the links, and removes the image and the folder', async () => {
    const { root, undo } = await converted()
    const undone = await undo()
    expect(undone.removed).toEqual(['content/posts/sea/海.png'])
    expect(undone.kept).toEqual([])
    expect(await readFile(join(root, 'content/posts/sea.md'))).toEqual(Buffer.from(LEAF))
    expect(await readFile(join(root, 'content/posts/other.md'), 'utf8')).toBe(SITE['content/posts/other.md'])
    expect(await gone(join(root, 'content/posts/sea'))).toBe(true)
    // Once: a second undo finds nothing to undo.
    await expect(undo()).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('keeps the folder with a file put there since, and never removes a file no insert wrote', async () => {
    const { root, undo } = await converted()
    await writeFile(join(root, 'content/posts/sea/notes.txt'), 'mine')
    await writeFile(join(root, 'content/posts/sea/drawn.png'), png(2, 2))
    const undone = await undo(['content/posts/sea/海.png', 'content/posts/sea/drawn.png', 'content/posts/sea/notes.txt', 'content/posts/other.md'])
    expect(undone.removed).toEqual(['content/posts/sea/海.png'])
    expect(undone.kept).toEqual(['content/posts/sea/drawn.png', 'content/posts/sea/notes.txt'])
    expect(await readFile(join(root, 'content/posts/sea/notes.txt'), 'utf8')).toBe('mine')
    expect(await readFile(join(root, 'content/posts/sea.md'))).toEqual(Buffer.from(LEAF))
    expect(await readFile(join(root, 'content/posts/other.md'), 'utf8')).toBe(SITE['content/posts/other.md'])
  })

  it('refuses, changing nothing, when a rewritten file, the page or the image changed since', async () => {
    for (const change of ['content/posts/other.md', 'content/posts/sea/index.md', 'content/posts/sea/海.png']) {
      const { root, undo } = await converted()
      const before = { other: await readFile(join(root, 'content/posts/other.md')), page: await readFile(join(root, 'content/posts/sea/index.md')) }
      await appendFile(join(root, change), 'x')
      const changed = { other: await readFile(join(root, 'content/posts/other.md')), page: await readFile(join(root, 'content/posts/sea/index.md')) }
      await expect(undo()).rejects.toMatchObject({ code: 'CONFLICT', reason: 'bundle-undo-changed', params: { paths: change } })
      expect(await gone(join(root, 'content/posts/sea.md'))).toBe(true)
      expect(await readFile(join(root, 'content/posts/other.md'))).toEqual(changed.other)
      expect(await readFile(join(root, 'content/posts/sea/index.md'))).toEqual(changed.page)
      expect(before.other.equals(changed.other)).toBe(change !== 'content/posts/other.md')
      expect(await gone(join(root, 'content/posts/sea/海.png'))).toBe(false)
    }
  })
})
