/**
 * The markdown-it setup shared by the preview and every export, so what the writer previews is
 * what gets published. HTML is enabled because real posts carry raw HTML; the output is NOT safe
 * to insert anywhere until it has been sanitized (the preview runs DOMPurify inside a sandbox).
 */
import MarkdownIt, { type StateCore, type Token } from 'markdown-it'

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

const ASSET_IMG = /\{%\s*asset_img\s+(\S+)(?:\s+(.*?))?\s*%\}/g

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

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
  // Hexo's asset_img tag, found in text only (never inside code), rendered as an <img>.
  md.core.ruler.push('folio_asset_img', (state) => {
    const folder = (state.env as RenderEnv).assetFolder
    if (folder === undefined) return
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children || !block.content.includes('asset_img')) continue
      block.children = block.children.flatMap((token) => {
        if (token.type !== 'text' || !token.content.includes('asset_img')) return [token]
        const parts: Token[] = []
        let last = 0
        for (const match of token.content.matchAll(ASSET_IMG)) {
          const start = match.index ?? 0
          if (start > last) parts.push(textToken(state, token.content.slice(last, start)))
          const html = new state.Token('html_inline', '', 0)
          const alt = (match[2] ?? '').replace(/^"(.*)"$/, '$1')
          html.content = `<img src="${escapeAttribute(`${folder}/${match[1]}`)}" alt="${escapeAttribute(alt)}">`
          parts.push(html)
          last = start + match[0].length
        }
        if (last < token.content.length) parts.push(textToken(state, token.content.slice(last)))
        return parts
      })
    }
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

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0)
  token.content = content
  return token
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
