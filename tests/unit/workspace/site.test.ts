import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectSite } from '../../../electron/workspace/site'
import { copySite, open, type SiteName } from './helpers'

describe('site detection', () => {
  it.each<[SiteName, string[]]>([
    ['hexo', ['source']],
    // Jekyll pages: any Markdown or HTML file with a header, anywhere in the site.
    ['jekyll', ['_posts', '_drafts', '']],
    ['hugo', ['content']],
    ['astro', ['src/content', 'src/pages']],
    ['plain', ['']],
  ])('detects %s and its content roots', async (kind, roots) => {
    const root = await copySite(kind)
    const ws = await open(root)
    expect(ws.info).toMatchObject({ kind, contentRoots: roots, name: kind })
  })

  it('opening source/_posts of a Hexo site opens the site root', async () => {
    const root = await copySite('hexo')
    const ws = await open(join(root, 'source', '_posts'))
    expect(ws.info.kind).toBe('hexo')
    expect(ws.info.root).toBe(root)
    expect((await ws.list()).some((a) => a.path === 'source/_drafts/next-idea.md')).toBe(true)
  })

  it('opening content/posts of a Hugo site, or _posts of Jekyll, opens the site', async () => {
    const hugo = await copySite('hugo')
    expect((await detectSite(join(hugo, 'content', 'posts'))).root).toBe(hugo)
    const jekyll = await copySite('jekyll')
    expect((await detectSite(join(jekyll, '_posts'))).kind).toBe('jekyll')
  })

  it('does not adopt a site above a folder that is not its content', async () => {
    const root = await copySite('hexo')
    const site = await detectSite(join(root, 'scaffolds'))
    expect(site.kind).toBe('plain')
    expect(site.root).toBe(join(root, 'scaffolds'))
  })

  it('reads the Hexo settings that matter and the scaffolds', async () => {
    const site = await detectSite(await copySite('hexo'))
    expect(site).toMatchObject({ timeZone: 'Asia/Shanghai', newPostName: ':year-:month-:day-:title.md', postAssetFolder: true, sourceDir: 'source' })
    expect(site.scaffolds.post).toContain('{{ title }}')
    expect(site.scaffolds.draft).toContain('{{ title }}')
    expect(site.scaffolds.page).toContain('{{ date }}')
  })

  it('reads Hugo timeZone and archetypes, Jekyll timezone', async () => {
    const hugo = await detectSite(await copySite('hugo'))
    expect(hugo.timeZone).toBe('Asia/Tokyo')
    expect(hugo.scaffolds.post).toContain('{{ .Date }}')
    expect((await detectSite(await copySite('jekyll'))).timeZone).toBe('Europe/Berlin')
  })

  it('a _config.yml without the hexo dependency is not Hexo', async () => {
    const root = await copySite('hexo')
    await writeFile(join(root, 'package.json'), '{"dependencies":{}}')
    expect((await detectSite(root)).kind).not.toBe('hexo')
  })
})
