import { cp, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from '../../../shared/frontmatter'
import { buildFolderSchema, collectionOf, observeHeader, readPins, schemaKeyFor, type FolderSchema, type SchemaKey } from '../../../shared/schema'
import { copySite, open, tempDir } from '../workspace/helpers'

const SAMPLE = fileURLToPath(new URL('../../../resources/sample-content/', import.meta.url))

function keysOf(keys: SchemaKey[]): Record<string, SchemaKey> {
  return Object.fromEntries(keys.map((k) => [k.key, k]))
}

function collection(schema: FolderSchema, name: string): Record<string, SchemaKey> {
  const c = schema.collections.find((x) => x.name === name)
  if (!c) throw new Error(`no collection ${name} in ${schema.collections.map((x) => x.name).join(', ')}`)
  return keysOf(c.keys)
}

describe('folder schema on the fixture sites', () => {
  it('Hexo: posts, drafts and pages; nested categories; the folder date formats', async () => {
    const ws = await open(await copySite('hexo'))
    const schema = await ws.schema()
    expect(schema.collections.map((c) => c.name).sort()).toEqual(['drafts', 'pages', 'posts'])
    const all = keysOf(schema.keys)
    expect(all.title).toMatchObject({ kind: 'text' })
    expect(all.date?.kind).toBe('date')
    // Each format the folder writes, in the date module's patterns, most used first.
    expect(all.date?.dateFormats).toEqual([
      { value: 'YYYY-MM-DD HH:mm:ss', count: 3 },
      { value: 'YYYY/MM/DD HH:mm:ss', count: 1 },
    ])
    expect(all.tags).toMatchObject({ kind: 'taxonomy' })
    expect(all.tags?.values).toEqual(
      expect.arrayContaining([
        { value: '随笔', count: 1 },
        { value: 'travel', count: 1 },
      ]),
    )
    expect(all.categories).toMatchObject({ kind: 'taxonomy', nested: true })
    expect(all.published).toMatchObject({ kind: 'boolean', count: 1 })
    const posts = collection(schema, 'posts')
    // The broken header is not counted; three posts parse.
    expect(posts.title?.presence).toBe(1)
    expect(posts.updated?.presence).toBeCloseTo(1 / 3)
    expect(collection(schema, 'pages').title).toMatchObject({ kind: 'text', count: 1 })
    await ws.close()
  })

  it('Jekyll collections, Hugo sections and Astro collections', async () => {
    const jekyll = await open(await copySite('jekyll'))
    expect((await jekyll.schema()).collections.map((c) => c.name).sort()).toEqual(['drafts', 'pages', 'posts'])
    await jekyll.close()
    const hugo = await open(await copySite('hugo'))
    const hugoSchema = await hugo.schema()
    expect(hugoSchema.collections.map((c) => c.name).sort()).toEqual(['', 'about', 'posts'])
    expect(keysOf(hugoSchema.keys).draft?.kind).toBe('boolean')
    await hugo.close()
    const astro = await open(await copySite('astro'))
    const astroSchema = await astro.schema()
    expect(astroSchema.collections.map((c) => c.name)).toEqual(['blog'])
    expect(keysOf(astroSchema.keys).pubDate?.kind).toBe('date')
    await astro.close()
  })

  it('the sample folder: the form gets a list for tags, an image for thumbnail, a date for date', async () => {
    const dir = await tempDir()
    await cp(SAMPLE, dir, { recursive: true })
    const ws = await open(dir)
    const schema = await ws.schema()
    const posts = collection(schema, 'posts')
    expect(posts.tags).toMatchObject({ kind: 'taxonomy' })
    expect(posts.thumbnail).toMatchObject({ kind: 'image' })
    expect(posts.comments).toMatchObject({ kind: 'boolean' })
    expect(posts.author).toMatchObject({ kind: 'text', values: [{ value: 'The Folio team', count: 1 }] })
    expect(posts.date?.dateFormats.map((f) => f.value).sort()).toEqual(['YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD[T]HH:mm:ss[+08:00]', 'YYYY/M/D H:mm:ss'])
    expect(schemaKeyFor(schema, 'drafts', 'tags')?.kind).toBe('taxonomy')
    // A key only posts have is still found from a draft, through the folder's view.
    expect(schemaKeyFor(schema, 'drafts', 'thumbnail')?.kind).toBe('image')
    // Block lists dominate the sample (3 block, 1 flow).
    expect(schema.listStyle).toEqual({ flow: false, indent: '  ' })
    await ws.close()
  })

  it('is updated by a save and survives the cache', async () => {
    const root = await copySite('hexo')
    const cacheDir = await tempDir('folio-cache-')
    const ws = await open(root, { cacheDir })
    const path = 'source/_posts/2024-03-01-hello-hexo.md'
    const file = await ws.read(path)
    await ws.save(path, file.text.replace('title: 你好，Hexo', 'title: 你好，Hexo\nseries: 入门'), file.hash)
    expect(keysOf((await ws.schema()).keys).series).toMatchObject({ kind: 'taxonomy', values: [{ value: '入门', count: 1 }] })
    await ws.close()
    const again = await open(root, { cacheDir })
    expect(keysOf((await again.schema()).keys).series).toMatchObject({ count: 1 })
    expect(await again.schema()).toEqual(await (await open(root)).schema())
    await again.close()
  })

  it('the schema file pins kinds, adds choices and required keys; its mistakes are named', async () => {
    const root = await copySite('hexo')
    await mkdir(join(root, '.folio'))
    await writeFile(
      join(root, '.folio/schema.yml'),
      'keys:\n  cover: image\n  status: { kind: text, choices: [idea, done] }\n  title: { required: true }\n  mood: feelings\ncollections:\n  posts:\n    updated: { required: true }\n',
    )
    const ws = await open(root)
    const schema = await ws.schema()
    expect(schema.file).toBe('.folio/schema.yml')
    expect(schema.fileErrors).toEqual([expect.stringContaining('mood: "feelings" is not a kind')])
    const all = keysOf(schema.keys)
    expect(all.cover).toMatchObject({ kind: 'image', pinned: true, count: 0 })
    expect(all.status).toMatchObject({ choices: ['idea', 'done'] })
    expect(all.title).toMatchObject({ required: true, kind: 'text', pinned: false })
    expect(collection(schema, 'posts').updated).toMatchObject({ required: true })
    expect(collection(schema, 'pages').updated).toBeUndefined()
    await ws.close()
  })
})

describe('schema parts', () => {
  it('observes kinds from the value and the key, and list styles as written', () => {
    const text =
      '---\ntitle: Hi\nlink: https://example.com/a\ncover: /img/a.png\ntags:\n- a\n- b\ncats: [x, y]\nn: 3\nwhen: 2013/7/13 20:46:25\nmeta: {a: 1}\nempty:\n---\n'
    const fields = observeHeader(text, parse(text))
    expect(fields).toEqual([
      ['title', 'text', ['Hi'], null],
      ['link', 'url', ['https://example.com/a'], null],
      ['cover', 'image', ['/img/a.png'], null],
      ['tags', 'taxonomy', ['a', 'b'], { flow: false, indent: '' }],
      ['cats', 'list', ['x', 'y'], { flow: true }],
      ['n', 'number', ['3'], null],
      ['when', 'date', ['2013/7/13 20:46:25'], null, 'YYYY/M/D H:mm:ss'],
      ['meta', 'object', [], null],
      ['empty', null, [], null],
    ])
  })

  it('takes the dominant kind: a lone string under a list key is its shorthand', () => {
    const schema = buildFolderSchema(
      [
        { path: 'a.md', fields: [['authors', 'list', ['a', 'b'], { flow: true }]] },
        { path: 'b.md', fields: [['authors', 'text', ['c'], null]] },
      ],
      { kind: 'plain', contentRoots: [''] },
    )
    expect(schema.keys[0]).toMatchObject({ key: 'authors', kind: 'list', count: 2, presence: 1, listStyle: { flow: true } })
  })

  it('names collections as each generator does', () => {
    expect(collectionOf('hexo', ['source'], 'source/_posts/a/b.md')).toBe('posts')
    expect(collectionOf('hexo', ['source'], 'source/about/index.md')).toBe('pages')
    expect(collectionOf('jekyll', ['_posts', 'docs/_recipes'], 'docs/_recipes/soup.md')).toBe('recipes')
    expect(collectionOf('hugo', ['content'], 'content/posts/x/index.md')).toBe('posts')
    expect(collectionOf('hugo', ['content'], 'content/_index.md')).toBe('')
    expect(collectionOf('astro', ['src/content'], 'src/content/blog/a.md')).toBe('blog')
    expect(collectionOf('astro', ['src/content', 'src/pages'], 'src/pages/about.md')).toBe('pages')
  })

  it('reports a schema file that does not parse, by line', () => {
    expect(readPins('keys:\n  a: [\n').errors).toEqual([expect.stringMatching(/^\.folio\/schema\.yml line \d+: .*ignored\.$/)])
    expect(readPins('').errors).toEqual([])
  })
})
