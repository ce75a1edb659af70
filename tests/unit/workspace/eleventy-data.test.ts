import { existsSync } from 'node:fs'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EleventyData } from '../../../electron/workspace/eleventy-data'
import { tempDir } from './helpers'

async function siteWith(files: Record<string, string>): Promise<string> {
  const root = await tempDir('folio-eleventy-data-')
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true })
    await writeFile(join(root, rel), text)
  }
  return root
}

describe('EleventyData', () => {
  it('cascades tags from the global, folder and template data files, before the header’s, without duplicates', async () => {
    const root = await siteWith({
      'src/_data/tags.json': '["站点"]',
      'src/posts/posts.json': '{"tags": ["post"], "layout": "post.njk"}',
      'src/posts/游记/游记.11tydata.json': '{"tags": "travel"}',
      'src/posts/游记/第一天.11tydata.json': '{"tags": ["day"]}',
      'src/posts/游记/第一天.md': '---\ntags: [post, mine]\n---\n',
    })
    const data = new EleventyData(root, 'src')
    expect(data.inherited('src/posts/游记/第一天.md')).toEqual(['站点', 'post', 'travel', 'day'])
    expect(data.tagsOf('src/posts/游记/第一天.md', ['post', 'mine'])).toEqual(['站点', 'post', 'travel', 'day', 'mine'])
    expect(data.tagsOf('src/about.md', ['page'])).toEqual(['站点', 'page'])
    expect(data.warnings).toEqual([])
  })

  it('lets a deeper layer replace the tags with override:tags', async () => {
    const root = await siteWith({
      'src/posts/posts.json': '{"tags": ["post"]}',
      'src/posts/note.11tydata.json': '{"override:tags": ["note"]}',
    })
    expect(new EleventyData(root, 'src').inherited('src/posts/note.md')).toEqual(['note'])
  })

  it('never runs a JavaScript data file, and warns about it once', async () => {
    const marker = 'ran-data-file'
    const root = await siteWith({
      'posts/posts.11tydata.js': `require('fs').writeFileSync(${JSON.stringify(marker)}, ''); module.exports = { tags: ['computed'] }`,
    })
    const data = new EleventyData(root, '')
    expect(data.tagsOf('posts/a.md', ['mine'])).toEqual(['mine'])
    expect(data.tagsOf('posts/b.md', [])).toEqual([])
    expect(data.warnings).toEqual([
      {
        path: 'posts/posts.11tydata.js',
        message:
          'posts/posts.11tydata.js is an Eleventy data file written in JavaScript: Folio does not run code from a site, so tags it computes are not shown (not read, computed by code).',
        reason: 'eleventy-code',
        params: { path: 'posts/posts.11tydata.js' },
      },
    ])
    expect(existsSync(join(root, marker))).toBe(false)
  })

  it('names a data file that is not JSON, once, and keeps the other layers', async () => {
    const root = await siteWith({ '_data/tags.json': '["site"]', 'posts/posts.json': '{"tags": [post' })
    const data = new EleventyData(root, '')
    expect(data.inherited('posts/a.md')).toEqual(['site'])
    expect(data.inherited('posts/b.md')).toEqual(['site'])
    expect(data.warnings).toHaveLength(1)
    expect(data.warnings[0]?.path).toBe('posts/posts.json')
    expect(data.warnings[0]?.message).toMatch(
      /^posts\/posts\.json could not be read as JSON \(.+\), so the tags it gives are not shown; Eleventy will stop on it too\. Fix the file and open the folder again\.$/,
    )
  })

  it('does not follow a data file that is a link, wherever it points', async () => {
    const outside = await siteWith({ 'tags.json': '{"tags": ["from-outside"]}' })
    const root = await siteWith({ 'posts/a.md': '' })
    await symlink(join(outside, 'tags.json'), join(root, 'posts/posts.json'))
    expect(new EleventyData(root, '').inherited('posts/a.md')).toEqual([])
  })

  it('ignores a folder data file that is not an object, and files outside the input folder', async () => {
    const root = await siteWith({ 'src/posts/posts.json': '["not", "an", "object"]', 'posts/posts.json': '{"tags": ["outside-input"]}' })
    expect(new EleventyData(root, 'src').inherited('src/posts/a.md')).toEqual([])
    expect(new EleventyData(root, 'src').inherited('posts/a.md')).toEqual([])
  })
})
