/**
 * The markdown-it setup shared by the preview and every export, so what the writer previews is
 * what gets published. HTML is enabled because real posts carry raw HTML; the output is NOT safe
 * to insert anywhere until it has been sanitized (the preview runs DOMPurify inside a sandbox).
 */
import MarkdownIt from 'markdown-it'

export interface RenderOptions {
  /** Add `data-source-line` to block elements so preview and editor scroll together. */
  sourceLines?: boolean
  /** Line offset of the body inside the whole file (header lines before it). */
  lineOffset?: number
}

const MORE = /^<!--\s*more\s*-->$/i

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
  if (sourceLines) {
    md.core.ruler.push('folio_source_lines', (state) => {
      const offset = (state.env as { lineOffset?: number }).lineOffset ?? 0
      for (const token of state.tokens) {
        if (token.map && token.nesting !== -1 && token.level === 0) {
          token.attrSet('data-source-line', String(token.map[0] + 1 + offset))
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
  return md.render(body, { lineOffset: options.lineOffset ?? 0 })
}
