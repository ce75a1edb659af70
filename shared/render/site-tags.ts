/**
 * The generators' own tags inside Markdown, shown the way the site will show them: Hexo's tag
 * plugins and Jekyll's Liquid tags (`{% name args %}`, paired ones closed by `{% endname %}`) and
 * Hugo's shortcodes (`{{< name args >}}`, `{{% name args %}}`, paired ones closed by
 * `{{< /name >}}`). A tag Folio does not know is a visible, labelled placeholder: never raw text,
 * never dropped. Each generator reads only its own syntax.
 */
import type MarkdownIt from 'markdown-it'
import type { StateBlock, StateInline } from 'markdown-it'
import { parseAssetTag, splitTagArgs } from '../assets/hexo-tags'
import { said, type Problem } from '../errors'
import type { Generator } from '../sites/types'
import { highlightCode } from './highlight'
import { goText, hexoSlug, hugoParam, siteDataOf } from './site-refs'

export type TagSyntax = 'liquid' | 'hugo'

/** A tag as written: its name, its argument text, and for a paired tag the text between. */
export interface SiteTag {
  name: string
  args: string
  /** Hugo: `%` (inner text is Markdown) or `<` (inner text as written). */
  delimiter?: '%' | '<'
  inner?: string
  source: string
}

interface Rendering {
  md: MarkdownIt
  tag: SiteTag
  env: unknown
  /** true when the tag stands alone as a block (its own lines), false inside a paragraph. */
  block: boolean
}

type TagRenderer = (r: Rendering) => string

function escape(md: MarkdownIt, text: string): string {
  return md.utils.escapeHtml(text)
}

/** The placeholder for what the preview cannot show as the site would: the tag's name as a label, its source as the tooltip. */
export function placeholder(md: MarkdownIt, kind: string, name: string, source: string, inner = ''): string {
  const label = `<span class="folio-tag-label">${escape(md, kind)} ${escape(md, name)}</span>`
  const title = escape(md, source.length > 300 ? source.slice(0, 300) + '…' : source)
  if (inner) return `<div class="folio-tag" data-tag="${escape(md, name)}" title="${title}">${label}${inner}</div>\n`
  return `<span class="folio-tag" data-tag="${escape(md, name)}" title="${title}">${label}</span>`
}

/**
 * A tag the generator would stop the build at (a page or file it names is missing): its label and
 * why, in English with the reason and its values beside it, for the preview to say it in the UI's
 * language (renderer/preview/render.ts).
 */
function tagError(md: MarkdownIt, kind: string, tag: SiteTag, problem: Problem): string {
  const why = `<span class="folio-tag-why" data-reason="${escape(md, problem.reason)}" data-params="${escape(md, JSON.stringify(problem.params))}">${escape(md, problem.message)}</span>`
  return `<span class="folio-tag folio-tag-error" data-tag="${escape(md, tag.name)}" title="${escape(md, tag.source)}"><span class="folio-tag-label">${escape(md, kind)} ${escape(md, tag.name)}</span> ${why}</span>`
}

/** A video or page from another site as a labelled card with its address: it loads nothing until the writer clicks it (renderer/preview/embeds.ts). */
export function embedCard(md: MarkdownIt, site: string, url: string, inline = false): string {
  const href = escape(md, url)
  const tag = inline ? 'span' : 'div'
  return `<${tag} class="folio-embed" data-embed-src="${href}" tabindex="0" role="button"><span class="folio-embed-site">${escape(md, site)}</span> <span class="folio-embed-url">${href}</span></${tag}>${inline ? '' : '\n'}`
}

/** Code in a block as the generator's highlighter marks it up (highlight.js classes); `caption` is HTML. */
function codeFigure(md: MarkdownIt, code: string, lang: string, caption: string): string {
  const body = highlightCode(code, lang) ?? escape(md, code)
  const cap = caption ? `<figcaption>${caption}</figcaption>` : ''
  return `<figure class="highlight${lang ? ' ' + escape(md, lang) : ''}">${cap}<pre><code class="hljs${lang ? ' language-' + escape(md, lang) : ''}">${body}</code></pre></figure>\n`
}

const trimBlock = (text: string | undefined) => (text ?? '').replace(/^\n/, '').replace(/\n$/, '')

/** Inner Markdown rendered as a block of its own. */
const innerHtml = (r: Rendering) => r.md.render(trimBlock(r.tag.inner), r.env)

const YOUTUBE = (id: string) => `https://www.youtube.com/embed/${encodeURIComponent(id)}`
const VIMEO = (id: string) => `https://player.vimeo.com/video/${encodeURIComponent(id)}`

/** Hexo's tag plugins (hexo/lib/plugins/tag), and `note` as the NexT and Butterfly themes give it. */
const HEXO: Record<string, TagRenderer> = {
  codeblock: ({ md, tag }) => {
    const args = splitTagArgs(tag.args)
    const lang = args.find((arg) => arg.startsWith('lang:'))?.slice(5) ?? ''
    const caption = args.filter((arg) => !arg.startsWith('lang:') && !/^\w+:/.test(arg)).join(' ')
    return codeFigure(md, trimBlock(tag.inner), lang, escape(md, caption))
  },
  // `[title] [lang:x] [from:n] [to:n] path`: a file of the site's code_dir, with a link to it.
  include_code: ({ md, tag, env }) => {
    const args = splitTagArgs(tag.args)
    const path = args.pop() ?? ''
    const option = (name: string) => args.find((arg) => arg.startsWith(`${name}:`))?.slice(name.length + 1)
    const code = siteDataOf(env)?.refs?.code[path]
    if (code === undefined) return placeholder(md, 'Hexo', tag.name, tag.source, ' ')
    if ('reason' in code) return tagError(md, 'Hexo', tag, code) + '\n'
    const lines = code.text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n')
    const from = Math.max(1, Number(option('from') ?? 1) || 1)
    const to = Math.min(lines.length, Number(option('to') ?? lines.length) || lines.length)
    // Without lang: the file's extension names the language, as Hexo reads it.
    const lang = option('lang') ?? /\.([^./]+)$/.exec(path)?.[1] ?? ''
    const title = args.filter((arg) => !/^(lang|from|to):/.test(arg)).join(' ') || (path.split('/').pop() ?? path)
    return codeFigure(md, lines.slice(from - 1, to).join('\n'), lang, `<span>${escape(md, title)}</span><a href="${escape(md, code.url)}">view raw</a>`)
  },
  blockquote: (r) => {
    const { md, tag } = r
    // `author[, source] [link] [link title]`: Hexo splits the author from the source at the first comma.
    const words = splitTagArgs(tag.args)
    const link = words.findIndex((word) => /^(https?:)?\/\//.test(word))
    const cite = (link === -1 ? words : words.slice(0, link)).join(' ')
    const [author, source] = cite.includes(',') ? [cite.slice(0, cite.indexOf(',')), cite.slice(cite.indexOf(',') + 1).trim()] : [cite, '']
    const href = link === -1 ? '' : words[link]!
    const linkTitle = link === -1 ? '' : words.slice(link + 1).join(' ')
    const sourceHtml = href ? `<a href="${escape(md, href)}">${escape(md, linkTitle || source || href)}</a>` : escape(md, source)
    const footer =
      author || sourceHtml ? `<footer>${author ? `<strong>${escape(md, author)}</strong>` : ''}${sourceHtml ? `<cite>${sourceHtml}</cite>` : ''}</footer>` : ''
    return `<blockquote>${innerHtml(r)}${footer}</blockquote>\n`
  },
  pullquote: (r) => `<blockquote class="pullquote${r.tag.args.trim() ? ' ' + escape(r.md, r.tag.args.trim()) : ''}">${innerHtml(r)}</blockquote>\n`,
  note: (r) => {
    const words = splitTagArgs(r.tag.args)
    return `<div class="note ${escape(r.md, words.join(' ') || 'default')}">${innerHtml(r)}</div>\n`
  },
  raw: ({ tag }) => trimBlock(tag.inner) + '\n',
  iframe: ({ md, tag }) => embedCard(md, 'iframe', splitTagArgs(tag.args)[0] ?? ''),
  youtube: ({ md, tag }) => embedCard(md, 'YouTube', YOUTUBE(splitTagArgs(tag.args)[0] ?? '')),
  vimeo: ({ md, tag }) => embedCard(md, 'Vimeo', VIMEO(splitTagArgs(tag.args)[0] ?? '')),
  img: ({ md, tag }) => {
    const img = parseAssetTag('asset_img', tag.args)
    if (!img) return placeholder(md, 'Hexo', tag.name, tag.source)
    const attrs = [`src="${escape(md, img.slug)}"`]
    if (img.classes.length) attrs.push(`class="${escape(md, img.classes.join(' '))}"`)
    if (img.width) attrs.push(`width="${img.width}"`)
    if (img.height) attrs.push(`height="${img.height}"`)
    if (img.title) attrs.push(`title="${escape(md, img.title)}"`)
    if (img.alt) attrs.push(`alt="${escape(md, img.alt)}"`)
    return `<img ${attrs.join(' ')}>`
  },
  link: ({ md, tag }) => {
    // `text url [external] [title]`: the text is every word before the first URL.
    const words = splitTagArgs(tag.args)
    const at = words.findIndex((word) => /^(https?:)?\/\/|^\//.test(word))
    if (at <= 0) return placeholder(md, 'Hexo', tag.name, tag.source)
    const rest = words.slice(at + 1).filter((word) => word !== 'true' && word !== 'false')
    const title = rest.length ? ` title="${escape(md, rest.join(' '))}"` : ''
    return `<a href="${escape(md, words[at]!)}"${title}>${escape(md, words.slice(0, at).join(' '))}</a>`
  },
  // Another post of the site, by its slug: its address and title as the site answers them (site-refs.ts);
  // until it answers, the post is named. Hexo stops at a slug no post has.
  post_link: ({ md, tag, env }) => {
    const args = splitTagArgs(tag.args)
    const last = args[args.length - 1]
    if (last === 'true' || last === 'false') args.pop()
    const [target = '', ...words] = args
    const slug = hexoSlug(target)
    const hash = target.slice(slug.length)
    const refs = siteDataOf(env)?.refs
    const address = refs?.posts[slug]
    if (address === null) return tagError(md, 'Hexo', tag, said('hexo-no-post', { slug }))
    const title = refs?.postTitles[slug] ?? slug
    // Hexo escapes the text unless the tag ends with `false` (the preview sanitizes it either way).
    const text = words.length === 0 ? escape(md, title) : last === 'false' ? words.join(' ') : escape(md, words.join(' '))
    if (address === undefined) return `<a class="folio-post-link" data-post="${escape(md, slug)}" title="${escape(md, tag.source)}">${text}</a>`
    return `<a class="folio-post-link" data-post="${escape(md, slug)}" href="${escape(md, address + hash)}" title="${escape(md, title)}">${text}</a>`
  },
  // The post's address; Hexo prints nothing for a slug no post has, which the preview names.
  post_path: ({ md, tag, env }) => {
    const slug = hexoSlug(splitTagArgs(tag.args)[0] ?? '')
    const address = siteDataOf(env)?.refs?.posts[slug]
    if (address === null) return tagError(md, 'Hexo', tag, said('hexo-no-post-path', { slug }))
    return escape(md, address ?? slug)
  },
}

/** Jekyll's Liquid tags. */
const JEKYLL: Record<string, TagRenderer> = {
  highlight: ({ md, tag }) => codeFigure(md, trimBlock(tag.inner), splitTagArgs(tag.args)[0] ?? '', ''),
  // Liquid leaves the text between alone; Markdown still reads it.
  raw: (r) => (r.block ? innerHtml(r) : r.md.renderInline(r.tag.inner ?? '', r.env)),
  // The named page's address by the site's permalink rules (asked of the main process); until it
  // answers, the path as written.
  link: ({ md, tag, env }) => {
    const path = splitTagArgs(tag.args)[0] ?? ''
    const address = siteDataOf(env)?.refs?.links[path]
    if (address === null) return tagError(md, 'Liquid', tag, said('jekyll-no-file', { path }))
    return escape(md, address ?? '/' + path.replace(/^\/+/, ''))
  },
  post_url: ({ md, tag, env }) => {
    const name = splitTagArgs(tag.args)[0] ?? ''
    const address = siteDataOf(env)?.refs?.posts[name]
    if (address === null) return tagError(md, 'Liquid', tag, said('jekyll-no-post', { name }))
    return escape(md, address ?? '/' + name.replace(/^(\d{4})-(\d\d)-(\d\d)-/, '$1/$2/$3/'))
  },
}

/** Hugo's named shortcode arguments (`src="x" title="y"`) and positional ones. */
function hugoArgs(text: string): { named: Map<string, string>; positional: string[] } {
  const named = new Map<string, string>()
  const positional: string[] = []
  for (const m of text.matchAll(/(?:(\w+)=)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+))/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? ''
    if (m[1]) named.set(m[1], value)
    else positional.push(value)
  }
  return { named, positional }
}

/** Hugo's embedded shortcodes (hugo/tpl/tplimpl/embedded/templates/shortcodes). */
const HUGO: Record<string, TagRenderer> = {
  figure: ({ md, tag }) => {
    const { named } = hugoArgs(tag.args)
    const get = (key: string) => escape(md, named.get(key) ?? '')
    const img = `<img src="${get('src')}"${named.has('alt') ? ` alt="${get('alt')}"` : ''}${named.has('width') ? ` width="${get('width')}"` : ''}${named.has('height') ? ` height="${get('height')}"` : ''}>`
    const linked = named.has('link') ? `<a href="${get('link')}">${img}</a>` : img
    const caption =
      named.has('title') || named.has('caption')
        ? `<figcaption>${named.has('title') ? `<h4>${get('title')}</h4>` : ''}${named.has('caption') ? `<p>${md.renderInline(named.get('caption')!)}</p>` : ''}</figcaption>`
        : ''
    return `<figure${named.has('class') ? ` class="${get('class')}"` : ''}>${linked}${caption}</figure>\n`
  },
  highlight: ({ md, tag }) => codeFigure(md, trimBlock(tag.inner), hugoArgs(tag.args).positional[0] ?? '', ''),
  // The page's parameter, else the site's (hugo/tpl/tplimpl/embedded/templates/shortcodes/param.html).
  param: ({ md, tag, env }) => {
    const { named, positional } = hugoArgs(tag.args)
    const key = positional[0] ?? named.get('key') ?? ''
    const site = siteDataOf(env)
    const value = hugoParam(site?.page ?? {}, site?.refs?.params ?? {}, key)
    if (value !== undefined) return escape(md, goText(value))
    if (!site?.refs) return placeholder(md, 'Hugo', tag.name, tag.source)
    return tagError(md, 'Hugo', tag, said('hugo-no-param', { key }))
  },
  youtube: ({ md, tag }) => {
    const { named, positional } = hugoArgs(tag.args)
    return embedCard(md, 'YouTube', YOUTUBE(named.get('id') ?? positional[0] ?? ''))
  },
  vimeo: ({ md, tag }) => {
    const { named, positional } = hugoArgs(tag.args)
    return embedCard(md, 'Vimeo', VIMEO(named.get('id') ?? positional[0] ?? ''))
  },
  // A page of the site by its path: the address is Hugo's to make, the preview keeps the path.
  ref: ({ md, tag }) => escape(md, hugoArgs(tag.args).positional[0] ?? ''),
  relref: ({ md, tag }) => escape(md, hugoArgs(tag.args).positional[0] ?? ''),
}

const KNOWN: Partial<Record<Generator, { syntax: TagSyntax; kind: string; tags: Record<string, TagRenderer> }>> = {
  hexo: { syntax: 'liquid', kind: 'Hexo', tags: HEXO },
  jekyll: { syntax: 'liquid', kind: 'Liquid', tags: JEKYLL },
  eleventy: { syntax: 'liquid', kind: 'Eleventy', tags: {} },
  hugo: { syntax: 'hugo', kind: 'Hugo', tags: HUGO },
}

/** Tags that take a body and an end tag, whatever the generator knows of them. */
const PAIRED_LIQUID = new Set([
  'codeblock',
  'code',
  'blockquote',
  'quote',
  'pullquote',
  'raw',
  'note',
  'highlight',
  'comment',
  'capture',
  'if',
  'unless',
  'for',
  'tabs',
  'folding',
  'hideToggle',
  'tab',
  'gallery',
  'spoiler',
])

/** Tags that make a piece of a sentence: alone on a line they still sit in a paragraph. */
const INLINE_TAGS = new Set(['link', 'img', 'post_link', 'post_path', 'asset_img', 'asset_link', 'asset_path', 'post_url', 'ref', 'relref', 'param'])

/** Tags whose output is an address of the site. */
const ADDRESS_TAGS = new Set(['post_url', 'link', 'ref', 'relref', 'post_path'])
const ADDRESS_TAG = /\]\(\s*(\{%-?\s*\w+[^%]*%\}|\{\{[<%][^}]*[>%]\}\})/g

const LIQUID_OPEN = /^\{%-?\s*([A-Za-z_][\w-]*)\s*((?:(?!-?%\}).)*?)\s*-?%\}/
const HUGO_OPEN = /^\{\{([<%])\s*(\/?)([A-Za-z_][\w/-]*)\s*((?:(?![>%]\}\}).)*?)\s*[>%]\}\}/

function liquidEnd(name: string): RegExp {
  return new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`)
}

function hugoEnd(name: string): RegExp {
  return new RegExp(`\\{\\{[<%]\\s*/${name.replace(/[/-]/g, '\\$&')}\\s*[>%]\\}\\}`)
}

/** Finds a tag (and its end, when paired) starting at `src[pos]`. */
function readTag(syntax: TagSyntax, src: string, pos: number, paired: (name: string) => boolean): { tag: SiteTag; end: number } | null {
  const rest = src.slice(pos)
  if (syntax === 'liquid') {
    const m = LIQUID_OPEN.exec(rest)
    if (!m || m[1]!.startsWith('end')) return null
    const name = m[1]!
    if (!paired(name)) return { tag: { name, args: m[2]!, source: m[0] }, end: pos + m[0].length }
    const close = liquidEnd(name).exec(rest.slice(m[0].length))
    if (!close) return { tag: { name, args: m[2]!, source: m[0] }, end: pos + m[0].length }
    const endAt = m[0].length + close.index + close[0].length
    return { tag: { name, args: m[2]!, inner: rest.slice(m[0].length, m[0].length + close.index), source: rest.slice(0, endAt) }, end: pos + endAt }
  }
  const m = HUGO_OPEN.exec(rest)
  if (!m || m[2]) return null
  const name = m[3]!
  const delimiter = m[1] as '%' | '<'
  const close = hugoEnd(name).exec(rest.slice(m[0].length))
  if (!close) return { tag: { name, args: m[4]!, delimiter, source: m[0] }, end: pos + m[0].length }
  const endAt = m[0].length + close.index + close[0].length
  return { tag: { name, args: m[4]!, delimiter, inner: rest.slice(m[0].length, m[0].length + close.index), source: rest.slice(0, endAt) }, end: pos + endAt }
}

/**
 * Adds the generator's tag syntax to a markdown-it instance: a block rule for tags that stand on
 * their own lines (paired ones may span many) and an inline rule for tags inside text. Code
 * blocks and spans come first in markdown-it's order, so tags written inside code stay as written.
 */
export function siteTags(md: MarkdownIt, generator: Generator): boolean {
  const site = KNOWN[generator]
  if (!site) return false
  const { syntax, kind, tags } = site
  const paired = syntax === 'liquid' ? (name: string) => PAIRED_LIQUID.has(name) : () => true
  const render = (tag: SiteTag, env: unknown, block: boolean): string => {
    const known = tags[tag.name]
    if (known) return known({ md, tag, env, block })
    const inner =
      tag.inner === undefined
        ? ''
        : tag.delimiter === '<'
          ? `<pre class="folio-tag-inner">${escape(md, trimBlock(tag.inner))}</pre>`
          : md.render(trimBlock(tag.inner), env)
    // A tag alone on its lines is a block: its placeholder is one too.
    return placeholder(md, kind, tag.name, tag.source, inner || (block ? ' ' : ''))
  }
  const opener = 0x7b // {
  md.block.ruler.before('paragraph', 'folio_site_tag', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    const start = state.bMarks[startLine]! + state.tShift[startLine]!
    if (state.sCount[startLine]! - state.blkIndent >= 4 || state.src.charCodeAt(start) !== opener) return false
    const found = readTag(syntax, state.src, start, paired)
    if (!found || (found.tag.inner === undefined && INLINE_TAGS.has(found.tag.name))) return false
    // A block tag ends its line: otherwise it is inline, inside a paragraph.
    const lineEnd = state.src.indexOf('\n', found.end)
    if (state.src.slice(found.end, lineEnd === -1 ? state.src.length : lineEnd).trim() !== '') return false
    let line = startLine
    while (line < endLine && state.eMarks[line]! < found.end) line++
    if (line >= endLine) return false
    if (silent) return true
    const token = state.push('html_block', '', 0)
    token.map = [startLine, line + 1]
    token.content = render(found.tag, state.env, true)
    state.line = line + 1
    return true
  })
  // Liquid and Hugo run before Markdown, so a tag may be a link's address (`[post]({% post_url x %})`):
  // such a tag becomes its address before links are read. Only tags that make an address do.
  md.core.ruler.before('inline', 'folio_site_tag_address', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.content.includes('](')) continue
      token.content = token.content.replace(ADDRESS_TAG, (all, at: string) => {
        const found = readTag(syntax, at, 0, () => false)
        const address =
          found && found.end === at.length && ADDRESS_TAGS.has(found.tag.name)
            ? tags[found.tag.name]?.({ md, tag: found.tag, env: state.env, block: false })
            : undefined
        return address === undefined || address.includes('<') ? all : `](${address.replace(/&amp;/g, '&').replace(/\s/g, '%20')}`
      })
    }
  })
  md.inline.ruler.before('text', 'folio_site_tag', (state: StateInline, silent: boolean) => {
    if (state.src.charCodeAt(state.pos) !== opener) return false
    const found = readTag(syntax, state.src, state.pos, paired)
    if (!found) return false
    if (!silent) state.push('html_inline', '', 0).content = render(found.tag, state.env, false)
    state.pos = found.end
    return true
  })
  return true
}
