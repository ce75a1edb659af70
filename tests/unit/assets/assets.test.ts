import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expandAssetTags, imageSources, resolveImages, rewriteImageSources } from '../../../electron/export/assets'
import { createGuard } from '../../../electron/workspace/guard'
import { findReferences, parseAssetTag, resolveTarget, splitTagArgs, targetCandidates, type AssetRules } from '../../../shared/assets'
import { renderMarkdown } from '../../../shared/markdown'
import { tempDir } from '../export/helpers'

const HEXO: AssetRules = { kind: 'hexo', postAssetFolder: true, sourceDir: 'source' }
const POST = 'source/_posts/trip.md'

/** The `src` of every <img> in some HTML, in order. */
const imgSources = (html: string): string[] => [...html.matchAll(/<img\b[^>]*\ssrc="([^"]*)"/g)].map((m) => decodeURI(m[1] ?? ''))

describe('Hexo asset tags, read as Hexo reads them', () => {
  it('splits arguments as Nunjucks does: quoted runs are one argument, touching pieces join', () => {
    expect(splitTagArgs(`big cover.png 300 "A title" 'it''s' a"b c"d`)).toEqual(['big', 'cover.png', '300', 'A title', 'its', 'ab cd'])
    expect(splitTagArgs('x "unclosed y')).toEqual(['x', '"unclosed', 'y'])
  })

  it('reads classes, sizes, title and alt of asset_img', () => {
    expect(parseAssetTag('asset_img', 'big cover.png 300 "Title"')).toMatchObject({ slug: 'cover.png', classes: ['big'], width: '300', title: 'Title' })
    expect(parseAssetTag('asset_img', `left wide 图 1.png 300 200 '"A cat" "a grey cat"'`.replace('图 1.png', '"图 1.png"'))).toMatchObject({
      slug: '图 1.png',
      classes: ['left', 'wide'],
      width: '300',
      height: '200',
      title: 'A cat',
      alt: 'a grey cat',
    })
    // With the folder's listing, the first argument naming one of its files is the file.
    expect(parseAssetTag('asset_img', 'hero banner 300', (slug) => slug === 'banner')?.slug).toBe('banner')
    expect(parseAssetTag('asset_link', 'report.pdf The report false')).toMatchObject({ slug: 'report.pdf', title: 'The report' })
    expect(parseAssetTag('asset_path', 'a.png')).toMatchObject({ slug: 'a.png' })
  })
})

describe('one answer for preview and export', () => {
  const body = [
    'Intro {% asset_img big cover.png 300 "Title" %}',
    '',
    '```md',
    '{% asset_img code.png %}',
    '![not](code-too.png)',
    '```',
    '',
    '![photo](Why-(part-3)/photo.png "A photo")',
    '',
    '<img alt="a src=wrong.png" src="raw.png">',
    '',
  ].join('\n')

  it('expands no tag inside a fenced code block, in preview and export alike', () => {
    const preview = renderMarkdown(body, { assetFolder: 'trip' })
    // Highlighted code splits the text into spans: what it says is unchanged.
    expect(preview.replace(/<[^>]+>/g, '')).toContain('{% asset_img code.png %}')
    expect(expandAssetTags(body, POST)).toContain('```md\n{% asset_img code.png %}\n![not](code-too.png)\n```')
  })

  it('finds the same images, and they resolve to the same files', () => {
    const previewed = imgSources(renderMarkdown(body, { assetFolder: 'trip' }))
    const exported = imageSources(expandAssetTags(body, POST))
    expect(exported).toEqual(['trip/cover.png', 'Why-(part-3)/photo.png', 'raw.png'])
    expect(previewed).toEqual(exported)
    const where = (src: string): string | null => resolveTarget({ kind: 'image', target: src }, POST, HEXO)
    expect(exported.map(where)).toEqual(['source/_posts/trip/cover.png', 'source/_posts/trip/Why-(part-3)/photo.png', 'source/_posts/trip/raw.png'])
  })

  it('renders {% asset_img big cover.png 300 "Title" %} as Hexo does', () => {
    const html = '<img src="trip/cover.png" class="big" width="300" title="Title">'
    expect(renderMarkdown('{% asset_img big cover.png 300 "Title" %}', { assetFolder: 'trip' })).toContain(html)
    expect(expandAssetTags('{% asset_img big cover.png 300 "Title" %}', POST)).toBe(html)
  })

  it('copies a photo whose path holds parentheses, and rewrites only its destination', async () => {
    const site = await tempDir()
    await mkdir(join(site, 'source/_posts/Why-(part-3)'), { recursive: true })
    await writeFile(join(site, 'source/_posts/Why-(part-3)/photo.png'), 'png')
    const md = '![photo](Why-(part-3)/photo.png "A photo") and ![gone](Why-(part-4)/x.png)\n'
    const found = await resolveImages(imageSources(md), 'source/_posts/post.md', HEXO, await createGuard(site))
    expect([...found.found.values()].map((i) => i.rel)).toEqual(['source/_posts/Why-(part-3)/photo.png'])
    expect(found.missing).toEqual(['Why-(part-4)/x.png'])
    expect(rewriteImageSources(md, 'source/_posts/post.md', (src) => (src.includes('3') ? 'images/photo.png' : null))).toBe(
      '![photo](<images/photo.png> "A photo") and gone\n',
    )
  })
})

describe('where a reference points, by generator', () => {
  const at = (rules: AssetRules, article: string, target: string): string[] => targetCandidates({ kind: 'image', target }, article, rules)

  it('Hexo: a bare name is in the post asset folder, `post/x` beside the post, `/x` under source/', () => {
    expect(at(HEXO, POST, 'cover.png')).toEqual(['source/_posts/trip/cover.png', 'source/_posts/cover.png'])
    expect(at(HEXO, POST, 'trip/cover.png')[0]).toBe('source/_posts/trip/cover.png')
    expect(at(HEXO, POST, '/images/a%20b.png')).toEqual(['source/images/a%20b.png'])
    expect(at({ ...HEXO, postAssetFolder: false }, POST, 'cover.png')).toEqual(['source/_posts/cover.png'])
  })

  it('Hugo: a bundle’s files beside index.md, `/x` in static/ then content/', () => {
    const hugo: AssetRules = { kind: 'hugo', postAssetFolder: false, sourceDir: 'content' }
    expect(at(hugo, 'content/posts/trip/index.md', 'cover.jpg')).toEqual(['content/posts/trip/cover.jpg'])
    expect(at(hugo, 'content/posts/a.md', '/images/x.png')).toEqual(['static/images/x.png', 'content/images/x.png'])
  })

  it('Jekyll: `{{ site.baseurl }}/assets/…` is the site root; Astro: relative paths and public/', () => {
    const jekyll: AssetRules = { kind: 'jekyll', postAssetFolder: false, sourceDir: '' }
    expect(at(jekyll, '_posts/2024-01-01-a.md', '{{site.baseurl}}/assets/images/x.png')).toEqual(['assets/images/x.png'])
    const astro: AssetRules = { kind: 'astro', postAssetFolder: false, sourceDir: 'src/content' }
    expect(at(astro, 'src/content/blog/a.md', '../../assets/x.png')).toEqual(['src/assets/x.png'])
    expect(at(astro, 'src/content/blog/a.md', '/og.png')).toEqual(['public/og.png'])
  })

  it('never points outside the folder, nor at web addresses', () => {
    expect(at(HEXO, POST, '../../../../etc/passwd')).toEqual([])
    expect(at(HEXO, POST, 'https://example.com/x.png')).toEqual([])
    expect(at(HEXO, POST, '#top')).toEqual([])
  })
})

describe('references in a body', () => {
  it('gives each target’s offsets, so a rewrite patches those bytes only', () => {
    const body = '[a](<b c.md>) ![x](y\\).png) [d]: /e.png\n\n[link]: ../f.md "T"\n{% asset_link doc.pdf "The doc" %} `![no](z.png)`\n'
    const refs = findReferences(body)
    expect(refs.map((r) => [r.kind, r.target, body.slice(r.targetStart, r.targetEnd)])).toEqual([
      ['link', 'b c.md', '<b c.md>'],
      ['image', 'y).png', 'y\\).png'],
      ['definition', '../f.md', '../f.md'],
      ['asset_link', 'doc.pdf', 'doc.pdf'],
    ])
  })
})
