/**
 * An Astro .mdx article as the preview shows it: its import and export lines (code for the build)
 * are hidden, and its components and `{expressions}`, which only the site's build can evaluate,
 * are labelled placeholders; the Markdown a component wraps is still rendered inside its label.
 * JSX is read by its own grammar (attribute values in braces may hold anything balanced, across
 * lines), not by HTML's, which takes `<Chart data={[1, 2, 3]} />` for text.
 */
import type MarkdownIt from 'markdown-it'
import type { StateBlock, StateInline } from 'markdown-it'
import { placeholder } from './site-tags'

interface JsxTag {
  name: string
  closing: boolean
  selfClosing: boolean
  /** Just past the tag's `>`. */
  end: number
}

/** Just past the `}` that closes the `{` at `src[pos]` (strings and nested braces skipped), or -1. */
function braceEnd(src: string, pos: number): number {
  let depth = 0
  for (let i = pos; i < src.length; i++) {
    const c = src[i]
    if (c === '"' || c === "'" || c === '`') {
      const close = src.indexOf(c, i + 1)
      if (close === -1) return -1
      i = close
    } else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return i + 1
  }
  return -1
}

/** A component's tag at `src[pos]` (`<Name …>`, `<Name … />`, `</Name>`): names start with a capital, as MDX's components do. */
function readJsxTag(src: string, pos: number): JsxTag | null {
  const head = /^<(\/?)([A-Z][\w.]*)/.exec(src.slice(pos, pos + 200))
  if (!head) return null
  const closing = head[1] === '/'
  let i = pos + head[0].length
  for (;;) {
    while (i < src.length && /\s/.test(src[i]!)) i++
    if (src.startsWith('/>', i)) return closing ? null : { name: head[2]!, closing, selfClosing: true, end: i + 2 }
    if (src[i] === '>') return { name: head[2]!, closing, selfClosing: false, end: i + 1 }
    if (closing) return null
    if (src[i] === '{') {
      // A spread: {...props}
      const end = braceEnd(src, i)
      if (end === -1) return null
      i = end
      continue
    }
    const attr = /^[A-Za-z_:][\w:.-]*/.exec(src.slice(i, i + 100))
    if (!attr) return null
    i += attr[0].length
    while (i < src.length && /\s/.test(src[i]!)) i++
    if (src[i] !== '=') continue
    i++
    while (i < src.length && /\s/.test(src[i]!)) i++
    const quote = src[i]
    if (quote === '"' || quote === "'") {
      const close = src.indexOf(quote, i + 1)
      if (close === -1) return null
      i = close + 1
    } else if (quote === '{') {
      const end = braceEnd(src, i)
      if (end === -1) return null
      i = end
    } else return null
  }
}

function escape(md: MarkdownIt, text: string): string {
  return md.utils.escapeHtml(text)
}

/** The opening of a component's labelled box; its end is `</div>` or `</span>`. */
function opening(md: MarkdownIt, name: string, source: string, block: boolean): string {
  const tag = block ? 'div' : 'span'
  return `<${tag} class="folio-tag" data-tag="${escape(md, name)}" title="${escape(md, source)}"><span class="folio-tag-label">Astro ${escape(md, name)}</span>${block ? '\n' : ''}`
}

/** An `{expression}`: its code as the label; a `{/* comment *\/}` shows nothing, as on the site. */
function expression(md: MarkdownIt, source: string, block: boolean): string {
  if (/^\{\s*\/\*[\s\S]*\*\/\s*\}$/.test(source)) return ''
  const tag = block ? 'div' : 'span'
  const shown = source.length > 80 ? source.slice(0, 80) + '…' : source
  return `<${tag} class="folio-tag folio-mdx-expression" data-tag="expression" title="${escape(md, source)}"><code class="folio-tag-label">${escape(md, shown)}</code></${tag}>${block ? '\n' : ''}`
}

/** A block that stands on its own lines: what follows it on its last line must be blank. */
function restBlank(src: string, end: number): boolean {
  const lineEnd = src.indexOf('\n', end)
  return src.slice(end, lineEnd === -1 ? src.length : lineEnd).trim() === ''
}

export function mdxComponents(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'folio_mdx_esm', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    if (state.blkIndent !== 0 || state.sCount[startLine]! !== 0) return false
    const start = state.bMarks[startLine]!
    if (!/^(import|export)\s/.test(state.src.slice(start, state.eMarks[startLine]!))) return false
    if (silent) return true
    // The statement runs to the next blank line, as MDX reads it.
    let line = startLine + 1
    while (line < endLine && !state.isEmpty(line)) line++
    const token = state.push('folio_hidden', '', 0)
    token.map = [startLine, line]
    state.line = line
    return true
  })
  md.renderer.rules.folio_hidden = () => ''
  // A component or expression on lines of its own. It may end a paragraph, as in MDX, so the
  // Markdown inside a component needs no blank lines around it.
  md.block.ruler.before(
    'html_block',
    'folio_mdx_flow',
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      if (state.sCount[startLine]! - state.blkIndent >= 4) return false
      const start = state.bMarks[startLine]! + state.tShift[startLine]!
      const c = state.src[start]
      let end: number
      let html: (source: string) => string
      if (c === '<') {
        const tag = readJsxTag(state.src, start)
        if (!tag) return false
        end = tag.end
        html = (source) => (tag.closing ? '</div>\n' : tag.selfClosing ? placeholder(md, 'Astro', tag.name, source, ' ') : opening(md, tag.name, source, true))
      } else if (c === '{') {
        end = braceEnd(state.src, start)
        if (end === -1) return false
        html = (source) => expression(md, source, true)
      } else return false
      if (!restBlank(state.src, end)) return false
      let line = startLine
      while (line < endLine && state.eMarks[line]! < end) line++
      if (line >= endLine) return false
      if (silent) return true
      const token = state.push('html_block', '', 0)
      token.map = [startLine, line + 1]
      token.content = html(state.src.slice(start, end))
      state.line = line + 1
      return true
    },
    { alt: ['paragraph', 'reference', 'blockquote', 'list'] },
  )
  md.inline.ruler.before('html_inline', 'folio_mdx_text', (state: StateInline, silent: boolean) => {
    const c = state.src[state.pos]
    let end: number
    let html: string
    if (c === '<') {
      const tag = readJsxTag(state.src, state.pos)
      if (!tag) return false
      end = tag.end
      const source = state.src.slice(state.pos, end)
      html = tag.closing ? '</span>' : tag.selfClosing ? placeholder(md, 'Astro', tag.name, source) : opening(md, tag.name, source, false)
    } else if (c === '{') {
      end = braceEnd(state.src, state.pos)
      if (end === -1) return false
      html = expression(md, state.src.slice(state.pos, end), false)
    } else return false
    if (!silent) state.push('html_inline', '', 0).content = html
    state.pos = end
    return true
  })
}
