import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { asciiSlug, fillTemplate, readableSlug, wallTime } from '../../../electron/workspace/create'
import { copySite, open } from './helpers'

/** Today's date parts in a zone, as the site would name a post created now. */
function today(timeZone: string): { year: string; month: string; day: string } {
  return wallTime(new Date(), timeZone)
}

describe('create', () => {
  it('Hexo: scaffold with {{ title }} and {{ date }}, new_post_name, asset folder, CJK name', async () => {
    const root = await copySite('hexo')
    const ws = await open(root)
    const created = await ws.create({ title: '春天的第一篇：你好' })
    const d = today('Asia/Shanghai')
    expect(created.path).toBe(`source/_posts/${d.year}-${d.month}-${d.day}-春天的第一篇：你好.md`) // full-width punctuation is fine in file names
    const text = await readFile(join(root, created.path), 'utf8')
    const header = parseYaml(text.split('---\n')[1] ?? '') as Record<string, unknown>
    expect(header.title).toBe('春天的第一篇：你好') // a title with a colon got quoted
    expect(String(header.date)).toMatch(new RegExp(`^${d.year}-${d.month}-${d.day} \\d\\d:\\d\\d:\\d\\d$`))
    expect(text).toContain('tags:\ncategories:\n---')
    expect((await stat(join(root, created.path.replace(/\.md$/, '')))).isDirectory()).toBe(true)
    expect(created).toMatchObject({ title: '春天的第一篇：你好', draft: false, format: 'yaml' })
    expect((await ws.list()).some((a) => a.path === created.path)).toBe(true)
  })

  it('Hexo: drafts go to _drafts with the draft scaffold; pages to source/<slug>/index.md', async () => {
    const root = await copySite('hexo')
    const ws = await open(root)
    const draft = await ws.create({ title: 'Next Idea!', layout: 'draft' })
    expect(draft.path).toBe('source/_drafts/Next-Idea!.md')
    expect(draft.draft).toBe(true)
    const page = await ws.create({ title: '友情链接', layout: 'page' })
    expect(page.path).toBe('source/友情链接/index.md')
  })

  it('never overwrites: the same title twice gets a second name', async () => {
    const root = await copySite('hexo')
    const ws = await open(root)
    const a = await ws.create({ title: 'Same', layout: 'draft' })
    const b = await ws.create({ title: 'Same', layout: 'draft' })
    expect(a.path).toBe('source/_drafts/Same.md')
    expect(b.path).toBe('source/_drafts/Same-2.md')
    await writeFile(join(root, 'source/_drafts/Other.md'), 'mine')
    const c = await ws.create({ title: 'Other', layout: 'draft' })
    expect(c.path).toBe('source/_drafts/Other-2.md')
    expect(await readFile(join(root, 'source/_drafts/Other.md'), 'utf8')).toBe('mine')
  })

  it('Jekyll: _posts/YYYY-MM-DD-slug.md with an ASCII slug when asked', async () => {
    const root = await copySite('jekyll')
    const ws = await open(root)
    const d = today('Europe/Berlin')
    const created = await ws.create({ title: 'Héllo Wörld, again', asciiSlug: true })
    expect(created.path).toBe(`_posts/${d.year}-${d.month}-${d.day}-hello-world-again.md`)
    expect(created.title).toBe('Héllo Wörld, again')
    expect(created.dateMs).not.toBeNull()
    const draft = await ws.create({ title: '草稿', layout: 'draft' })
    expect(draft.path).toBe('_drafts/草稿.md')
  })

  it('Hugo: content/posts/slug.md from archetypes/default.md (TOML)', async () => {
    const root = await copySite('hugo')
    const ws = await open(root)
    const created = await ws.create({ title: "It's 雨后" })
    expect(created.path).toBe("content/posts/It's-雨后.md")
    const text = await readFile(join(root, created.path), 'utf8')
    expect(text.startsWith('+++\n')).toBe(true)
    expect(text).toContain(`title = "It's 雨后"`) // a TOML literal string cannot hold ', so it became a basic string
    expect(text).toMatch(/date = '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00'/)
    expect(created).toMatchObject({ format: 'toml', title: "It's 雨后", draft: true })
  })

  it('plain and Astro: a header in the prevailing format with title and date; folder option', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    const created = await ws.create({ title: 'note: one', folder: 'notes' })
    expect(created.path).toBe('notes/note-one.md')
    const text = await readFile(join(root, created.path), 'utf8')
    expect(text).toMatch(/^---\ntitle: "note: one"\ndate: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n---\n\n$/)
    const astro = await open(await copySite('astro'))
    const post = await astro.create({ title: 'Astro post' })
    expect(post).toMatchObject({ path: 'src/content/blog/Astro-post.md', title: 'Astro post' })
    expect(post.date).toMatch(/^\d{4}-\d\d-\d\d$/)
  })

  it('uses TOML in a folder where TOML prevails', async () => {
    const root = await copySite('plain')
    for (const n of [1, 2, 3]) await writeFile(join(root, 'notes', `t${n}.md`), `+++\ntitle = "t${n}"\n+++\n`)
    const ws = await open(root)
    const created = await ws.create({ title: 'Mostly TOML here', folder: 'notes' })
    expect(created.format).toBe('toml')
    expect(await readdir(join(root, 'notes'))).toContain('Mostly-TOML-here.md')
  })

  it('refuses an empty title', async () => {
    const ws = await open(await copySite('plain'))
    await expect(ws.create({ title: '  ' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
  })
})

describe('slugs and templates', () => {
  it('keeps CJK readable and removes what file systems and URLs dislike', () => {
    expect(readableSlug('你好 世界/第二部分?')).toBe('你好-世界-第二部分')
    expect(readableSlug('  ..Hidden..  ')).toBe('Hidden')
    expect(readableSlug('字'.repeat(100))).toBe('字'.repeat(60))
    expect(asciiSlug('Ça va? Très bien!')).toBe('ca-va-tres-bien')
    expect(asciiSlug('中文标题')).toBe('')
    expect(readableSlug('CON')).toBe('CON-post') // reserved on Windows
    expect(asciiSlug('Nul')).toBe('nul-post')
  })

  it('quotes the title as the template needs', () => {
    const values = { title: `He said "yes": it's`, date: '2024-01-01 00:00:00', layout: 'post' }
    expect(fillTemplate("---\ntitle: '{{ title }}'\n---\n", values)).toBe(`---\ntitle: 'He said "yes": it''s'\n---\n`)
    expect(fillTemplate('---\ntitle: "{{title}}"\n---\n', values)).toBe(`---\ntitle: "He said \\"yes\\": it's"\n---\n`)
    const plain = fillTemplate('---\ntitle: {{ title }}\ndate: {{ date }}\n---\n', values)
    expect(parseYaml(plain.split('---\n')[1] ?? '')).toEqual({ title: values.title, date: values.date })
    expect(fillTemplate('+++\ntitle = {{ .Title }}\n+++\n', values)).toBe(`+++\ntitle = "He said \\"yes\\": it's"\n+++\n`)
  })
})
