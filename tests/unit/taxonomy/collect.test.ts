import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { collectTaxonomy, type HeaderCache } from '../../../electron/taxonomy/collect'
import { open } from '../workspace/helpers'
import { tempDir } from './helpers'

const POSTS = 'source/_posts'

async function hexoSite(posts: Record<string, string>): Promise<string> {
  const root = await tempDir('folio-collect-')
  await writeFile(join(root, '_config.yml'), 'title: 博客\n')
  await writeFile(join(root, 'package.json'), '{"dependencies": {"hexo": "^7.0.0"}}')
  await mkdir(join(root, POSTS), { recursive: true })
  for (const [name, text] of Object.entries(posts)) await writeFile(join(root, POSTS, name), text)
  return root
}

describe('collectTaxonomy', () => {
  it('counts tags, and Hexo categories as a tree where an article in A › B is in A too', async () => {
    const root = await hexoSite({
      'a.md': '---\ntitle: A\ntags: [前端, CSS]\ncategories: [技术, Frontend]\n---\n',
      'b.md': '---\ntitle: B\ntags: 前端\ncategories: 技术\n---\n',
      'c.md': '---\ntitle: C\ncategories:\n  - [随笔]\n  - [技术, Backend]\n---\n',
    })
    const ws = await open(root)
    const taxonomy = await collectTaxonomy(ws.info.root, 'hexo', await ws.list(), new Map())
    const [tags, categories] = taxonomy.keys
    expect(tags?.values.map((v) => [v.value, v.count])).toEqual([
      ['前端', 2],
      ['CSS', 1],
    ])
    expect(categories?.tree).toEqual([
      {
        name: '技术',
        path: ['技术'],
        count: 3,
        children: [
          { name: 'Backend', path: ['技术', 'Backend'], count: 1, children: [] },
          { name: 'Frontend', path: ['技术', 'Frontend'], count: 1, children: [] },
        ],
      },
      { name: '随笔', path: ['随笔'], count: 1, children: [] },
    ])
  })

  it('adds other keys whose values are mostly lists (a tie goes to the list), most used first', async () => {
    const root = await hexoSite({
      'a.md': '---\nseries: [入门]\nkeywords: [x]\nauthors: [甲, 乙]\n---\n',
      'b.md': '---\nseries: 入门\nkeywords: y\nauthors: [甲]\n---\n',
      'c.md': '---\nkeywords: z\nauthors: [乙]\n---\n',
    })
    const ws = await open(root)
    const taxonomy = await collectTaxonomy(ws.info.root, 'hexo', await ws.list(), new Map())
    expect(taxonomy.keys.map((k) => k.key)).toEqual(['tags', 'categories', 'authors', 'series'])
    expect(taxonomy.keys[2]?.values.map((v) => [v.value, v.count, v.paths.length])).toEqual([
      ['乙', 2, 2],
      ['甲', 2, 2],
    ])
  })

  it('reads a header again only when its file changed, and forgets articles no longer listed', async () => {
    const root = await hexoSite({ 'a.md': '---\nseries: [一]\n---\n', 'b.md': '---\nseries: [二]\n---\n' })
    const ws = await open(root)
    const cache: HeaderCache = new Map()
    await collectTaxonomy(ws.info.root, 'hexo', await ws.list(), cache)
    const first = cache.get(`${POSTS}/a.md`)
    expect(first).toBeDefined()
    const listed = await ws.list()
    await collectTaxonomy(ws.info.root, 'hexo', listed, cache)
    expect(cache.get(`${POSTS}/a.md`)).toBe(first)
    const changed = listed.map((a) => (a.path === `${POSTS}/a.md` ? { ...a, mtimeMs: a.mtimeMs + 1 } : a))
    await writeFile(join(root, POSTS, 'a.md'), '---\nseries: [三]\n---\n')
    const after = await collectTaxonomy(ws.info.root, 'hexo', changed, cache)
    expect(after.keys[2]?.values.map((v) => v.value)).toEqual(['三', '二'])
    await collectTaxonomy(ws.info.root, 'hexo', changed.slice(0, 1), cache)
    expect([...cache.keys()]).toEqual([changed[0]?.path])
  })

  it('skips an article deleted since it was listed', async () => {
    const root = await hexoSite({ 'a.md': '---\nseries: [一]\n---\n', 'gone.md': '---\nseries: [二]\n---\n' })
    const ws = await open(root)
    const listed = await ws.list()
    await rm(join(root, POSTS, 'gone.md'))
    const taxonomy = await collectTaxonomy(ws.info.root, 'hexo', listed, new Map())
    expect(taxonomy.keys[2]?.values.map((v) => v.value)).toEqual(['一'])
  })
})
