import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSiteConfig } from '../../../electron/siteserver/config'
import { tempDir } from '../workspace/helpers'

async function siteWith(files: Record<string, string>): Promise<string> {
  const root = await tempDir('folio-site-config-')
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text)
  return root
}

describe('readSiteConfig', () => {
  it('Hexo reads _config.yml, and not _config.yaml, which Hexo does not read', async () => {
    expect(await readSiteConfig(await siteWith({ '_config.yml': 'permalink: :year/:title/\nroot: /博客/\n' }), 'hexo')).toEqual({
      permalink: ':year/:title/',
      root: '/博客/',
    })
    expect(await readSiteConfig(await siteWith({ '_config.yaml': 'permalink: x/' }), 'hexo')).toEqual({})
  })

  it('Jekyll prefers _config.yml and falls back to _config.yaml', async () => {
    expect(await readSiteConfig(await siteWith({ '_config.yml': 'baseurl: /a', '_config.yaml': 'baseurl: /b' }), 'jekyll')).toEqual({ baseurl: '/a' })
    expect(await readSiteConfig(await siteWith({ '_config.yaml': 'baseurl: /b' }), 'jekyll')).toEqual({ baseurl: '/b' })
  })

  it('Hugo takes the first config file in Hugo’s order, in its own format', async () => {
    const both = await siteWith({
      'hugo.toml': 'baseURL = "https://a.example/"\n[permalinks]\nposts = "/:year/:slug/"\n',
      'config.yaml': 'baseURL: https://b.example/',
    })
    expect(await readSiteConfig(both, 'hugo')).toEqual({ baseURL: 'https://a.example/', permalinks: { posts: '/:year/:slug/' } })
    expect(await readSiteConfig(await siteWith({ 'config.yaml': 'baseURL: https://b.example/' }), 'hugo')).toEqual({ baseURL: 'https://b.example/' })
    expect(await readSiteConfig(await siteWith({ 'hugo.json': '{"title": "站点"}' }), 'hugo')).toEqual({ title: '站点' })
  })

  it('a config that does not parse, or is not a mapping, gives the generator’s defaults', async () => {
    expect(await readSiteConfig(await siteWith({ '_config.yml': 'permalink: [unclosed\n' }), 'hexo')).toEqual({})
    expect(await readSiteConfig(await siteWith({ '_config.yml': '- a\n- b\n' }), 'hexo')).toEqual({})
    expect(await readSiteConfig(await siteWith({ 'hugo.toml': 'baseURL = \n' }), 'hugo')).toEqual({})
  })

  it('an absent config, or a site whose settings are code (Astro, Eleventy) or a plain folder, is empty', async () => {
    expect(await readSiteConfig(await siteWith({}), 'hexo')).toEqual({})
    expect(await readSiteConfig(await siteWith({}), 'hugo')).toEqual({})
    const coded = await siteWith({ '_config.yml': 'permalink: x/', 'astro.config.mjs': 'export default {}' })
    for (const kind of ['astro', 'eleventy', 'plain'] as const) expect(await readSiteConfig(coded, kind)).toEqual({})
  })
})
