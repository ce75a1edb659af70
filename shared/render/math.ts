/**
 * Math as static MathML made by KaTeX: `$…$` and `$$…$$` (through @vscode/markdown-it-katex) and
 * LaTeX's own `\(…\)` and `\[…\]`, read before Markdown's escapes would eat the backslashes.
 * MathML needs neither KaTeX's style sheet nor its fonts, so the preview frame loads nothing for it.
 */
import markdownItKatex from '@vscode/markdown-it-katex'
import katex from 'katex'
import type MarkdownIt from 'markdown-it'
import type { StateInline } from 'markdown-it'

// A CommonJS module with an `exports.default`: bundlers hand over the function, Node's own ESM loader the exports object.
const katexPlugin = (markdownItKatex as unknown as { default?: typeof markdownItKatex }).default ?? markdownItKatex

const DELIMITERS: Record<string, { close: string; type: string }> = {
  '(': { close: '\\)', type: 'math_inline' },
  '[': { close: '\\]', type: 'folio_math_display' },
}

export function math(md: MarkdownIt): void {
  md.use(katexPlugin, { output: 'mathml', throwOnError: false })
  // Display math written inside a paragraph: MathML's display="block" sets it on its own line.
  md.renderer.rules.folio_math_display = (tokens, idx) => {
    try {
      return katex.renderToString(tokens[idx]!.content, { displayMode: true, output: 'mathml', throwOnError: true })
    } catch (error) {
      return `<span class="katex-error" title="${md.utils.escapeHtml(tokens[idx]!.content)}">${md.utils.escapeHtml(String(error))}</span>`
    }
  }
  md.inline.ruler.before('escape', 'folio_latex_delimiters', (state: StateInline, silent: boolean) => {
    if (state.src.charCodeAt(state.pos) !== 0x5c /* \ */) return false
    const kind = DELIMITERS[state.src[state.pos + 1] ?? '']
    if (!kind) return false
    const end = state.src.indexOf(kind.close, state.pos + 2)
    if (end === -1 || end === state.pos + 2) return false
    if (!silent) state.push(kind.type, 'math', 0).content = state.src.slice(state.pos + 2, end)
    state.pos = end + 2
    return true
  })
}
