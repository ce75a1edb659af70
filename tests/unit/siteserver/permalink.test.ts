/** Where each generator shows an article, from its permalink rules, the site's settings and the header. */
import { describe, expect, it } from 'vitest'
import type { SiteKind } from '../../../shared/contract'
import { fieldRecord, parse } from '../../../shared/frontmatter'
import { encodePath, pagePath } from '../../../electron/siteserver/permalink'

const MTIME = Date.UTC(2025, 0, 9, 12)

function page(kind: SiteKind, path: string, header: string, config: Record<string, unknown> = {}, sourceDir = '') {
  const parsed = parse(`---\n${header}\n---\nBody\n`, { site: kind, timeZone: 'Asia/Shanghai' })
  return pagePath({ kind, path, fields: fieldRecord(parsed), config, sourceDir, timeZone: 'Asia/Shanghai', mtimeMs: MTIME })
}

describe('Hexo permalinks', () => {
  it("follows the default :year/:month/:day/:title/ with the date in the site's zone", () => {
    expect(page('hexo', 'source/_posts/hello-world.md', 'title: Hello\ndate: 2024-03-05 23:30:00', {}, 'source')).toEqual({
      path: '/2024/03/05/hello-world/',
      guessed: false,
    })
    // A date with its own offset lands on the site's day.
    expect(page('hexo', 'source/_posts/late.md', 'date: 2024-03-05T20:00:00Z', {}, 'source').path).toBe('/2024/03/06/late/')
  })

  it('reads permalink, root, new_post_name and categories from _config.yml', () => {
    const config = { permalink: ':category/:title.html', root: '/blog/', new_post_name: ':year-:month-:day-:title.md' }
    expect(page('hexo', 'source/_posts/2024-03-05-旅行.md', 'date: 2024-03-05\ncategories: [Life, Travel]', config, 'source')).toEqual({
      path: '/blog/Life/Travel/旅行.html',
      guessed: false,
    })
    expect(page('hexo', 'source/_posts/x.md', 'date: 2024-03-05', config, 'source').path).toBe('/blog/uncategorized/x.html')
    expect(page('hexo', 'source/_posts/x.md', 'date: 2024-03-05\ncategories: My Notes', { ...config, filename_case: 1 }, 'source').path).toBe(
      '/blog/my-notes/x.html',
    )
    expect(page('hexo', 'source/_posts/sub/y.md', 'date: 2024-03-05', { permalink: 'p/:name/' }, 'source').path).toBe('/p/y/')
  })

  it('takes a header permalink as written, and says :id and a missing date are guesses', () => {
    expect(page('hexo', 'source/_posts/a.md', 'permalink: about-me/', {}, 'source')).toEqual({ path: '/about-me/', guessed: false })
    expect(page('hexo', 'source/_posts/a.md', 'date: 2024-03-05', { permalink: 'posts/:id/' }, 'source').guessed).toBe(true)
    expect(page('hexo', 'source/_drafts/idea.md', 'title: Idea', {}, 'source')).toEqual({ path: '/2025/01/09/idea/', guessed: true })
  })

  it('serves pages by their place under source/', () => {
    expect(page('hexo', 'source/about/index.md', 'title: About', {}, 'source').path).toBe('/about/')
    expect(page('hexo', 'source/links.md', 'title: Links', { root: '/blog' }, 'source').path).toBe('/blog/links.html')
  })
})

describe('Hugo permalinks', () => {
  it('is section/slug by default, lower-cased, with bundles and list pages', () => {
    expect(page('hugo', 'content/posts/My First Post.md', 'title: x', {}, 'content')).toEqual({ path: '/posts/my-first-post/', guessed: false })
    expect(page('hugo', 'content/posts/trip/index.md', 'title: x', {}, 'content').path).toBe('/posts/trip/')
    expect(page('hugo', 'content/posts/trip/index.md', 'slug: kyoto', {}, 'content').path).toBe('/posts/kyoto/')
    expect(page('hugo', 'content/posts/_index.md', 'title: Posts', {}, 'content').path).toBe('/posts/')
    expect(page('hugo', 'content/about.md', 'title: About', {}, 'content').path).toBe('/about/')
  })

  it("follows the section's permalink rule, url in the header, uglyURLs and disablePathToLower", () => {
    const permalinks = { posts: '/:year/:month/:slug/' }
    expect(page('hugo', 'content/posts/a.md', 'date: 2024-03-05\nslug: Hello', { permalinks }, 'content')).toEqual({ path: '/2024/03/hello/', guessed: false })
    expect(page('hugo', 'content/posts/a.md', 'date: 2024-03-05', { permalinks: { posts: '/:section/:title/' } }, 'content').path).toBe('/posts/a/')
    expect(page('hugo', 'content/posts/a.md', 'url: /special/place/', { permalinks }, 'content').path).toBe('/special/place/')
    expect(page('hugo', 'content/posts/a.md', 'title: x', { uglyURLs: true }, 'content').path).toBe('/posts/a.html')
    expect(page('hugo', 'content/Posts/CamelCase.md', 'title: x', { disablePathToLower: true }, 'content').path).toBe('/Posts/CamelCase/')
  })
})

describe('Jekyll permalinks', () => {
  it('is /:categories/:year/:month/:day/:title.html by default, the date from the file name', () => {
    expect(page('jekyll', '_posts/2024-03-05-welcome.md', 'title: Welcome')).toEqual({ path: '/2024/03/05/welcome.html', guessed: false })
    expect(page('jekyll', 'blog/_posts/2024-03-05-welcome.md', 'categories: news release')).toEqual({
      path: '/blog/news/release/2024/03/05/welcome.html',
      guessed: false,
    })
  })

  it('follows the pretty style, custom patterns and the header permalink', () => {
    expect(page('jekyll', '_posts/2024-03-05-welcome.md', 'title: x', { permalink: 'pretty' }).path).toBe('/2024/03/05/welcome/')
    expect(page('jekyll', '_posts/2024-03-05-welcome.md', 'slug: hi', { permalink: '/blog/:year/:title/' }).path).toBe('/blog/2024/hi/')
    expect(page('jekyll', '_posts/2024-03-05-welcome.md', 'permalink: /hello/').path).toBe('/hello/')
    expect(page('jekyll', 'about.md', 'title: About').path).toBe('/about.html')
    expect(page('jekyll', 'docs/index.md', 'title: Docs').path).toBe('/docs/')
  })
})

describe('Astro and Eleventy', () => {
  it('maps src/pages by file and guesses content collections', () => {
    expect(page('astro', 'src/pages/about.md', 'title: x', {}, 'src/content')).toEqual({ path: '/about/', guessed: false })
    expect(page('astro', 'src/content/blog/first.md', 'title: x', {}, 'src/content')).toEqual({ path: '/blog/first/', guessed: true })
  })

  it("follows Eleventy's folder pages and a literal permalink; a template permalink is a guess", () => {
    expect(page('eleventy', 'src/posts/first.md', 'title: x', {}, 'src')).toEqual({ path: '/posts/first/', guessed: false })
    expect(page('eleventy', 'src/index.md', 'title: x', {}, 'src').path).toBe('/')
    expect(page('eleventy', 'src/posts/first.md', 'permalink: /p/first.html', {}, 'src').path).toBe('/p/first.html')
    expect(page('eleventy', 'src/posts/first.md', 'permalink: "/p/{{ title | slugify }}/"', {}, 'src').guessed).toBe(true)
  })
})

it('encodes each path segment once (Chinese names, spaces), keeping slashes', () => {
  expect(encodePath('/2024/旅行 记/')).toBe('/2024/%E6%97%85%E8%A1%8C%20%E8%AE%B0/')
  expect(encodePath('/a%20b/')).toBe('/a%20b/')
})
