/**
 * Bulk edits on temporary copies of fixture sites: renames and merges touch exactly the lines
 * holding the value, undo restores every byte, and files that changed or do not parse are skipped
 * and reported rather than overwritten.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planOperation } from '../../../electron/taxonomy/plan'
import { changedLines, changedPaths, copyFixture, openService, snapshot, tempDir } from './helpers'

const POSTS = 'source/_posts'
const post = (name: string) => `${POSTS}/${name}`

async function text(root: string, path: string): Promise<string> {
  return readFile(join(root, path), 'utf8')
}

describe('rename a value', () => {
  it('rewrites exactly the lines that hold the tag, in every affected file and no other', async () => {
    const { root, service } = await openService(await copyFixture('taxonomy/hexo'))
    const before = await snapshot(root)
    const plan = await service.plan({ kind: 'rename', key: 'tags', from: '前端', to: 'Frontend' })
    const affected = ['block-list.md', 'bom.md', 'crlf.md', 'flow-list.md', 'scalar.md'].map(post)
    expect(plan.files.map((f) => f.path)).toEqual(affected)
    expect(plan.skipped).toEqual([
      {
        path: post('broken.md'),
        reason: expect.stringMatching(/broken\.md: the header does not parse \(line 2/),
        why: expect.objectContaining({ kind: 'header', line: 2 }),
      },
    ])
    // Planning writes nothing.
    expect(changedPaths(before, await snapshot(root))).toEqual([])

    const result = await service.apply(plan.id)
    expect(result.changed).toEqual(affected)
    const after = await snapshot(root)
    expect(changedPaths(before, after)).toEqual(affected)
    // 0-based lines holding the tag in each file (the categories' 前端 in block-list is not a tag).
    const holding: Record<string, number[]> = { 'block-list.md': [4], 'bom.md': [3], 'crlf.md': [4], 'flow-list.md': [3], 'scalar.md': [3] }
    for (const path of affected) {
      const old = before.get(path)?.toString('utf8') ?? ''
      expect(changedLines(old, after.get(path)?.toString('utf8') ?? ''), path).toEqual(holding[path.slice(POSTS.length + 1)])
    }
    // The untouched tags, comment, quotes, CRLF and BOM are exactly as they were.
    expect(await text(root, post('block-list.md'))).toContain("tags:   # topics, most important first\n  - Frontend\n  - 'JavaScript'\n  - 随笔  # essays\n")
    expect(await text(root, post('crlf.md'))).toContain('tags:\r\n  - Frontend\r\n  - 工具\r\n')
    expect((after.get(post('bom.md')) ?? Buffer.alloc(0)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(await text(root, post('flow-list.md'))).toContain('tags: [Frontend, JS, hexo]\n')
    expect(await text(root, post('scalar.md'))).toContain('tag: Frontend\n')
    // The body's mention of the word is prose, not a tag.
    expect(await text(root, post('untagged.md'))).toContain('the body says 前端')
  })

  it('renames a key the index does not read, found by schema inference', async () => {
    const { root, service } = await openService(await copyFixture('taxonomy/hexo'))
    const taxonomy = await service.taxonomy()
    expect(taxonomy.keys.map((k) => k.key)).toEqual(['tags', 'categories', 'keywords'])
    expect(taxonomy.keys[2]?.values).toEqual(
      [
        { value: 'hexo', count: 2, paths: [post('bom.md'), post('nested.md')].sort() },
        { value: '静态网站', count: 1, paths: [post('nested.md')] },
      ].map((v) => ({ ...v, paths: expect.arrayContaining(v.paths) })),
    )
    const plan = await service.plan({ kind: 'rename', key: 'keywords', from: 'hexo', to: 'Hexo' })
    await service.apply(plan.id)
    expect(await text(root, post('nested.md'))).toContain('keywords: [静态网站, Hexo]\n')
    expect(await text(root, post('bom.md'))).toContain('keywords:\n  - Hexo\n')
  })
})

describe('merge values', () => {
  it('merges several tags into one without duplicating it where both were present', async () => {
    const { root, service } = await openService(await copyFixture('taxonomy/hexo'))
    const before = await snapshot(root)
    const plan = await service.plan({ kind: 'merge', key: 'tags', from: ['JS', 'JavaScript', '前端'], to: 'JavaScript' })
    const result = await service.apply(plan.id)
    expect(result.changed).toEqual(['block-list.md', 'bom.md', 'crlf.md', 'flow-list.md', 'nested.md', 'scalar.md'].map(post))
    // block-list had both 前端 and JavaScript: the 前端 line goes, the JavaScript line stays as written.
    const block = await text(root, post('block-list.md'))
    expect(block).toContain("tags:   # topics, most important first\n  - 'JavaScript'\n  - 随笔  # essays\n")
    const old = before.get(post('block-list.md'))?.toString('utf8') ?? ''
    expect(old.replace('  - 前端\n', '')).toBe(block)
    expect(await text(root, post('flow-list.md'))).toContain('tags: [JavaScript, hexo]\n')
    expect(await text(root, post('nested.md'))).toContain('tags:\n- 随笔\n- JavaScript\n')
    const taxonomy = await service.taxonomy()
    const tags = taxonomy.keys.find((k) => k.key === 'tags')?.values.map((v) => [v.value, v.count])
    expect(tags).toEqual([
      ['JavaScript', 6],
      ['随笔', 3],
      ['hexo', 1],
      ['工具', 1],
    ])
  })
})

describe('Hexo categories', () => {
  it('lists categories as a tree and moves a subcategory to the top level', async () => {
    const { root, service } = await openService(await copyFixture('taxonomy/hexo'))
    const categories = (await service.taxonomy()).keys.find((k) => k.key === 'categories')
    expect(categories?.tree?.map((n) => [n.name, n.count, n.children.map((c) => [c.name, c.count])])).toEqual([
      [
        '技术',
        3,
        [
          ['前端', 2],
          ['后端', 1],
        ],
      ],
      ['生活', 2, []],
    ])
    const plan = await service.plan({ kind: 'move-category', from: ['技术', '前端'], toParent: [] })
    expect(plan.files.map((f) => [f.path, f.hunks])).toEqual([
      [post('block-list.md'), [{ line: 9, removed: ['  - 技术'], added: [] }]],
      [post('nested.md'), [{ line: 8, removed: ['  - [技术, 前端]'], added: ['  - [前端]'] }]],
    ])
    await service.apply(plan.id)
    const tree = (await service.taxonomy()).keys.find((k) => k.key === 'categories')?.tree
    expect(tree?.map((n) => [n.name, n.count, n.children.map((c) => c.name)])).toEqual([
      ['前端', 2, []],
      ['生活', 2, []],
      ['技术', 1, ['后端']],
    ])
    expect(await text(root, post('block-list.md'))).toContain('categories:\n  - 前端\n---')
  })

  it('renames a category node given as a path, keeping its children', async () => {
    const { root, service } = await openService(await copyFixture('taxonomy/hexo'))
    const plan = await service.plan({ kind: 'rename', key: 'categories', from: '技术', to: 'Tech' })
    await service.apply(plan.id)
    expect(await text(root, post('flow-list.md'))).toContain('categories: [Tech, 后端]\n')
    expect(await text(root, post('nested.md'))).toContain('  - [Tech, 前端]\n  - 生活\n')
    expect(await text(root, post('scalar.md'))).toContain('category: 生活\n')
  })

  it('refuses to move a category inside itself', async () => {
    const { service } = await openService(await copyFixture('taxonomy/hexo'))
    await expect(service.plan({ kind: 'move-category', from: ['技术'], toParent: ['技术', '前端'] })).rejects.toThrow(/inside itself/)
  })
})

describe('delete a value', () => {
  it('removes the item line, or the key when it was the only value', async () => {
    const { root, service } = await openService(await copyFixture('taxonomy/hexo'))
    const plan = await service.plan({ kind: 'delete', key: 'tags', value: '前端' })
    await service.apply(plan.id)
    expect(await text(root, post('block-list.md'))).toContain("tags:   # topics, most important first\n  - 'JavaScript'\n")
    expect(await text(root, post('scalar.md'))).toBe('---\ntitle: 单个标签\ndate: 2024-01-03 10:00:00\ncategory: 生活\n---\n只有一个标签。\n')
  })
})

describe('apply and undo', () => {
  it('undo restores every file byte for byte', async () => {
    const { root, service } = await openService(await copyFixture('taxonomy/hexo'))
    const before = await snapshot(root)
    const plan = await service.plan({ kind: 'merge', key: 'tags', from: ['前端', 'JS'], to: '前端开发' })
    const result = await service.apply(plan.id)
    expect(result.changed.length).toBe(6)
    const undone = await service.undo(result.id)
    expect(undone.changed).toEqual(result.changed)
    expect(undone.skipped).toEqual([])
    const after = await snapshot(root)
    expect(changedPaths(before, after)).toEqual([])
    // An undo is spent once used.
    await expect(service.undo(result.id)).rejects.toThrow(/no bulk edit .* to undo/)
  })

  it('undo works after the folder is opened again, from the journal on disk', async () => {
    const site = await copyFixture('taxonomy/hexo')
    const first = await openService(site)
    const before = await snapshot(first.root)
    const plan = await first.service.plan({ kind: 'rename', key: 'tags', from: '随笔', to: '散文' })
    const result = await first.service.apply(plan.id)
    await first.workspace.close()
    const again = await openService(site, first.journalDir)
    expect((await again.service.undo(result.id)).changed).toEqual(result.changed)
    expect(changedPaths(before, await snapshot(again.root))).toEqual([])
  })

  it('keeps its journals private to the user (0600), whatever the umask', async () => {
    const { service, journalDir } = await openService(await copyFixture('taxonomy/hexo'))
    const previous = process.umask(0o022)
    try {
      const plan = await service.plan({ kind: 'rename', key: 'tags', from: '随笔', to: '散文' })
      await service.apply(plan.id)
    } finally {
      process.umask(previous)
    }
    const journals = (await readdir(journalDir)).filter((name) => name.startsWith('bulk-'))
    expect(journals.length).toBe(1)
    for (const name of journals) expect((await stat(join(journalDir, name))).mode & 0o777).toBe(0o600)
  })

  it('skips and reports a file edited on disk between the preview and apply', async () => {
    const { root, service } = await openService(await copyFixture('taxonomy/hexo'))
    const plan = await service.plan({ kind: 'rename', key: 'tags', from: '前端', to: 'Frontend' })
    const edited = (await text(root, post('flow-list.md'))).replace('后端文章。', '后端文章，已修改。')
    await writeFile(join(root, post('flow-list.md')), edited)
    const result = await service.apply(plan.id)
    expect(result.changed).not.toContain(post('flow-list.md'))
    expect(result.changed).toHaveLength(4)
    expect(result.skipped).toEqual([
      { path: post('broken.md'), reason: expect.stringMatching(/does not parse/), why: expect.objectContaining({ kind: 'header' }) },
      { path: post('flow-list.md'), reason: expect.stringMatching(/flow-list\.md changed on disk since the preview/), why: { kind: 'changed' } },
    ])
    expect(await text(root, post('flow-list.md'))).toBe(edited)
    // A preview is applied once.
    await expect(service.apply(plan.id)).rejects.toThrow(/Preview the edit again/)
  })

  it('undo leaves a file changed after the edit alone and reports it', async () => {
    const { root, service } = await openService(await copyFixture('taxonomy/hexo'))
    const before = await snapshot(root)
    const plan = await service.plan({ kind: 'rename', key: 'tags', from: 'JS', to: 'JavaScript' })
    const result = await service.apply(plan.id)
    const later = (await text(root, post('nested.md'))) + 'A later edit.\n'
    await writeFile(join(root, post('nested.md')), later)
    const undone = await service.undo(result.id)
    expect(undone.changed).toEqual([post('flow-list.md')])
    expect(undone.skipped).toEqual([{ path: post('nested.md'), reason: expect.stringMatching(/changed after the bulk edit/), why: { kind: 'changed-after' } }])
    expect(await text(root, post('nested.md'))).toBe(later)
    expect(changedPaths(before, await snapshot(root))).toEqual([post('nested.md')])
  })
})

describe('bulk field edits on a selection', () => {
  const selection = [post('flow-list.md'), post('nested.md'), post('untagged.md')]

  it('sets, adds to a list, removes from a list and unsets, touching only the selected files', async () => {
    const { root, service } = await openService(await copyFixture('taxonomy/hexo'))
    const before = await snapshot(root)
    const apply = async (op: Parameters<typeof service.plan>[0]) => service.apply((await service.plan(op)).id)

    expect((await apply({ kind: 'set', paths: selection, key: 'author', value: '张三' })).changed).toEqual(selection)
    expect((await apply({ kind: 'add-to-list', paths: selection, key: 'tags', value: 'JS' })).changed).toEqual([post('untagged.md')])
    expect(await text(root, post('untagged.md'))).toBe(
      '---\ntitle: 没有标签\ndate: 2024-01-07 10:00:00\nauthor: 张三\ntags:\n  - JS\n---\nNothing to rename here, though the body says 前端.\n',
    )
    expect((await apply({ kind: 'remove-from-list', paths: selection, key: 'tags', value: 'JS' })).changed).toEqual(selection)
    expect(await text(root, post('nested.md'))).toContain('tags:\n- 随笔\ncategories:')
    expect((await apply({ kind: 'unset', paths: selection, key: 'author' })).changed).toEqual(selection)
    expect((await apply({ kind: 'unset', paths: selection, key: 'tags' })).changed).toEqual([post('flow-list.md'), post('nested.md'), post('untagged.md')])
    expect(await text(root, post('flow-list.md'))).toBe('---\ntitle: 行内列表\ndate: 2024-01-02 10:00:00\ncategories: [技术, 后端]\n---\n后端文章。\n')
    const changed = changedPaths(before, await snapshot(root))
    expect(changed.every((p) => selection.includes(p))).toBe(true)
  })

  it('refuses a path that is not an article of the folder', async () => {
    const { service } = await openService(await copyFixture('taxonomy/hexo'))
    await expect(service.plan({ kind: 'unset', paths: ['../outside.md'], key: 'tags' })).rejects.toThrow(/not an article of this folder/)
  })

  it('reports a selected file whose header does not parse', async () => {
    const { service } = await openService(await copyFixture('taxonomy/hexo'))
    const plan = await service.plan({ kind: 'set', paths: [post('broken.md'), post('scalar.md')], key: 'draft', value: 'yes' })
    expect(plan.files.map((f) => f.path)).toEqual([post('scalar.md')])
    expect(plan.skipped.map((s) => s.path)).toEqual([post('broken.md')])
  })
})

describe('other sites', () => {
  it('renames a Jekyll tag in a space-separated list and a TOML array in Hugo', async () => {
    const jekyll = await openService(await copyFixture('sites/jekyll'))
    const tags = (await jekyll.service.taxonomy()).keys.find((k) => k.key === 'tags')?.values ?? []
    const first = tags[0]
    expect(first).toBeDefined()
    const plan = await jekyll.service.plan({ kind: 'rename', key: 'tags', from: first?.value ?? '', to: '新标签' })
    expect(plan.files.length).toBe(first?.count)
    for (const file of plan.files) {
      expect(file.hunks).toHaveLength(1)
      expect(file.hunks[0]?.removed.length).toBe(file.hunks[0]?.added.length)
    }
    const hugo = await openService(await copyFixture('sites/hugo'))
    const hugoTags = (await hugo.service.taxonomy()).keys.find((k) => k.key === 'tags')?.values ?? []
    for (const value of hugoTags) {
      const p = await hugo.service.plan({ kind: 'rename', key: 'tags', from: value.value, to: `${value.value}-2` })
      expect(p.files.length).toBe(value.count)
      await hugo.service.apply(p.id)
    }
    const renamed = (await hugo.service.taxonomy()).keys.find((k) => k.key === 'tags')?.values.map((v) => v.value)
    expect(renamed?.sort()).toEqual(hugoTags.map((v) => `${v.value}-2`).sort())
  })
})

describe('a plan answered page first', () => {
  it('computes the first page before answering and the rest in the background', async () => {
    const { root, workspace } = await openService(await copyFixture('taxonomy/hexo'))
    const source = { root, kind: workspace.info.kind, articles: await workspace.list() }
    const op = { kind: 'rename', key: 'tags', from: '前端', to: 'Frontend' } as const
    const paged = await planOperation(source, op, 'paged', 2)
    expect(paged.files).toHaveLength(2)
    expect(paged.pending).toBeGreaterThan(0)
    await paged.done
    expect(paged.pending).toBe(0)
    const whole = await planOperation(source, op, 'whole')
    expect(paged.files.map((f) => [f.path, f.hunks])).toEqual(whole.files.map((f) => [f.path, f.hunks]))
    expect(paged.skipped).toEqual(whole.skipped)
  })

  it('tells the exact number of files once the rest is computed (224, not the first page of 200)', async () => {
    const root = await tempDir('folio-bulk-count-')
    for (let i = 0; i < 224; i++) await writeFile(join(root, `p${i}.md`), `---\ntitle: Post ${i}\ntags: [old, other]\n---\n\nBody ${i}\n`)
    await writeFile(join(root, 'broken.md'), '---\ntitle: [old\ntags: [old]\n---\n')
    const { service } = await openService(root)
    const plan = await service.plan({ kind: 'rename', key: 'tags', from: 'old', to: 'new' })
    expect(plan.files.length).toBe(200)
    expect(plan.pending).toBe(24)
    const totals = await service.totals(plan.id)
    expect(totals.files).toBe(224)
    expect(totals.skipped.map((s) => s.path)).toEqual(['broken.md'])
    expect((await service.apply(plan.id)).changed).toHaveLength(224)
  })
})
