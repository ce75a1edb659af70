import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  findReferences,
  findSiteLinks,
  mentionsOf,
  movesFor,
  relocate,
  resolveTarget,
  rewriteArticle,
  rewriteContext,
  siteLinkTarget,
  type AssetRules,
} from '../../../shared/assets'
import { applyPatches, parse } from '../../../shared/frontmatter'

const HEXO: AssetRules = { kind: 'hexo', postAssetFolder: true, sourceDir: 'source' }
const HUGO: AssetRules = { kind: 'hugo', postAssetFolder: false, sourceDir: 'content' }
const JEKYLL: AssetRules = { kind: 'jekyll', postAssetFolder: false, sourceDir: '' }
const PLAIN: AssetRules = { kind: 'plain', postAssetFolder: false, sourceDir: '' }

const isArticle = (path: string): boolean => /\.(md|markdown|html)$/.test(path)

/** Renames `from` to `to` in a site given as its files, and returns every article's text afterwards (by its new path). */
function rename(files: Record<string, string>, rules: AssetRules, from: string, to: string): Record<string, string> {
  const all = new Set(Object.keys(files))
  const articles = [...all].filter(isArticle)
  const moves = movesFor(from, to, rules, all, articles)
  const ctx = rewriteContext({ rules, files: all, articles, moves })
  const out: Record<string, string> = {}
  for (const [path, text] of Object.entries(files)) {
    const next = isArticle(path) ? applyPatches(text, rewriteArticle(text, path, ctx).patches) : text
    out[relocate(moves, path)] = next
  }
  return out
}

describe('the rename rewrite on a Hexo site with post asset folders', () => {
  const site = {
    'source/_posts/welcome-to-folio.md': [
      '---',
      'title: Welcome',
      'thumbnail: welcome-to-folio/cover.svg',
      "banner: '/images/banner.png' # kept",
      '---',
      '![cover](welcome-to-folio/cover.svg) ![bare](cover.svg)',
      '{% asset_img big cover.svg 300 "Title" %}',
      '`![code](welcome-to-folio/cover.svg)`',
      '',
    ].join('\n'),
    'source/_posts/welcome-to-folio/cover.svg': '<svg/>',
    'source/_posts/other.md':
      '---\ntitle: Other\n---\nSee {% post_link welcome-to-folio %} and [it](welcome-to-folio.md "t").\n<img src="/2020/welcome-to-folio/x.png">\n',
    'source/images/banner.png': 'png',
  }

  it('makes the body, the thumbnail and other posts follow the post and its asset folder, changing only the targets', () => {
    const after = rename(site, HEXO, 'source/_posts/welcome-to-folio.md', 'source/_posts/hello.md')
    expect(after['source/_posts/hello/cover.svg']).toBe('<svg/>')
    expect(after['source/_posts/hello.md']).toBe(
      [
        '---',
        'title: Welcome',
        'thumbnail: hello/cover.svg',
        "banner: '/images/banner.png' # kept",
        '---',
        '![cover](hello/cover.svg) ![bare](cover.svg)',
        '{% asset_img big cover.svg 300 "Title" %}',
        '`![code](welcome-to-folio/cover.svg)`',
        '',
      ].join('\n'),
    )
    // `/2020/welcome-to-folio/x.png` names no file: a broken reference is left as written.
    expect(after['source/_posts/other.md']).toBe(
      '---\ntitle: Other\n---\nSee {% post_link hello %} and [it](hello.md "t").\n<img src="/2020/welcome-to-folio/x.png">\n',
    )
  })

  it('renames an image inside the asset folder: asset tags, bare names and site-rooted images follow', () => {
    const files = {
      'source/_posts/trip.md': '---\ncover: /images/a b.png\n---\n{% asset_img "x.png" %} ![](x.png) ![](/images/a%20b.png) <img src=\'/images/a b.png\'>\n',
      'source/_posts/trip/x.png': 'x',
      'source/images/a b.png': 'a',
    }
    const one = rename(files, HEXO, 'source/_posts/trip/x.png', 'source/_posts/trip/地图 1.png')
    expect(one['source/_posts/trip.md']).toBe(
      '---\ncover: /images/a b.png\n---\n{% asset_img "地图 1.png" %} ![](<地图 1.png>) ![](/images/a%20b.png) <img src=\'/images/a b.png\'>\n',
    )
    const two = rename(files, HEXO, 'source/images/a b.png', 'source/images/shots/c(1).png')
    expect(two['source/_posts/trip.md']).toBe(
      '---\ncover: /images/shots/c(1).png\n---\n{% asset_img "x.png" %} ![](x.png) ![](/images/shots/c(1).png) <img src=\'/images/shots/c(1).png\'>\n',
    )
  })

  it('names an asset tag whose file left the asset folder instead of writing a path Hexo cannot read', () => {
    const files = { 'source/_posts/trip.md': '---\ntitle: T\n---\n{% asset_img x.png %}\n', 'source/_posts/trip/x.png': 'x' }
    const all = new Set(Object.keys(files))
    const ctx = rewriteContext({
      rules: HEXO,
      files: all,
      articles: ['source/_posts/trip.md'],
      moves: [{ from: 'source/_posts/trip/x.png', to: 'source/images/x.png' }],
    })
    const result = rewriteArticle(files['source/_posts/trip.md'], 'source/_posts/trip.md', ctx)
    expect(result.patches).toEqual([])
    expect(result.left).toEqual([
      {
        offset: 30,
        target: 'x.png',
        reason: expect.stringContaining('outside the post'),
        said: { reason: 'left-asset-outside', params: { file: 'source/images/x.png' } },
      },
    ])
  })

  it('never patches an article whose header does not parse, and says so', () => {
    const files = {
      'source/_posts/bad.md': '---\ntitle: [unclosed\n---\n![](trip/x.png)\n',
      'source/_posts/trip.md': '---\n---\n',
      'source/_posts/trip/x.png': 'x',
    }
    const all = new Set(Object.keys(files))
    const articles = ['source/_posts/bad.md', 'source/_posts/trip.md']
    const ctx = rewriteContext({ rules: HEXO, files: all, articles, moves: movesFor('source/_posts/trip.md', 'source/_posts/t2.md', HEXO, all, articles) })
    const result = rewriteArticle(files['source/_posts/bad.md'], 'source/_posts/bad.md', ctx)
    expect(result.patches).toEqual([])
    expect(result.headerError?.line).toBe(2)
  })
})

describe('the rename rewrite on Hugo, Jekyll and plain folders', () => {
  it('Hugo: ref and relref keep their form (content-rooted, relative, by name, to a bundle), bundle images stay', () => {
    const files = {
      'content/posts/a/index.md': '---\ntitle: A\n---\n![x](x.png) {{< ref "b" >}} {{< relref "/posts/b.md" >}} {{< ref "../b.md#part" >}}\n',
      'content/posts/a/x.png': 'png',
      'content/posts/b.md': '+++\ntitle = "B"\n+++\n[a]({{< relref "a" >}}) {{< ref "/posts/a" >}}\n',
    }
    const after = rename(files, HUGO, 'content/posts/b.md', 'content/notes/b-two.md')
    expect(after['content/posts/a/index.md']).toBe(
      '---\ntitle: A\n---\n![x](x.png) {{< ref "b-two" >}} {{< relref "/notes/b-two.md" >}} {{< ref "../../notes/b-two.md#part" >}}\n',
    )
    // The moved page's own relative ref is written from its new folder; the content-rooted one stays.
    expect(after['content/notes/b-two.md']).toBe('+++\ntitle = "B"\n+++\n[a]({{< relref "../posts/a" >}}) {{< ref "/posts/a" >}}\n')
  })

  it('Jekyll: post_url, link and relative links follow a post moved into a subfolder', () => {
    const files = {
      '_config.yml': 'title: t\n',
      '_posts/2020-01-01-hello.md': '---\ntitle: Hello\nimage: /assets/img/h.png\n---\n',
      '_posts/2021-02-02-next.md': '---\ntitle: Next\n---\n{% post_url 2020-01-01-hello %} {% link _posts/2020-01-01-hello.md %} [up](2020-01-01-hello.md)\n',
      'assets/img/h.png': 'png',
    }
    const after = rename(files, JEKYLL, '_posts/2020-01-01-hello.md', '_posts/guides/2020-01-01-hi.md')
    expect(after['_posts/2021-02-02-next.md']).toBe(
      '---\ntitle: Next\n---\n{% post_url 2020-01-01-hi %} {% link _posts/guides/2020-01-01-hi.md %} [up](guides/2020-01-01-hi.md)\n',
    )
    expect(after['_posts/guides/2020-01-01-hi.md']).toBe(files['_posts/2020-01-01-hello.md'])
  })

  it('plain folder: a note moved to another folder fixes its own relative links and those pointing at it', () => {
    const files = {
      'notes/a.md': '# A\n\n![pic](img/p.png) [b](../b.md) [def]\n\n[def]: ./img/p.png\n<a href="../b.md#top">b</a>\n',
      'notes/img/p.png': 'png',
      'b.md': '[a](notes/a.md) [a2](./notes/a.md)\n',
    }
    const after = rename(files, PLAIN, 'notes/a.md', 'archive/2024/a.md')
    expect(after['archive/2024/a.md']).toBe(
      '# A\n\n![pic](../../notes/img/p.png) [b](../../b.md) [def]\n\n[def]: ../../notes/img/p.png\n<a href="../../b.md#top">b</a>\n',
    )
    expect(after['b.md']).toBe('[a](archive/2024/a.md) [a2](./archive/2024/a.md)\n')
  })
})

/** A generated Hexo/Hugo/Jekyll/plain site of `n` posts linking to each other and to images in every form the checker knows. */
function generatedSite(
  kind: AssetRules['kind'],
  n: number,
  seed: number,
): { files: Record<string, string>; rules: AssetRules; posts: string[]; images: string[] } {
  let state = seed
  const rand = (k: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state % k
  }
  const rules = kind === 'hexo' ? HEXO : kind === 'hugo' ? HUGO : kind === 'jekyll' ? JEKYLL : PLAIN
  const dir = kind === 'hexo' ? 'source/_posts' : kind === 'hugo' ? 'content/posts' : kind === 'jekyll' ? '_posts' : 'notes'
  const posts = Array.from({ length: n }, (_, i) => {
    const name = kind === 'jekyll' ? `2024-01-${String((i % 28) + 1).padStart(2, '0')}-post-${i}` : `post-${i}`
    return `${dir}/${i % 3 === 0 ? 'sub/' : ''}${name}.md`
  })
  const imageRoot = kind === 'hexo' ? 'source/images' : kind === 'hugo' ? 'static/images' : 'images'
  const images = Array.from({ length: 4 }, (_, i) => `${imageRoot}/图 ${i}.png`)
  const files: Record<string, string> = {}
  for (const img of images) files[img] = 'png'
  posts.forEach((post, i) => {
    const lines: string[] = []
    const other = posts[rand(n)] ?? post
    const img = images[rand(images.length)] ?? ''
    const rooted = `/${img.slice(img.indexOf('/') + 1)}`
    const relTo = (target: string): string => {
      const from = post.split('/').slice(0, -1)
      const to = target.split('/')
      let k = 0
      while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++
      return [...from.slice(k).map(() => '..'), ...to.slice(k)].join('/')
    }
    lines.push(`[rel](${relTo(other)}) ![img](${encodeURI(relTo(img))}) <img src="${encodeURI(kind === 'plain' ? relTo(img) : rooted)}">`)
    if (kind === 'hexo') {
      const asset = `${post.slice(0, -3)}/shot-${i}.png`
      files[asset] = 'png'
      lines.push(`{% asset_img shot-${i}.png %} ![](shot-${i}.png) {% post_link ${other.slice(other.lastIndexOf('/') + 1, -3)} %}`)
    }
    if (kind === 'hugo') lines.push(`{{< ref "${relTo(other)}" >}} {{< relref "/${other.slice('content/'.length)}" >}}`)
    if (kind === 'jekyll') lines.push(`{% post_url ${other.slice(other.lastIndexOf('/') + 1, -3)} %} {% link ${other} %}`)
    lines.push('```', `![code](${relTo(other)})`, '```')
    const header =
      kind === 'hugo' && i % 2
        ? `+++\ntitle = "P${i}"\ncover = "${rooted}"\n+++`
        : `---\ntitle: P${i}\nthumbnail: ${kind === 'plain' ? relTo(img) : rooted}\n---`
    files[post] = `${header}\n${lines.join('\n')}\n`
  })
  return { files, rules, posts, images }
}

/** Every reference of every article with the file it reaches (null when broken), and the bytes outside reference targets. */
function readSite(files: Record<string, string>, rules: AssetRules): { reach: Map<string, Array<string | null>>; rest: Map<string, string> } {
  const all = new Set(Object.keys(files))
  const articles = [...all].filter(isArticle)
  const reach = new Map<string, Array<string | null>>()
  const rest = new Map<string, string>()
  for (const article of articles) {
    const text = files[article] ?? ''
    const parsed = parse(text, { site: rules.kind })
    const start = parsed.detection.bodyStart
    const body = text.slice(start)
    const refs = findReferences(body)
    const links = findSiteLinks(body)
    const headerTargets = parsed.fields.flatMap((f) => (f.value.type === 'string' && /\.png$/.test(f.value.value) ? [f.value.value] : []))
    reach.set(article, [
      ...headerTargets.map((t) => resolveTarget({ kind: 'image', target: t }, article, rules, (f) => all.has(f))),
      ...refs.map((r) => resolveTarget(r, article, rules, (f) => all.has(f))),
      ...links.map((l) => siteLinkTarget(l, article, rules, all, articles)),
    ])
    // The body with every target cut out: what must not change.
    let skeleton = ''
    let at = 0
    for (const span of [...refs, ...links].sort((a, b) => a.targetStart - b.targetStart)) {
      skeleton += body.slice(at, span.targetStart) + '\u0000'
      at = Math.max(at, span.targetEnd)
    }
    rest.set(article, skeleton + body.slice(at))
  }
  return { reach, rest }
}

describe('the rename rewrite on generated sites', () => {
  for (const kind of ['hexo', 'hugo', 'jekyll', 'plain'] as const) {
    it(`${kind}: after renaming any post or image, every reference that reached something reaches where it went, and only targets changed`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 100 }), fc.boolean(), (seed, pick, image) => {
          const { files, rules, posts, images } = generatedSite(kind, 12, seed)
          const from = image ? (images[pick % images.length] ?? '') : (posts[pick % posts.length] ?? '')
          const dirAt = from.lastIndexOf('/')
          const to = image
            ? `${from.slice(0, dirAt)}/moved/新 ${pick}.png`
            : kind === 'jekyll'
              ? `${from.slice(0, dirAt)}/deeper/2024-02-02-renamed-${pick}.md`
              : `${from.slice(0, dirAt)}/deeper/renamed-${pick}.md`
          const all = new Set(Object.keys(files))
          const articles = [...all].filter(isArticle)
          const moves = movesFor(from, to, rules, all, articles)
          const before = readSite(files, rules)
          const after = rename(files, rules, from, to)
          const now = readSite(after, rules)
          for (const [article, targets] of before.reach) {
            const moved = relocate(moves, article)
            const expected = targets.map((t) => (t === null ? null : relocate(moves, t)))
            expect(now.reach.get(moved)).toEqual(expected)
            // Only target bytes changed (header values may be requoted, so compare bodies).
            expect(now.rest.get(moved)).toBe(before.rest.get(article))
          }
          // Articles that mention none of the moved names were not touched at all.
          const mentions = mentionsOf(moves)
          for (const article of articles) {
            const text = files[article] ?? ''
            if (article !== from && !mentions.some((m) => text.includes(m))) expect(after[relocate(moves, article)]).toBe(text)
          }
        }),
        { numRuns: 25 },
      )
    })
  }
})
