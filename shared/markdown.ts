/**
 * The markdown-it setup shared by the preview and every export, so what the writer previews is
 * what gets published. HTML is enabled because real posts carry raw HTML; the output is NOT safe
 * to insert anywhere until it has been sanitized (the preview runs DOMPurify inside a sandbox).
 */
import MarkdownIt from 'markdown-it'
import { ASSET_TAG, assetTagHtml, parseAssetTag, type AssetTagName } from './assets/hexo-tags'

export interface RenderOptions {
  /** Add `data-source-line` to block elements so preview and editor scroll together. */
  sourceLines?: boolean
  /** Line offset of the body inside the whole file (header lines before it). */
  lineOffset?: number
  /**
   * The post's asset folder relative to the article's own folder (Hexo's post_asset_folder:
   * `foo` for `foo.md`): `{% asset_img name alt %}` renders as an image from it.
   */
  assetFolder?: string
}

interface RenderEnv {
  lineOffset: number
  assetFolder?: string
}


/** The asset tag starting exactly at a position. */
const ASSET_TAG_HERE = new RegExp(ASSET_TAG.source, 'y')

const MORE = /^<!--\s*more\s*-->$/i

/** Prefix of the id each top-level block gets with `sourceLines`: `folio-line-12`. */
export const LINE_ANCHOR = 'folio-line-'

function createRenderer(sourceLines: boolean): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false, breaks: false })
  // Hexo's excerpt marker: render it as a visible marker rather than an invisible comment.
  md.core.ruler.push('folio_more_marker', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'html_block' && MORE.test(token.content.trim())) {
        token.type = 'folio_more'
      }
    }
  })
  md.renderer.rules.folio_more = () => '<hr class="folio-more" data-folio-more="">\n'
  // Hexo's asset tags (shared/assets reads them as Hexo does), rendered as Hexo renders them. An
  // inline rule sees the source as written, so code spans and blocks never reach it and markup
  // inside a quoted title stays part of the tag.
  md.inline.ruler.before('text', 'folio_asset_tag', (state, silent) => {
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
  if (sourceLines) {
    md.core.ruler.push('folio_source_lines', (state) => {
      const offset = (state.env as RenderEnv).lineOffset
      for (const token of state.tokens) {
        if (token.map && token.nesting !== -1 && token.level === 0) {
          const line = token.map[0] + 1 + offset
          token.attrSet('data-source-line', String(line))
          // An anchor the editor can scroll a sandboxed preview to, by URL fragment alone.
          if (token.attrGet('id') === null) token.attrSet('id', `${LINE_ANCHOR}${line}`)
        }
      }
    })
  }
  return md
}

const plain = createRenderer(false)
const withLines = createRenderer(true)

/** Renders a Markdown body (no front matter) to HTML. */
export function renderMarkdown(body: string, options: RenderOptions = {}): string {
  const md = options.sourceLines ? withLines : plain
  const env: RenderEnv = { lineOffset: options.lineOffset ?? 0 }
  if (options.assetFolder !== undefined) env.assetFolder = options.assetFolder
  return md.render(body, env)
}

/**
 * The lines of a Markdown body that are code (fenced or indented blocks), as [first, end) line
 * ranges, read by the same parser as the preview: text there is shown as written, so tools that
 * rewrite references must leave it alone.
 */
export function codeBlockLines(body: string): Array<[number, number]> {
  return plain
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
