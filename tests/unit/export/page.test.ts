import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportArticles } from '../../../electron/export/batch'
import { copyOf, elements, HEXO, parseErrors, SEED, tempDir } from './helpers'

async function seedFolder(): Promise<string> {
  const dir = await tempDir()
  await mkdir(join(dir, 'posts'))
  await writeFile(join(dir, 'posts', 'seed.txt'), await readFile(SEED))
  return join(dir, 'posts')
}

describe('standalone HTML page', () => {
  it('shows the seed article with its header facts in the page and the head, and no script', async () => {
    const out = await tempDir()
    const result = await exportArticles([join(await seedFolder(), 'seed.txt')], { format: 'html', outDir: out })
    expect(result.failures).toEqual([])
    const file = result.results[0]?.value.files[0] as string
    expect(file).toBe(join(out, '史无前例，阿里云或将空降-M7-级高管.html'))
    const html = await readFile(file, 'utf8')
    expect(parseErrors(html)).toEqual([])
    const els = elements(html)
    const meta = (key: string): string | undefined => els.find((e) => e.tag === 'meta' && (e.attrs.name === key || e.attrs.property === key))?.attrs.content
    expect(els.find((e) => e.tag === 'title')?.text).toBe('史无前例，阿里云或将空降 M7 级高管')
    expect(els.find((e) => e.tag === 'h1')?.text).toBe('史无前例，阿里云或将空降 M7 级高管')
    expect(meta('description')).toMatch(/^这个春天，云巨头集体/)
    expect(meta('og:title')).toBe('史无前例，阿里云或将空降 M7 级高管')
    expect(meta('og:type')).toBe('article')
    expect(meta('author')).toBe('ZAKER')
    expect(meta('article:published_time')).toBe('2022-03-01T04:51:00Z')
    expect(meta('article:section')).toBe('新媒体')
    expect(meta('og:image')).toBe('https://cors.zfour.workers.dev/?http://zkres2.myzaker.com/202203/621e13ac8e9f0931fd212984_1024.jpg')
    // The date as the author wrote it, the instant for machines.
    const time = els.find((e) => e.tag === 'time')
    expect(time?.text).toBe('Tue, 01 Mar 2022 04:51:00 GMT')
    expect(time?.attrs.datetime).toBe('2022-03-01T04:51:00Z')
    // Outside a Hexo site each list item is its own category (workspace/indexer's rule).
    expect(html).toContain('<ul class="categories"><li>新媒体</li><li>ZAKER</li><li>channel</li></ul>')
    // Remote images are left out by default (and reported); the scraped onclick is gone.
    const remote = 'https://cors.zfour.workers.dev/?http://zkres2.myzaker.com/202203/621e13ac8e9f0931fd212984_1024.jpg'
    expect(els.find((e) => e.tag === 'img')?.attrs.src).toBeUndefined()
    expect(result.results[0]?.value.remote).toContain(remote)
    expect(html).not.toMatch(/\sonclick/i)
    expect(els.some((e) => e.tag === 'script')).toBe(false)
    expect(html).toMatch(/font-family|--sans/)
    expect(html).toContain('prefers-color-scheme: dark')
    expect(html).toContain('@media print')

    // Asked for, remote images stay links.
    const kept = await exportArticles([join(await seedFolder(), 'seed.txt')], { format: 'html', outDir: await tempDir(), remote: true })
    const keptHtml = await readFile(kept.results[0]?.value.files[0] as string, 'utf8')
    expect(elements(keptHtml).find((e) => e.tag === 'img')?.attrs.src).toBe(remote)
    expect(kept.results[0]?.value.remote).toEqual([])
  })

  it('removes every script, handler and javascript: URL an article carries', async () => {
    const dir = await tempDir()
    const hostile = [
      '---',
      'title: "<script>alert(1)</script>Hostile"',
      '---',
      '<script>alert(2)</script>',
      '<img src=x onerror="alert(3)">',
      '[click](javascript:alert(4))',
      '<a href="javascript:alert(5)">a</a>',
      '<iframe srcdoc="<script>alert(6)</script>"></iframe>',
      '<svg><script>alert(7)</script></svg>',
      '<noscript><p title="</noscript><img src=x onerror=alert(8)>"></noscript>',
      '<form action="javascript:alert(9)"><button>go</button></form>',
      '',
    ].join('\n')
    await writeFile(join(dir, 'hostile.md'), hostile)
    const out = await tempDir()
    const result = await exportArticles([join(dir, 'hostile.md')], { format: 'html', outDir: out })
    const html = await readFile(result.results[0]?.value.files[0] as string, 'utf8')
    const els = elements(html)
    expect(els.filter((e) => e.tag === 'script')).toEqual([])
    expect(els.filter((e) => ['iframe', 'form', 'noscript'].includes(e.tag))).toEqual([])
    for (const e of els) {
      for (const [name, value] of Object.entries(e.attrs)) {
        expect(name.startsWith('on'), `${e.tag} ${name}`).toBe(false)
        expect(value.trim().toLowerCase().startsWith('javascript:'), `${e.tag} ${name}=${value}`).toBe(false)
      }
    }
    // The title is text, escaped, never markup.
    expect(els.find((e) => e.tag === 'title')?.text).toBe('<script>alert(1)</script>Hostile')
    expect(html).toContain("script-src 'none'")
  })

  it('copies images of a Hexo post asset folder beside the page, or inlines them', async () => {
    const site = await copyOf(HEXO)
    const post = join(site, 'source/_posts/2024-03-01-hello-hexo.md')
    const out = await tempDir()
    const copied = await exportArticles([post], { format: 'html', outDir: out })
    expect(copied.results[0]?.value.files).toEqual([join(out, '你好，Hexo.html'), join(out, '你好，Hexo', 'cover.png')])
    const img = elements(await readFile(join(out, '你好，Hexo.html'), 'utf8')).find((e) => e.tag === 'img')
    expect(img?.attrs).toMatchObject({ src: '%E4%BD%A0%E5%A5%BD%EF%BC%8CHexo/cover.png', title: '封面' })
    expect(await readFile(join(out, '你好，Hexo', 'cover.png'))).toEqual(await readFile(join(site, 'source/_posts/2024-03-01-hello-hexo/cover.png')))

    const inlineOut = await tempDir()
    const inlined = await exportArticles([post], { format: 'html', outDir: inlineOut, inlineImages: true })
    expect(inlined.results[0]?.value.files).toEqual([join(inlineOut, '你好，Hexo.html')])
    const inlineImg = elements(await readFile(join(inlineOut, '你好，Hexo.html'), 'utf8')).find((e) => e.tag === 'img')
    expect(inlineImg?.attrs.src).toMatch(/^data:image\/png;base64,/)
  })

  it('renders the generator’s own tags as the preview does (Hexo: codeblock, note, an unknown tag labelled)', async () => {
    const site = await copyOf(HEXO)
    const post = join(site, 'source/_posts/tags.md')
    await writeFile(
      post,
      '---\ntitle: Tags\n---\n{% codeblock lang:js %}\nconst 答案 = 42\n{% endcodeblock %}\n\n{% note info %}\n注意这里。\n{% endnote %}\n\n{% mystery a b %}\n',
    )
    const out = await tempDir()
    const result = await exportArticles([post], { format: 'html', outDir: out })
    const html = await readFile(result.results[0]?.value.files[0] as string, 'utf8')
    expect(html).not.toContain('{% codeblock')
    expect(html).not.toContain('{% note')
    expect(html).toMatch(/<code class="hljs language-js"><span class="hljs-keyword">const<\/span> 答案/)
    expect(html).toContain('<p>注意这里。</p>')
    expect(html).toMatch(/data-tag="mystery"[^>]*>[^<]*<span class="folio-tag-label">Hexo mystery<\/span>/)
  })

  it('finds root-relative images in the folder the generator serves (Hexo: source/)', async () => {
    const site = await copyOf(HEXO)
    await mkdir(join(site, 'source/images'))
    await writeFile(join(site, 'source/images/map 地图.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    const post = join(site, 'source/_posts/rooted.md')
    await writeFile(post, '---\ntitle: Rooted\n---\n![map](/images/map%20地图.svg)\n')
    const out = await tempDir()
    const result = await exportArticles([post], { format: 'html', outDir: out })
    expect(result.results[0]?.value).toEqual({ files: [join(out, 'Rooted.html'), join(out, 'Rooted', 'map 地图.svg')], missing: [], remote: [] })
    const img = elements(await readFile(join(out, 'Rooted.html'), 'utf8')).find((e) => e.tag === 'img')
    expect(decodeURIComponent(img?.attrs.src ?? '')).toBe('Rooted/map 地图.svg')
  })

  it('never copies a file from outside the site, and reports it as missing', async () => {
    const site = await copyOf(HEXO)
    await writeFile(join(site, '..', 'secret.png'), 'not for export')
    const post = join(site, 'source/_posts/escape.md')
    await writeFile(post, '---\ntitle: Escape\n---\n![x](../../../secret.png)\n<img src="/../../secret.png">\n')
    const out = await tempDir()
    const result = await exportArticles([post], { format: 'html', outDir: out })
    expect(result.results[0]?.value.files).toEqual([join(out, 'Escape.html')])
    expect(result.results[0]?.value.missing).toEqual(['../../../secret.png', '/../../secret.png'].sort())
  })

  it('drops every source that does not resolve inside the folder, whatever carries it, and reports it', async () => {
    const site = await copyOf(HEXO)
    // Real files outside the folder, named by absolute path, by ../ and by file: URL.
    const outside = join(site, '..', 'outside')
    await mkdir(outside)
    for (const name of ['abs.png', 'md.png', 'css.png', 'svg.png', 'poster.png', 'bg.png', 'file.png']) await writeFile(join(outside, name), 'private bytes')
    await mkdir(join(site, 'source/images'), { recursive: true })
    await writeFile(join(site, 'source/images/inside.png'), 'inside bytes')
    const post = join(site, 'source/_posts/hostile-sources.md')
    await writeFile(
      post,
      [
        '---\ntitle: Hostile sources\n---',
        `<img src="${outside}/abs.png">`,
        `![md](${outside}/md.png)`,
        `<p style="background: url('${outside}/css.png') no-repeat; color: red">styled</p>`,
        `<p style="background-image: \\75 rl(${outside}/css.png)">escaped</p>`,
        `<svg width="10" height="10"><image href="${outside}/svg.png" width="10" height="10"></image></svg>`,
        `<video poster="../../../outside/poster.png" src="../../../outside/poster.png"></video>`,
        `<table background="${outside}/bg.png"><tr><td>cell</td></tr></table>`,
        `<img src="file://${outside}/file.png">`,
        '<style>@import url("https://fonts.example/track.css"); p { background: url(https://tracker.example/bg.png) }</style>',
        '<img src="https://tracker.example/pixel.png">',
        '<audio src="//media.example/a.mp3"></audio>',
        '<p style="background: url(/images/inside.png)">inside</p>',
        '',
      ].join('\n\n'),
    )
    const out = await tempDir()
    const result = await exportArticles([post], { format: 'html', outDir: out })
    const value = result.results[0]?.value
    const html = await readFile(value?.files[0] as string, 'utf8')
    // Nothing of the outside, and no remote server, is named by the page.
    expect(html).not.toContain(outside)
    expect(html).not.toContain('outside/')
    expect(html).not.toMatch(/tracker\.example|fonts\.example|media\.example/)
    // The article's own style sheet is gone: a page carries the export theme's CSS only.
    expect(elements(html).filter((e) => e.tag === 'style')).toHaveLength(1)
    expect(html).toContain('color: red')
    expect(value?.missing).toEqual(
      [`${outside}/abs.png`, `${outside}/md.png`, `${outside}/css.png`, `${outside}/svg.png`, '../../../outside/poster.png', `${outside}/bg.png`].sort(),
    )
    // (The file: URL never reaches the rule: DOMPurify allows no such scheme, and it is gone too.)
    expect(value?.remote).toEqual(['//media.example/a.mp3', 'https://tracker.example/pixel.png'])
    // A CSS background inside the folder is found by the sanitizer and copied beside the page.
    expect(value?.files).toEqual([join(out, 'Hostile-sources.html'), join(out, 'Hostile-sources', 'inside.png')])
    expect(elements(html).find((e) => e.text === 'inside')?.attrs.style).toBe('background: url("Hostile-sources/inside.png")')
  })

  it('is deterministic: the same input gives the same bytes', async () => {
    const site = await copyOf(HEXO)
    const post = join(site, 'source/_posts/2024-03-01-hello-hexo.md')
    const [a, b] = [await tempDir(), await tempDir()]
    await exportArticles([post], { format: 'html', outDir: a })
    await exportArticles([post], { format: 'html', outDir: b })
    expect(await readFile(join(a, '你好，Hexo.html'))).toEqual(await readFile(join(b, '你好，Hexo.html')))
  })
})
