/**
 * Sites read the way their generators read them (shared/sites): generated folders shaped like
 * real sites (Jekyll's own docs with collections and pages, a Chinese Hexo blog with its quirks,
 * an Eleventy site with an input folder), listed, indexed and edited through the `folio` command.
 */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli'
import { openWorkspace } from '../../../electron/workspace/workspace'
import { tempDir } from './helpers'

async function writeSite(files: Record<string, string>): Promise<string> {
  const root = join(await tempDir('folio-site-rules-'), 'site')
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, rel)), { recursive: true })
    await writeFile(join(root, rel), text)
  }
  return root
}

async function folio(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: '/' })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

interface Entry {
  path: string
  title: string | null
  tags: string[]
  categories: string[][]
  draft: boolean
  error: null | { code: string; message: string; line: number }
}

async function index(root: string): Promise<Map<string, Entry>> {
  const r = await folio('index', root, '--json')
  expect(r.err).toBe('')
  return new Map((JSON.parse(r.out) as Entry[]).map((e) => [e.path, e]))
}

const page = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n\nBody of ${title}.\n`

/** Shaped like Jekyll's own docs: rendered collections, pages in folders, posts in a subfolder. */
function jekyllDocs(collectionsDir = ''): Record<string, string> {
  const c = (rel: string) => (collectionsDir ? `${collectionsDir}/${rel}` : rel)
  const files: Record<string, string> = {
    Gemfile: "source 'https://rubygems.org'\ngem 'jekyll'\n",
    '_config.yml': [
      'title: Docs',
      ...(collectionsDir ? [`collections_dir: ${collectionsDir}`] : []),
      'collections:',
      '  docs:',
      '    permalink: /:collection/:path/',
      '    output: true',
      '  tutorials:',
      '    output: true',
      '  authors:',
      '    output: false',
      '  posts:',
      '    permalink: /news/:year/',
      'exclude:',
      '  - scripts/',
      '',
    ].join('\n'),
    'index.html': page('Home', 'layout: home\n'),
    'community/index.md': page('Community'),
    'resources.md': page('Resources'),
    'README.md': '# Docs\n\nNo header: Jekyll copies this file as it is.\n',
    '_layouts/default.html': '---\n---\n<html>{{ content }}</html>\n',
    '_includes/footer.html': '<footer></footer>\n',
    '_data/nav.yml': '- title: Docs\n',
    '_site/index.html': page('Built'),
    'vendor/bundle/gem/README.md': page('Vendored'),
    'scripts/notes.md': page('Excluded'),
    [c('_docs/index.md')]: page('Quickstart'),
    [c('_docs/installation/ubuntu.md')]: page('Ubuntu'),
    [c('_docs/configuration/options.md')]: page('Options'),
    [c('_docs/_partial.md')]: page('Partial'),
    [c('_tutorials/convert-site.md')]: page('Convert a site'),
    [c('_tutorials/navigation.md')]: page('Navigation'),
    [c('_authors/someone.md')]: page('Someone'),
    [c('_posts/2024-01-05-release.md')]: page('Release'),
    [c('_drafts/next.md')]: page('Next'),
  }
  files['news/_posts/2023-06-01-older-release.md'] = page('Older release')
  return files
}

const JEKYLL_LISTED = [
  'index.html',
  'community/index.md',
  'resources.md',
  '_docs/index.md',
  '_docs/installation/ubuntu.md',
  '_docs/configuration/options.md',
  '_tutorials/convert-site.md',
  '_tutorials/navigation.md',
  '_posts/2024-01-05-release.md',
  '_drafts/next.md',
  'news/_posts/2023-06-01-older-release.md',
]

describe('Jekyll: collections, pages and posts', () => {
  it('lists every article with a header: rendered collections, pages, posts and drafts', async () => {
    const list = await index(await writeSite(jekyllDocs()))
    expect([...list.keys()].sort()).toEqual([...JEKYLL_LISTED].sort())
    expect(list.get('_drafts/next.md')?.draft).toBe(true)
    expect(list.get('_docs/installation/ubuntu.md')?.title).toBe('Ubuntu')
  })

  it('finds collections, posts and drafts under collections_dir', async () => {
    const list = await index(await writeSite(jekyllDocs('my_collections')))
    const expected = JEKYLL_LISTED.map((p) => (/^_(?:docs|tutorials|posts|drafts)\//.test(p) ? `my_collections/${p}` : p))
    expect([...list.keys()].sort()).toEqual(expected.sort())
    expect(list.get('my_collections/_drafts/next.md')?.draft).toBe(true)
  })

  it('reads tags and categories as Jekyll does: the singular wins unsplit, a plural string splits', async () => {
    const root = await writeSite({
      Gemfile: '',
      '_config.yml': 'title: Blog\n',
      '_posts/2024-01-01-a.md': '---\ntitle: a\ntag: Blog Notes\ntags: x y\ncategories: Blog Notes\n---\n',
      '_posts/2024-01-02-b.md': '---\ntitle: b\ntags:\ntag: only\ncategory: 随笔 杂谈\n---\n',
    })
    const list = await index(root)
    expect(list.get('_posts/2024-01-01-a.md')).toMatchObject({ tags: ['Blog Notes'], categories: [['Blog'], ['Notes']] })
    expect(list.get('_posts/2024-01-02-b.md')).toMatchObject({ tags: ['only'], categories: [['随笔 杂谈']] })
    // The taxonomy view counts what the index read: `tags:` empty with `tag: only` is the tag "only".
    const taxonomy = JSON.parse((await folio('taxonomy', root, '--json')).out) as { keys: { key: string; values: { value: string; count: number }[] }[] }
    const tags = taxonomy.keys
      .find((k) => k.key === 'tags')
      ?.values.map((v) => v.value)
      .sort()
    expect(tags).toEqual(['Blog Notes', 'only'])
  })

  it('a renamed value with a space is written as one list item, which Jekyll and the index read as one', async () => {
    const root = await writeSite({
      Gemfile: '',
      '_config.yml': 'title: Blog\n',
      '_posts/2024-01-01-a.md': '---\ntitle: a\ncategories: Blog other\n---\nbody\n',
      '_posts/2024-01-02-b.md': '---\ntitle: b\ncategories: [Blog]\n---\nbody\n',
      '_posts/2024-01-03-c.md': '---\ntitle: c\ncategory: Blog\n---\nbody\n',
    })
    expect((await folio('rename-value', root, 'categories', 'Blog', 'Blog Notes')).code).toBe(0)
    const a = await readFile(join(root, '_posts/2024-01-01-a.md'), 'utf8')
    expect(a).toBe('---\ntitle: a\ncategories:\n  - Blog Notes\n  - other\n---\nbody\n')
    expect(await readFile(join(root, '_posts/2024-01-02-b.md'), 'utf8')).toContain('categories: [Blog Notes]\n')
    // The singular is never split: a string stays a string.
    expect(await readFile(join(root, '_posts/2024-01-03-c.md'), 'utf8')).toContain('category: Blog Notes\n')
    const list = await index(root)
    for (const path of list.keys()) expect(list.get(path)?.categories.flat()).toContain('Blog Notes')
    expect(list.get('_posts/2024-01-01-a.md')?.categories).toEqual([['Blog Notes'], ['other']])
  })

  it('a page whose header follows a blank line is listed with the rule, and never edited', async () => {
    const root = await writeSite({ Gemfile: '', '_config.yml': 'title: x\n', 'about.md': '\n---\ntitle: About\n---\nbody\n' })
    const entry = (await index(root)).get('about.md')
    expect(entry?.error).toMatchObject({ code: 'not-read', line: 2 })
    expect(entry?.error?.message).toMatch(/^Jekyll reads no header after a blank line/)
    const before = await readFile(join(root, 'about.md'), 'utf8')
    const r = await folio('set', join(root, 'about.md'), 'title=New')
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/Jekyll reads no header after a blank line/)
    expect(await readFile(join(root, 'about.md'), 'utf8')).toBe(before)
  })
})

describe('Hexo: the quirks of its reader', () => {
  const hexoSite = (posts: Record<string, string>) =>
    writeSite({
      '_config.yml': 'title: 博客\ntimezone: Asia/Shanghai\n',
      'package.json': JSON.stringify({ dependencies: { hexo: '^7.0.0' } }),
      'source/about/index.md': page('关于'),
      'source/_drafts/idea.md': page('想法'),
      ...Object.fromEntries(Object.entries(posts).map(([name, text]) => [`source/_posts/${name}`, text])),
    })

  it('reads what Hexo reads and warns about what it would not', async () => {
    const root = await hexoSite({
      'one-blank.md': '\n---\ntitle: 一个空行\n---\n正文\n',
      'two-blank.md': '\n\n---\ntitle: 两个空行\n---\n正文\n',
      'fenceless.md': '# 从旧博客导入\ntitle: 无开头\ntags: [a]\n---\n正文\n',
      'tabs.md': '---\ntitle: 制表符\ntags:\n\t- 甲\n\t- 乙\n---\n正文\n',
      'tag-alias.md': '---\ntitle: 别名\ntags:\ntag: x\n---\n',
      'nested.md': '---\ntitle: 分类\ncategories:\n  - [生活, 旅行]\n  - 随笔\n---\n',
    })
    const list = await index(root)
    expect(list.get('source/_posts/one-blank.md')?.title).toBe('一个空行')
    expect(list.get('source/_posts/two-blank.md')?.error).toMatchObject({
      code: 'not-read',
      line: 3,
      message: 'Hexo reads no header after two blank lines: remove the blank lines before the opening fence',
    })
    expect(list.get('source/_posts/fenceless.md')).toMatchObject({ title: '无开头', tags: ['a'] })
    expect(list.get('source/_posts/tabs.md')).toMatchObject({ title: '制表符', tags: ['甲', '乙'], error: null })
    expect(list.get('source/_posts/tag-alias.md')?.tags).toEqual(['x'])
    expect(list.get('source/_posts/nested.md')?.categories).toEqual([['生活', '旅行'], ['随笔']])
    expect(list.get('source/about/index.md')?.title).toBe('关于')
    expect(list.get('source/_drafts/idea.md')?.draft).toBe(true)
  })

  it('unsetting the only key removes the block Hexo would print, and a fenceless header gets no second one', async () => {
    const root = await hexoSite({ 'only.md': '---\ntitle: 唯一\n---\n正文\n', 'fenceless.md': '# 注释\ntitle: 无开头\n---\n正文\n' })
    expect((await folio('unset', join(root, 'source/_posts/only.md'), 'title')).code).toBe(0)
    expect(await readFile(join(root, 'source/_posts/only.md'), 'utf8')).toBe('正文\n')
    expect((await folio('set', join(root, 'source/_posts/fenceless.md'), 'author=我')).code).toBe(0)
    expect(await readFile(join(root, 'source/_posts/fenceless.md'), 'utf8')).toBe('# 注释\ntitle: 无开头\nauthor: 我\n---\n正文\n')
  })
})

describe('Eleventy', () => {
  it('is found by its config, reads its input folder and leaves includes, data and output out', async () => {
    const root = await writeSite({
      '.eleventy.js': 'module.exports = function (config) {\n  return { dir: { input: "src", output: "_site" } }\n}\n',
      'package.json': '{}',
      'README.md': page('Readme'),
      'src/index.md': page('Home'),
      'src/posts/first.md': page('First', 'tags: post\n'),
      'src/_includes/layout.md': page('Layout'),
      'src/_data/site.md': page('Data'),
      '_site/index.html': page('Built'),
    })
    const list = await index(root)
    expect([...list.keys()].sort()).toEqual(['src/index.md', 'src/posts/first.md'])
    expect(list.get('src/posts/first.md')?.tags).toEqual(['post'])
  })
})

describe("Eleventy's data cascade for tags", () => {
  /** Shaped like an Eleventy blog: posts get `posts` from posts/posts.json, notes from a 11tydata file. */
  const blog = (): Record<string, string> => ({
    'eleventy.config.js': 'export default function (config) {\n  return { dir: { input: "content" } }\n}\n',
    'package.json': '{"devDependencies": {"@11ty/eleventy": "^3.0.0"}}',
    'content/index.md': page('首页'),
    'content/_data/tags.json': '["site"]',
    'content/posts/posts.json': '{ "layout": "post.njk", "tags": ["posts"], "permalink": "/blog/{{ page.fileSlug }}/" }',
    'content/posts/hello.md': page('Hello', 'tags: [intro, posts]\n'),
    'content/posts/plain.md': page('无标签'),
    'content/posts/2024/2024.11tydata.json': '{ "tags": "2024" }',
    'content/posts/2024/deep.md': page('Deep', 'tags: 随笔\n'),
    'content/posts/2024/deep.json': '{ "tags": ["own"] }',
    // `override:` replaces what the outer layers gave instead of adding to it.
    'content/notes/notes.11tydata.json': '{ "override:tags": ["notes"] }',
    'content/notes/notes.11tydata.js': 'module.exports = () => ({ tags: ["computed"] })\n',
    'content/notes/replaced.md': page('Replaced', 'tags: [mine]\n'),
    'content/drafts/drafts.json': '{ "tags": [broken',
    'content/drafts/wip.md': page('WIP', 'tags: wip\n'),
    // The input folder itself has no directory data file.
    'content/content.json': '{ "tags": ["never"] }',
  })

  it('adds the tags of every data file that reaches a template, concatenated as Eleventy merges them', async () => {
    const list = await index(await writeSite(blog()))
    expect(list.get('content/index.md')?.tags).toEqual(['site'])
    expect(list.get('content/posts/hello.md')?.tags).toEqual(['site', 'posts', 'intro'])
    expect(list.get('content/posts/plain.md')?.tags).toEqual(['site', 'posts'])
    expect(list.get('content/posts/2024/deep.md')?.tags).toEqual(['site', 'posts', '2024', 'own', '随笔'])
    // JSON forms are read, JavaScript is never run; a broken JSON file adds nothing.
    expect(list.get('content/drafts/wip.md')?.tags).toEqual(['site', 'wip'])
    expect(list.get('content/notes/replaced.md')?.tags).toEqual(['notes', 'mine'])
  })

  it('the taxonomy counts inherited tags, and files Folio does not read are named on open', async () => {
    const root = await writeSite(blog())
    const r = await folio('taxonomy', root, '--json')
    const tags = (JSON.parse(r.out) as { keys: { key: string; values: { value: string; count: number }[] }[] }).keys.find((k) => k.key === 'tags')
    expect(Object.fromEntries(tags?.values.map((v) => [v.value, v.count]) ?? [])).toEqual({
      site: 5,
      posts: 3,
      '2024': 1,
      notes: 1,
      intro: 1,
      own: 1,
      随笔: 1,
      wip: 1,
      mine: 1,
    })
    const ws = await openWorkspace({ root, trash: async () => undefined })
    try {
      const messages = (ws.info.warnings ?? []).map((w) => `${w.path}: ${w.message}`)
      expect(messages).toHaveLength(2)
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^content\/notes\/notes\.11tydata\.js: .*not read, computed by code/),
          expect.stringMatching(/^content\/drafts\/drafts\.json: .*could not be read as JSON/),
        ]),
      )
    } finally {
      await ws.close()
    }
  })

  it('a data file that is a link is not followed', async () => {
    const root = await writeSite({ ...blog(), 'outside.json': '{ "tags": ["leak"] }' })
    await symlink(join(root, 'outside.json'), join(root, 'content/notes/notes.json'))
    expect((await index(root)).get('content/notes/replaced.md')?.tags).toEqual(['notes', 'mine'])
  })
})
