import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectSite, zoneKey } from '../../../electron/workspace/site'
import { copySite, open, tempDir, type SiteName } from './helpers'

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

  it('reads Hugo settings in each of its formats (TOML, YAML, JSON), each parser loaded when first needed', async () => {
    const root = await copySite('hugo')
    await rm(join(root, 'hugo.toml'))
    await writeFile(join(root, 'hugo.yaml'), 'title: 山居\ntimeZone: America/Chicago\ncontentDir: content\n')
    expect((await detectSite(root)).timeZone).toBe('America/Chicago')
    await rm(join(root, 'hugo.yaml'))
    await writeFile(join(root, 'hugo.json'), '{"timeZone": "Pacific/Auckland"}')
    expect((await detectSite(root)).timeZone).toBe('Pacific/Auckland')
    await rm(join(root, 'hugo.json'))
    await writeFile(join(root, 'hugo.toml'), 'timeZone = "Asia/Kolkata"\n')
    expect((await detectSite(root)).timeZone).toBe('Asia/Kolkata')
  })

  it("a folder without a zone setting has the system's zone, and its zone key says where that comes from", async () => {
    const plain = await detectSite(await tempDir())
    expect(plain.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone)
    // Copied and sent to index threads as a plain value.
    expect(structuredClone(plain).timeZone).toBe(plain.timeZone)
    expect((JSON.parse(JSON.stringify(plain)) as { timeZone: string }).timeZone).toBe(plain.timeZone)
    const before = process.env.TZ
    try {
      process.env.TZ = 'Asia/Tokyo'
      expect(zoneKey(plain)).toBe('TZ=Asia/Tokyo')
      process.env.TZ = 'Europe/Paris'
      expect(zoneKey(plain)).toBe('TZ=Europe/Paris')
    } finally {
      if (before === undefined) delete process.env.TZ
      else process.env.TZ = before
    }
    // A zone the settings name is the key whatever the system says.
    const hexo = await detectSite(await copySite('hexo'))
    expect(zoneKey(hexo)).toBe('Asia/Shanghai')
  })

  it('a Hexo site whose timezone is not a zone uses the system zone', async () => {
    const root = await copySite('hexo')
    await mkdir(join(root, 'source'), { recursive: true })
    await writeFile(join(root, '_config.yml'), 'title: 博客\ntimezone: Not/AZone\n')
    const site = await detectSite(root)
    expect(site.kind).toBe('hexo')
    expect(site.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone)
    expect(site.zoneSetting).toBeUndefined()
  })
})
