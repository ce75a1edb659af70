/**
 * An Astro .mdx article as the preview shows it: its import and export lines (code for the build)
 * are hidden, and its components, which only the site's build can render, are labelled
 * placeholders around whatever Markdown they wrap.
 */
import type MarkdownIt from 'markdown-it'
import type { StateBlock } from 'markdown-it'
import { placeholder } from './site-tags'

const SELF_CLOSING = /^<([A-Z][\w.]*)(?:\s[^]*)?\/>$/
const OPENING = /^<([A-Z][\w.]*)(?:\s[^]*)?>$/
const CLOSING = /^<\/([A-Z][\w.]*)\s*>$/

function component(md: MarkdownIt, html: string, block: boolean): string | null {
  const text = html.trim()
  const self = SELF_CLOSING.exec(text)
  if (self) return placeholder(md, 'Astro', self[1]!, text) + (block ? '\n' : '')
  const open = OPENING.exec(text)
  if (open) {
    const tag = block ? 'div' : 'span'
    return `<${tag} class="folio-tag" data-tag="${md.utils.escapeHtml(open[1]!)}" title="${md.utils.escapeHtml(text)}"><span class="folio-tag-label">Astro ${md.utils.escapeHtml(open[1]!)}</span>${block ? '\n' : ''}`
  }
  return CLOSING.test(text) ? (block ? '</div>\n' : '</span>') : null
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
  md.core.ruler.push('folio_mdx_components', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'html_block') token.content = component(md, token.content, true) ?? token.content
      for (const child of token.children ?? []) {
        if (child.type === 'html_inline') child.content = component(md, child.content, false) ?? child.content
      }
    }
  })
}
