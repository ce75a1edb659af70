import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createMoveService } from '../../../electron/links/move'
import { createTaxonomyService } from '../../../electron/taxonomy/service'
import { openWorkspace, type Workspace } from '../../../electron/workspace/workspace'
import { folderWith } from '../export/helpers'

const open: Workspace[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((ws) => ws.close()))
})

async function services(root: string) {
  const ws = await openWorkspace({ root, trash: async () => undefined })
  open.push(ws)
  const bulk = createTaxonomyService(ws, { journalDir: null })
  return { ws, bulk, move: createMoveService(ws, bulk) }
}

const read = (root: string, rel: string): Promise<string> => readFile(join(root, rel), 'utf8')
const gone = (root: string, rel: string): Promise<boolean> =>
  stat(join(root, rel)).then(
    () => false,
    () => true,
  )

const HEXO_SITE = {
  '_config.yml': 'title: t\npost_asset_folder: true\n',
  'package.json': '{"dependencies":{"hexo":"^7.0.0"}}',
  'source/_posts/welcome-to-folio.md':
    '---\r\ntitle: Welcome\r\nthumbnail: welcome-to-folio/cover.svg # the card\r\n---\r\n![cover](welcome-to-folio/cover.svg)\r\n{% asset_img cover.svg %}\r\n',
  'source/_posts/welcome-to-folio/cover.svg': '<svg/>',
  'source/_posts/other.md': '---\ntitle: Other\n---\nRead {% post_link welcome-to-folio %}.\n\nAnd [again](welcome-to-folio.md).\n',
  'source/_posts/broken.md': '---\ntitle: [oops\n---\n{% post_link welcome-to-folio %}\n',
  'source/_posts/unrelated.md': '---\ntitle: Unrelated\n---\nNothing here.\n',
}

describe('rename keeping links whole, over a real folder', () => {
  it('previews every file and line, moves the post with its asset folder, rewrites only the targets, and undoes byte for byte', async () => {
    const root = await folderWith(HEXO_SITE)
    const { bulk, move } = await services(root)
    const plan = await move.plan('source/_posts/welcome-to-folio.md', 'source/_posts/hello.md')
    expect(plan.folder).toEqual({ from: 'source/_posts/welcome-to-folio', to: 'source/_posts/hello' })
    expect(plan.files.map((f) => f.path)).toEqual(['source/_posts/other.md', 'source/_posts/welcome-to-folio.md'])
    expect(plan.files[0]?.hunks).toEqual([
      { line: 4, removed: ['Read {% post_link welcome-to-folio %}.'], added: ['Read {% post_link hello %}.'] },
      { line: 6, removed: ['And [again](welcome-to-folio.md).'], added: ['And [again](hello.md).'] },
    ])
    expect(plan.files[1]?.hunks.map((h) => h.line)).toEqual([3, 5])
    expect(plan.skipped).toEqual([
      {
        path: 'source/_posts/broken.md',
        reason: expect.stringContaining('the header does not parse (line 2'),
        // The kind and line, for the dialog to say it in the UI's language.
        why: expect.objectContaining({ kind: 'header', line: 2 }),
      },
    ])
    // Nothing was written by the preview.
    expect(await read(root, 'source/_posts/welcome-to-folio.md')).toBe(HEXO_SITE['source/_posts/welcome-to-folio.md'])

    const result = await move.apply(plan.id, [])
    expect(result.changed.sort()).toEqual(['source/_posts/hello.md', 'source/_posts/other.md'])
    expect(await gone(root, 'source/_posts/welcome-to-folio.md')).toBe(true)
    expect(await read(root, 'source/_posts/hello/cover.svg')).toBe('<svg/>')
    expect(await read(root, 'source/_posts/hello.md')).toBe(
      '---\r\ntitle: Welcome\r\nthumbnail: hello/cover.svg # the card\r\n---\r\n![cover](hello/cover.svg)\r\n{% asset_img cover.svg %}\r\n',
    )
    expect(await read(root, 'source/_posts/other.md')).toBe('---\ntitle: Other\n---\nRead {% post_link hello %}.\n\nAnd [again](hello.md).\n')
    expect(await read(root, 'source/_posts/broken.md')).toBe(HEXO_SITE['source/_posts/broken.md'])

    const undone = await bulk.undo(result.id)
    expect(undone.skipped).toEqual([])
    for (const [rel, text] of Object.entries(HEXO_SITE)) expect(await read(root, rel)).toBe(text)
    expect(await gone(root, 'source/_posts/hello.md')).toBe(true)
    expect(await gone(root, 'source/_posts/hello')).toBe(true)
  })

  it('leaves out excluded files and files changed since the preview, naming the changed one', async () => {
    const root = await folderWith({
      'a.md': '# A\n![](img/p.png)\n',
      'b.md': '[p](img/p.png)\n',
      'c.md': '<img src="img/p.png">\n',
      'img/p.png': 'png',
    })
    const { move } = await services(root)
    const plan = await move.plan('img/p.png', 'media/photo 1.png')
    expect(plan.files.map((f) => f.path)).toEqual(['a.md', 'b.md', 'c.md'])
    await writeFile(join(root, 'b.md'), '[p](img/p.png) edited elsewhere\n')
    const result = await move.apply(plan.id, ['c.md'])
    expect(result.changed).toEqual(['a.md'])
    expect(result.skipped).toEqual([{ path: 'b.md', reason: expect.stringContaining('changed on disk since the preview'), why: { kind: 'changed' } }])
    expect(await read(root, 'a.md')).toBe('# A\n![](<media/photo 1.png>)\n')
    expect(await read(root, 'b.md')).toBe('[p](img/p.png) edited elsewhere\n')
    expect(await read(root, 'c.md')).toBe('<img src="img/p.png">\n')
    expect(await read(root, 'media/photo 1.png')).toBe('png')
  })

  it('refuses a rename whose asset folder would land on an existing empty folder, which the rename would not move into', async () => {
    const root = await folderWith(HEXO_SITE)
    await mkdir(join(root, 'source/_posts/hello'))
    const { move } = await services(root)
    await expect(move.plan('source/_posts/welcome-to-folio.md', 'source/_posts/hello.md')).rejects.toMatchObject({
      code: 'EXISTS',
      path: 'source/_posts/hello',
    })
    expect(await read(root, 'source/_posts/other.md')).toBe(HEXO_SITE['source/_posts/other.md'])
    expect(await gone(root, 'source/_posts/welcome-to-folio/cover.svg')).toBe(false)
  })

  it('refuses a name that is taken or leaves the folder, before anything is written', async () => {
    const root = await folderWith({ 'a.md': '# A\n', 'b.md': '[a](a.md)\n' })
    const { move } = await services(root)
    await expect(move.plan('a.md', 'b.md')).rejects.toMatchObject({ code: 'EXISTS' })
    await expect(move.plan('a.md', '../a.md')).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
    await expect(move.plan('a.md', 'a')).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
    await expect(move.plan('nope.md', 'c.md')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await read(root, 'b.md')).toBe('[a](a.md)\n')
  })

  it('rewrites an article with unsaved edits in its editor text, hands the changes back and never writes it', async () => {
    const root = await folderWith({
      'a.md': '# A\n![](img/p.png)\n',
      'b.md': '---\ntitle: B\n---\nOld body.\n',
      'c.md': '---\ntitle: [oops\n---\n',
      'img/p.png': 'png',
    })
    const { move } = await services(root)
    // a.md was edited around its link; b.md mentions the image only in its unsaved text.
    const buffers = [
      { path: 'a.md', text: '# A, edited\n![](img/p.png) and more\n' },
      { path: 'b.md', text: '---\ntitle: B\n---\nNew body ![](img/p.png).\n' },
      { path: 'c.md', text: '---\ntitle: [oops\n---\n![](img/p.png)\n' },
    ]
    const plan = await move.plan('img/p.png', 'img/q.png', buffers)
    expect(plan.files).toEqual([
      {
        path: 'a.md',
        hunks: [{ line: 2, removed: ['![](img/p.png) and more'], added: ['![](img/q.png) and more'] }],
        buffer: { changes: [{ from: 16, to: 25, insert: 'img/q.png' }] },
      },
      {
        path: 'b.md',
        hunks: [{ line: 4, removed: ['New body ![](img/p.png).'], added: ['New body ![](img/q.png).'] }],
        buffer: { changes: [expect.anything()] },
      },
    ])
    expect(plan.skipped).toEqual([
      { path: 'c.md', reason: expect.stringContaining('unsaved edits whose header does not parse'), why: expect.objectContaining({ kind: 'header', line: 2 }) },
    ])
    const result = await move.apply(plan.id, [])
    expect(result.changed).toEqual([])
    expect(await read(root, 'a.md')).toBe('# A\n![](img/p.png)\n')
    expect(await read(root, 'img/q.png')).toBe('png')
    expect(await gone(root, 'img/p.png')).toBe(true)
  })
})
