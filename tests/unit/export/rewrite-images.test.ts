import { describe, expect, it } from 'vitest'
import { rewriteImageSources } from '../../../electron/export/assets'

const dropAll = (): null => null

describe('rewriteImageSources', () => {
  it('leaves fenced, indented and inline code as written', () => {
    const body = [
      'Intro ![gone](missing.png) end.',
      '',
      '```md',
      '![diagram](missing.png)',
      '<img src="logo.png" alt="Logo">',
      '{% asset_img cover.png Cover %}',
      '```',
      '',
      '    ![indented](missing.png)',
      '',
      'Inline `![x](y.png)` and ``<img src="z.png">`` stay.',
      '',
    ].join('\n')
    const out = rewriteImageSources(body, 'source/_posts/post.md', dropAll)
    expect(out).toBe(body.replace('Intro ![gone](missing.png) end.', 'Intro gone end.'))
  })

  it('an apostrophe inside an <img> value does not swallow the text after it', () => {
    const body = "<img src=\"a.png\" alt='Bob's cat'>\nI don't know.\n> quoted\n"
    const out = rewriteImageSources(body, 'post.md', dropAll)
    expect(out).toContain("I don't know.\n> quoted\n")
  })

  it('still rewrites images in prose around code', () => {
    const body = '![a](a.png)\n\n```\n![b](b.png)\n```\n\n<img src="c.png">\n'
    const out = rewriteImageSources(body, 'post.md', (src) => `images/${src}`)
    expect(out).toBe('![a](<images/a.png>)\n\n```\n![b](b.png)\n```\n\n<img src="images/c.png">\n')
  })
})
