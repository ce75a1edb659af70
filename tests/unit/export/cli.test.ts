import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../../electron/cli-command'
import { runExport } from '../../../electron/export/cli-export'
import { copyOf, HEXO, listFiles, tempDir } from './helpers'

function io(cwd: string): { out: string[]; err: string[]; io: { out(l: string): void; err(l: string): void; cwd: string } } {
  const out: string[] = []
  const err: string[] = []
  return { out, err, io: { out: (l) => out.push(l), err: (l) => err.push(l), cwd } }
}

describe('folio export', () => {
  it('leaves out remote and outside sources, naming them on stderr; --remote-content keeps remote ones', async () => {
    const site = await copyOf(HEXO)
    const post = join(site, 'source/_posts/sources.md')
    await writeFile(post, '---\ntitle: Sources\n---\n![far](https://images.example/far.png)\n\n![abs](/etc/hostname)\n')
    const out = await tempDir()
    const t = io(site)
    expect(await runExport([post, '--format', 'html', '--out', out], t.io)).toBe(0)
    const page = await readFile(join(out, 'Sources.html'), 'utf8')
    expect(page).not.toMatch(/images\.example|\/etc\/hostname/)
    expect(t.err).toEqual([
      `warning ${post}: "/etc/hostname" does not resolve to a file inside the folder; left out`,
      `warning ${post}: remote "https://images.example/far.png" left out (pass --remote-content to keep remote images and media)`,
    ])
    expect(t.out).toEqual([`Exported 1 article to ${out}.`])
    const kept = await tempDir()
    const k = io(site)
    expect(await runExport([post, '--format', 'html', '--out', kept, '--remote-content'], k.io)).toBe(0)
    expect(await readFile(join(kept, 'Sources.html'), 'utf8')).toContain('src="https://images.example/far.png"')
    expect(await readFile(join(kept, 'Sources.html'), 'utf8')).not.toContain('/etc/hostname')
  })

  it('exports a folder as a site, reports the broken post and exits 1', async () => {
    const site = await copyOf(HEXO)
    const out = await tempDir()
    const t = io(site)
    expect(await runExport(['.', '--format', 'site', '--out', out], t.io)).toBe(1)
    // The article is named once, where the sentence names it.
    const skippedLine = t.err.find((line) => line.includes('2021-01-01-broken.md')) ?? ''
    expect(skippedLine).toMatch(/^skipped: The front matter of "source\/_posts\/2021-01-01-broken\.md" does not parse/)
    expect(skippedLine.split('2021-01-01-broken.md')).toHaveLength(2)
    expect(t.out.join('\n')).toMatch(/^Exported a site of 3 articles to .*; 1 skipped\.$/)
    expect(await listFiles(out)).toContain('atom.xml')
  })

  it('exports the posts of a folder as pages (drafts only with --drafts) and files as bundles', async () => {
    const site = await copyOf(HEXO)
    const out = await tempDir()
    const t = io(site)
    expect(await runExport(['source/_posts', 'source/_drafts', '--format', 'html', '--out', out, '--inline-images'], t.io)).toBe(1)
    const pages = await listFiles(out)
    expect(pages).toContain('你好，Hexo.html')
    expect(pages).not.toContain('下一个想法.html')
    expect(pages).not.toContain('未发布的文章.html') // published: false
    expect(await readFile(join(out, '你好，Hexo.html'), 'utf8')).toContain('src="data:image/png;base64,')

    const md = await tempDir()
    const m = io(site)
    expect(await runExport(['source/_posts/2024-03-01-hello-hexo.md', '--format', 'md', '--out', md, '--zip'], m.io)).toBe(0)
    expect(await listFiles(md)).toEqual(['你好，Hexo.zip'])

    const withDrafts = await tempDir()
    expect(await runExport(['source/_drafts', '--format', 'md', '--out', withDrafts, '--drafts'], io(site).io)).toBe(0)
    expect(await listFiles(withDrafts)).toEqual(['下一个想法/下一个想法.md'])
  })

  it('refuses wrong arguments with a usage error that carries the usage text', async () => {
    const t = io('/')
    await expect(runExport(['x', '--format', 'pdf', '--out', 'y'], t.io)).rejects.toThrow(UsageError)
    await expect(runExport(['x', '--format', 'pdf', '--out', 'y'], t.io)).rejects.toThrow(/Usage: folio export/)
    await expect(runExport(['--format', 'html'], t.io)).rejects.toThrow(/Give at least one PATH/)
  })
})
