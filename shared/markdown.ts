/**
 * The markdown-it setup shared by the preview and every export, so what the writer previews is
 * what gets published. HTML is enabled because real posts carry raw HTML; the output is NOT safe
 * to insert anywhere until it has been sanitized (the preview runs DOMPurify inside a sandbox).
 */
import MarkdownIt, { type PluginSimple, type PluginWithOptions } from 'markdown-it'
import abbr from 'markdown-it-abbr'
import attrs from 'markdown-it-attrs'
import deflist from 'markdown-it-deflist'
import footnote from 'markdown-it-footnote'
import taskLists from 'markdown-it-task-lists'
import { ASSET_TAG, assetTagHtml, parseAssetTag, type AssetTagName } from './assets/hexo-tags'
import { iframeCards } from './render/embeds'
import { highlightCode } from './render/highlight'
import { math } from './render/math'
import { mdxComponents } from './render/mdx'
import type { SiteData } from './render/site-refs'
import { siteTags } from './render/site-tags'
import type { Generator } from './sites/types'

export interface RenderOptions {
  /** The site's generator: its tags or shortcodes and its Markdown extensions (default: a plain folder's). */
  generator?: Generator
  /** An .mdx article (Astro): import lines hidden, components shown as labelled placeholders. */
  mdx?: boolean
  /**
   * The post's asset folder relative to the article's own folder (Hexo's post_asset_folder:
   * `foo` for `foo.md`): `{% asset_img name alt %}` renders as an image from it.
   */
  assetFolder?: string
  /**
   * Draws a ```mermaid fence as safe markup, or null while it cannot (yet): the fence then shows
   * as its source. Only the preview draws diagrams (renderer/preview/diagrams.ts).
   */
  mermaid?: (source: string) => string | null
  /** What the rest of the site says about tags that name its other files (shared/render/site-refs). */
  site?: SiteData
}

/** What a render's markdown-it env carries in: the parse adds its own (link references, footnotes). */
export interface RenderEnv {
  assetFolder?: string
  mermaid?: (source: string) => string | null
  site?: SiteData
}

// @types/markdown-it-footnote and -attrs type them against markdown-it's older declaration files.
const footnotePlugin = footnote as unknown as PluginSimple
const attrsPlugin = attrs as unknown as PluginWithOptions<{ leftDelimiter?: string; rightDelimiter?: string }>

/** The asset tag starting exactly at a position. */
const ASSET_TAG_HERE = new RegExp(ASSET_TAG.source, 'y')

const MORE = /^<!--\s*more\s*-->$/i

/**
 * One markdown-it per generator, following its renderer's defaults: GitHub-flavoured task lists,
 * footnotes and math (shared/render/math) everywhere; Hugo's goldmark adds definition lists, attribute lists and the
 * typographer; Jekyll's kramdown abbreviations, `{: .class}` attribute lists and smart quotes;
 * each site its own tag syntax (shared/render/site-tags).
 */
function createRenderer(generator: Generator, mdx: boolean): MarkdownIt {
  const md = new MarkdownIt({
    html: true,
    linkify: true,
    typographer: generator === 'hugo' || generator === 'jekyll',
    breaks: false,
    highlight: (code, lang) => highlightCode(code, lang.split(/\s/)[0] ?? '') ?? '',
  })
  md.use(footnotePlugin).use(taskLists).use(math).use(iframeCards)
  if (generator === 'hugo') md.use(deflist).use(attrsPlugin)
  if (generator === 'jekyll') md.use(abbr).use(attrsPlugin, { leftDelimiter: '{:', rightDelimiter: '}' })
  const tagged = siteTags(md, generator)
  if (mdx) mdxComponents(md)
  // Hexo's excerpt marker: render it as a visible marker rather than an invisible comment.
  md.core.ruler.push('folio_more_marker', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'html_block' && MORE.test(token.content.trim())) {
        token.type = 'folio_more'
      }
    }
  })
  md.renderer.rules.folio_more = () => '<hr class="folio-more" data-folio-more="">\n'
  // A Mermaid diagram: drawn where the caller can draw it, else shown as its source in a labelled figure.
  const fence = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, idx, options, env: RenderEnv, self) => {
    const token = tokens[idx]!
    if (token.info.trim().split(/\s+/)[0]?.toLowerCase() !== 'mermaid') return fence(tokens, idx, options, env, self)
    const drawn = env.mermaid?.(token.content)
    if (drawn) return drawn + '\n'
    return `<figure class="folio-diagram-source" data-diagram="mermaid"><figcaption>Mermaid</figcaption><pre><code class="language-mermaid">${md.utils.escapeHtml(token.content)}</code></pre></figure>\n`
  }
  // Hexo's asset tags (shared/assets reads them as Hexo does), rendered as Hexo renders them. An
  // inline rule sees the source as written, so code spans and blocks never reach it and markup
  // inside a quoted title stays part of the tag.
  // Before the generic site tag rule, which would take an asset tag for an unknown tag.
  md.inline.ruler.before(tagged ? 'folio_site_tag' : 'text', 'folio_asset_tag', (state, silent) => {
    const folder = (state.env as RenderEnv).assetFolder
    if (folder === undefined || state.src.charCodeAt(state.pos) !== 0x7b || state.src.charCodeAt(state.pos + 1) !== 0x25) return false
    ASSET_TAG_HERE.lastIndex = state.pos
    const match = ASSET_TAG_HERE.exec(state.src)
    const tag = match ? parseAssetTag(match[1] as AssetTagName, match[2] ?? '') : null
    if (!match || !tag) return false
    if (!silent) state.push('html_inline', '', 0).content = assetTagHtml(tag, `${folder}/${tag.slug}`)
    state.pos += match[0].length
    return true
  })
  return md
}

const renderers = new Map<string, MarkdownIt>()

function renderer(options: RenderOptions): MarkdownIt {
  const key = `${options.generator ?? 'plain'}${options.mdx ? '+mdx' : ''}`
  let md = renderers.get(key)
  if (!md) renderers.set(key, (md = createRenderer(options.generator ?? 'plain', options.mdx === true)))
  return md
}

/**
 * The same parser's block pass alone: where code blocks are needs no paragraph's inline text
 * parsed, which was most of the time `folio check --links` spent on a folder.
 */
const plainBlocks = createRenderer('plain', false)
plainBlocks.core.ruler.enableOnly(['normalize', 'block'])

/** The markdown-it env a render of these options starts from. */
export function renderEnv(options: RenderOptions): RenderEnv {
  const env: RenderEnv = {}
  if (options.assetFolder !== undefined) env.assetFolder = options.assetFolder
  if (options.mermaid) env.mermaid = options.mermaid
  if (options.site) env.site = options.site
  return env
}

/** Renders a Markdown body (no front matter) to HTML. */
export function renderMarkdown(body: string, options: RenderOptions = {}): string {
  return renderer(options).render(body, renderEnv(options))
}

/** One top-level block of a body, rendered on its own. */
export interface RenderedBlock {
  html: string
  /** The block's first line in the body, 0-based; null for what has no source (a footnote list). */
  line: number | null
  /** The sources of the Mermaid fences it holds, when it holds any. */
  diagrams?: string[]
}

/** Elements that never hold children, and those whose end tag HTML lets a writer leave out: neither keeps a block open. */
const UNCOUNTED = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'option',
  'optgroup',
  'rt',
  'rp',
  'colgroup',
  'caption',
])

/** How many elements a raw HTML block leaves open (negative: closes more than it opens). */
function openElements(html: string): number {
  let depth = 0
  for (const m of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (UNCOUNTED.has(m[2]!.toLowerCase())) continue
    if (m[1]) depth--
    else if (!m[3]) depth++
  }
  return depth
}

/**
 * The body as its top-level blocks, each rendered separately from one parse, so a preview can
 * replace only the blocks an edit changed. Joined, they are the same HTML as renderMarkdown. Raw
 * HTML that opens an element in one block and closes it blocks later (`<div>`, Markdown, `</div>`)
 * stays one block, so each block is well-formed HTML on its own.
 */
export function renderBlocks(body: string, options: RenderOptions = {}): RenderedBlock[] {
  return renderBlocksIn(body, options, renderEnv(options))
}

/**
 * renderBlocks with the caller's markdown-it env, which the parse fills (link references,
 * footnotes, abbreviations): a later render of part of the body passes a copy of it, so that part
 * still sees the definitions made elsewhere (shared/render/block-renderer.ts).
 */
export function renderBlocksIn(body: string, options: RenderOptions, env: RenderEnv): RenderedBlock[] {
  const md = renderer(options)
  const asked: string[] = []
  const draw = options.mermaid
  if (draw) env.mermaid = (source) => (asked.push(source), draw(source))
  const tokens = md.parse(body, env)
  const blocks: RenderedBlock[] = []
  let start = 0
  let open = 0
  // Nesting counted from the tokens themselves: plugins that add tokens after parsing (the
  // footnote list) leave their levels at 0 inside open elements.
  let depth = 0
  let line: number | null = null
  const add = (end: number) => {
    const block: RenderedBlock = { html: md.renderer.render(tokens.slice(start, end), md.options, env), line }
    if (asked.length > 0) block.diagrams = asked.splice(0)
    blocks.push(block)
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (line === null && token.map) line = token.map[0]
    if (token.type === 'html_block') open = Math.max(0, open + openElements(token.content))
    depth += token.nesting
    if (depth > 0 || open > 0) continue
    add(i + 1)
    start = i + 1
    line = null
  }
  if (start < tokens.length) add(tokens.length)
  return blocks
}

/**
 * What every code block needs: a fence of three backticks or tildes, or text after four columns
 * of indentation (four spaces, or a tab among them), inside a list or quote too. A body with
 * neither (most posts without code) need not be parsed. One pass: each blank run is skipped whole.
 */
function mayHoldCodeBlock(body: string): boolean {
  if (body.includes('```') || body.includes('~~~')) return true
  let spaces = body.indexOf('    ')
  let tab = body.indexOf('\t')
  while (spaces !== -1 || tab !== -1) {
    let at = spaces === -1 ? tab : tab === -1 ? spaces : Math.min(spaces, tab)
    while (body[at] === ' ' || body[at] === '\t') at++
    if (at < body.length && body[at] !== '\n' && body[at] !== '\r') return true
    if (spaces !== -1 && spaces < at) spaces = body.indexOf('    ', at)
    if (tab !== -1 && tab < at) tab = body.indexOf('\t', at)
  }
  return false
}

/**
 * The lines of a Markdown body that are code (fenced or indented blocks), as [first, end) line
 * ranges, read by the same parser as the preview: text there is shown as written, so tools that
 * rewrite references must leave it alone.
 */
export function codeBlockLines(body: string): Array<[number, number]> {
  if (!mayHoldCodeBlock(body)) return []
  return plainBlocks
    .parse(body, {})
    .filter((token) => (token.type === 'fence' || token.type === 'code_block') && token.map)
    .map((token) => token.map as [number, number])
}

/** Inline code spans (`` `x` ``, ``` ``x`` ```) in text outside code blocks, as [start, end) offsets. */
export function inlineCodeSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  for (const m of text.matchAll(/(?<!`)(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g)) spans.push([m.index, m.index + m[0].length])
  return spans
}
