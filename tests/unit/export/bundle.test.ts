import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { exportArticles } from '../../../electron/export/batch'
import { copyOf, HEXO, listFiles, SEED, tempDir } from './helpers'

describe('Markdown bundle', () => {
  it('copies a Hexo post asset image and rewrites {% asset_img %}, keeping the header byte for byte', async () => {
    const site = await copyOf(HEXO)
    const post = join(site, 'source/_posts/2024-03-01-hello-hexo.md')
    const out = await tempDir()
    const result = await exportArticles([post], { format: 'md', outDir: out })
    expect(result.failures).toEqual([])
    expect(await listFiles(out)).toEqual(['你好，Hexo/images/cover.png', '你好，Hexo/你好，Hexo.md'])
    const original = await readFile(post, 'utf8')
    const bundled = await readFile(join(out, '你好，Hexo/你好，Hexo.md'), 'utf8')
    const headerEnd = original.indexOf('---\n', 4) + 4
    expect(bundled.slice(0, headerEnd)).toBe(original.slice(0, headerEnd))
    expect(bundled).toContain('![封面](<images/cover.png>)')
    expect(bundled).not.toContain('asset_img')
    expect(bundled.replace('![封面](<images/cover.png>)', '{% asset_img cover.png 封面 %}')).toBe(original)
  })

  it('keeps a BOM and CRLF header exactly, rewrites Markdown and HTML images, keeps remote ones when allowed', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'pic one.png'), 'png')
    const text =
      '\ufeff---\r\ntitle: "CRLF: 标题"   # comment\r\ndate: 2024-01-02\r\n---\r\n![a](pic%20one.png "t")\r\n<img alt=b src=\'./pic one.png\'>\r\n![r](https://example.com/x.png)\r\n'
    await writeFile(join(dir, 'crlf.md'), text)
    const out = await tempDir()
    await exportArticles([join(dir, 'crlf.md')], { format: 'md', outDir: out, remote: true })
    const bytes = await readFile(join(out, 'CRLF-标题/CRLF-标题.md'))
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const bundled = bytes.toString('utf8')
    expect(bundled).toBe(
      '\ufeff---\r\ntitle: "CRLF: 标题"   # comment\r\ndate: 2024-01-02\r\n---\r\n![a](<images/pic%20one.png> "t")\r\n<img alt=b src="images/pic%20one.png">\r\n![r](https://example.com/x.png)\r\n',
    )
    expect(await readFile(join(out, 'CRLF-标题/images/pic one.png'), 'utf8')).toBe('png')
  })

  it('drops images that do not resolve inside the folder, and remote ones, reporting them; every other byte stays', async () => {
    const outside = await tempDir()
    await writeFile(join(outside, 'secret.png'), 'outside')
    const site = await tempDir()
    const dir = join(site, 'posts/2024')
    await mkdir(join(dir, 'hello'), { recursive: true })
    await writeFile(join(dir, 'ok.png'), 'ok')
    const header = '---\ntitle: 出去\ntags: [a]   # 注释\n---\n'
    const body = [
      `前 ![abs](${outside}/secret.png) 后`,
      `![up](../../../${outside.split('/').pop() ?? ''}/secret.png "t")`,
      '![gone](nothing.png)',
      `<p>x <img alt="h" src="${outside}/secret.png"> y</p>`,
      '{% asset_img missing.png 无图 %}',
      '![ok](ok.png) ![r](https://example.com/r.png) ![d](data:image/png;base64,AA==)',
      '',
    ].join('\n')
    await writeFile(join(dir, 'hello.md'), header + body)
    const out = await tempDir()
    const result = await exportArticles([join(dir, 'hello.md')], { format: 'md', outDir: out })
    expect(result.failures).toEqual([])
    const bundled = await readFile(join(out, '出去/出去.md'), 'utf8')
    expect(bundled).toBe(
      header + ['前 abs 后', 'up', 'gone', '<p>x  y</p>', '无图', '![ok](<images/ok.png>) r ![d](data:image/png;base64,AA==)', ''].join('\n'),
    )
    expect(bundled).not.toContain('secret')
    expect(await listFiles(out)).toEqual(['出去/images/ok.png', '出去/出去.md'])
    const value = result.results[0]?.value
    expect(value?.missing).toEqual(
      [`${outside}/secret.png`, `../../../${outside.split('/').pop() ?? ''}/secret.png`, 'hello/missing.png', 'nothing.png'].sort(),
    )
    expect(value?.remote).toEqual(['https://example.com/r.png'])

    const zipped = await exportArticles([join(dir, 'hello.md')], { format: 'md', outDir: out, zip: true })
    const entries = unzipSync(new Uint8Array(await readFile(join(out, '出去.zip'))))
    expect(new TextDecoder().decode(entries['出去/出去.md'])).toBe(bundled)
    expect(zipped.results[0]?.value.missing).toHaveLength(4)
  })

  it('strips the header on request, and writes a reproducible .zip', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'seed.txt'), await readFile(SEED))
    const out = await tempDir()
    await exportArticles([join(dir, 'seed.txt')], { format: 'md', outDir: out, stripHeader: true })
    const stripped = await readFile(join(out, '史无前例，阿里云或将空降-M7-级高管/史无前例，阿里云或将空降-M7-级高管.txt'), 'utf8')
    expect(stripped.startsWith('<div>')).toBe(true)
    expect(stripped).not.toContain('headimg:')

    const site = await copyOf(HEXO)
    const post = join(site, 'source/_posts/2024-03-01-hello-hexo.md')
    const [a, b] = [await tempDir(), await tempDir()]
    await exportArticles([post], { format: 'md', outDir: a, zip: true })
    await exportArticles([post], { format: 'md', outDir: b, zip: true })
    const zip = await readFile(join(a, '你好，Hexo.zip'))
    expect(zip).toEqual(await readFile(join(b, '你好，Hexo.zip')))
    const entries = unzipSync(new Uint8Array(zip))
    expect(Object.keys(entries).sort()).toEqual(['你好，Hexo/images/cover.png', '你好，Hexo/你好，Hexo.md'])
    expect(new TextDecoder().decode(entries['你好，Hexo/你好，Hexo.md'])).toContain('![封面](<images/cover.png>)')
  })
})
