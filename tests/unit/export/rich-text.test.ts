import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyArticleRichText, createRichTextCopier } from '../../../electron/export/rich-text'
import { openSource } from '../../../electron/export/source'
import { detect } from '../../../shared/frontmatter'
import { elements, SEED, tempDir } from './helpers'

const copy = createRichTextCopier()

describe('copy as rich text', () => {
  it('puts the look on every element as inline style, with no class, script or style sheet', () => {
    const body =
      '# 标题\n\n第一段 **粗体** 和 `code`。\n\n> 引用\n\n- 一\n- 二\n\n```\nif (a) {\n  b()\n\n\n}\n```\n\n<p class="x" onclick="alert(1)" style="color: red">作者的样式</p>\n<script>alert(2)</script>\n\n<!-- more -->\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'
    const { html, text } = copy({ body, title: '你好' })
    const els = elements(html)
    expect(els.some((e) => ['script', 'style', 'link'].includes(e.tag))).toBe(false)
    expect(els.some((e) => 'class' in e.attrs || Object.keys(e.attrs).some((a) => a.startsWith('on')))).toBe(false)
    const styled = els.filter((e) => ['section', 'h1', 'p', 'strong', 'code', 'blockquote', 'ul', 'li', 'pre', 'table', 'td', 'th'].includes(e.tag))
    for (const e of styled) expect(e.attrs.style, e.tag).toBeTruthy()
    expect(els[0]?.tag).not.toBe('hr')
    expect(els.filter((e) => e.tag === 'hr')).toEqual([]) // the excerpt marker is not content
    expect(els.find((e) => e.tag === 'section')?.attrs.style).toContain('PingFang SC')
    expect(els.find((e) => e.tag === 'p' && e.text === '作者的样式')?.attrs.style).toMatch(/margin: 0 0 1em; color: red/)
    expect(els.find((e) => e.tag === 'pre')?.attrs.style).toContain('white-space: pre')
    expect(els.find((e) => e.tag === 'code' && e.text.includes('b()'))?.attrs.style).toContain('background: none')
    expect(text).toBe('你好\n\n标题\n\n第一段 粗体 和 code。\n\n引用\n\n• 一\n• 二\n\nif (a) {\n  b()\n\n\n}\n\n作者的样式\n\na\tb\n1\t2')
  })

  it('copies the seed article: its text, its remote image, no scraped handlers', async () => {
    const seed = await readFile(SEED, 'utf8')
    const { html, text } = copy({ body: seed.slice(detect(seed).bodyStart) })
    expect(html).not.toMatch(/onclick|<script/i)
    expect(elements(html).find((e) => e.tag === 'img')?.attrs.style).toContain('max-width: 100%')
    expect(text).toContain('这个春天，云巨头集体 " 自救 "。')
    expect(text).toContain('作者 | 周蕾\n\n编辑 | 张栋')
    expect(text).not.toContain('<')
  })

  it('leaves remote images, media and CSS out of the clipboard unless remote content is allowed', () => {
    const body = [
      '![cat](https://images.example/cat.png)',
      '',
      '<p style="background: url(https://tracker.example/bg.png) no-repeat; color: red">styled</p>',
      '',
      '<video poster="//media.example/p.jpg" src="https://media.example/v.mp4"></video>',
      '',
      '<style>@import url("https://fonts.example/a.css");</style>',
      '',
      '![local](images/local.png)',
      '',
    ].join('\n')
    const images = new Map([['images/local.png', 'images/local.png']])
    const blocked = copy({ body, images })
    expect(blocked.html).not.toMatch(/images\.example|tracker\.example|media\.example|fonts\.example/)
    expect(blocked.html).toContain('color: red')
    // The image's alt still reaches the plain text; a local image that resolves stays as written.
    expect(blocked.text).toContain('cat')
    expect(elements(blocked.html).find((e) => e.tag === 'img' && e.attrs.alt === 'local')?.attrs.src).toBe('images/local.png')

    const allowed = copy({ body, remote: true, images })
    expect(elements(allowed.html).find((e) => e.tag === 'img' && e.attrs.alt === 'cat')?.attrs.src).toBe('https://images.example/cat.png')
    expect(allowed.html).toContain('tracker.example/bg.png')
    // An article's own style sheet never travels, allowed or not.
    expect(allowed.html).not.toContain('fonts.example')
  })

  it('leaves out local sources that do not resolve inside the folder, keeps those that do as written', async () => {
    const outside = await tempDir()
    await writeFile(join(outside, 'secret.png'), 'outside')
    const site = await tempDir()
    await mkdir(join(site, 'posts/hello'), { recursive: true })
    await writeFile(join(site, 'posts/ok 1.png'), 'ok')
    await writeFile(join(site, 'posts/hello/bg.png'), 'bg')
    const body = [
      `![abs](${outside}/secret.png)`,
      '',
      `![up](../../${basename(outside)}/secret.png)`,
      '',
      `<p style="background: url('${outside}/secret.png')">css</p>`,
      '',
      '<video poster="hello/bg.png"></video>',
      '',
      '![gone](nothing.png) ![ok](ok%201.png)',
      '',
    ].join('\n')
    await writeFile(join(site, 'posts/hello.md'), `---\ntitle: t\n---\n${body}`)
    const { source, rel } = await openSource(join(site, 'posts/hello.md'), site)
    const copied = await copyArticleRichText(copy, { body, rel, remote: false }, source)
    expect(copied.html).not.toContain('secret')
    const els = elements(copied.html)
    expect(els.filter((e) => e.tag === 'img').map((e) => [e.attrs.alt, e.attrs.src])).toEqual([
      ['abs', undefined],
      ['up', undefined],
      ['gone', undefined],
      ['ok', 'ok%201.png'],
    ])
    expect(els.find((e) => e.tag === 'video')?.attrs.poster).toBe('hello/bg.png')
    expect(copied.missing).toEqual([`${outside}/secret.png`, `../../${basename(outside)}/secret.png`, 'nothing.png'].sort())
  })
})
