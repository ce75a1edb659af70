/**
 * "Paste HTML as Markdown": formatted text copied from a web page, an office app or the preview
 * goes into a Markdown article as Markdown (turndown), and into an HTML article (or a raw HTML
 * block of a Markdown one) as HTML. Either way the clipboard's HTML is cleaned first (DOMPurify:
 * no script, no event handler, no style sheet), and the paste is one edit that one undo removes.
 * Pasting into the header, or with Ctrl+Shift+V (which hands over plain text only), stays plain.
 */
import { syntaxTree } from '@codemirror/language'
import { Facet, type EditorState, type Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import DOMPurify from 'dompurify'
import TurndownService from 'turndown'
import { headerOf } from '../editor/header-block'

export type PasteTarget = 'markdown' | 'html'

/** What the article's body is written in: its file name decides. */
export function articleBodyKind(path: string | null): PasteTarget {
  return path !== null && /\.html?$/i.test(path) ? 'html' : 'markdown'
}

const bodyKind = Facet.define<PasteTarget, PasteTarget>({ combine: (values) => values[0] ?? 'markdown' })

/** Whether `pos` of a Markdown article sits in a raw HTML block, where HTML stays HTML. */
function inHtmlBlock(state: EditorState, pos: number): boolean {
  for (let node: ReturnType<ReturnType<typeof syntaxTree>['resolveInner']> | null = syntaxTree(state).resolveInner(pos, -1); node; node = node.parent) {
    if (node.name === 'HTMLBlock') return true
  }
  return false
}

let purifier: ReturnType<typeof DOMPurify> | null = null
let converter: TurndownService | null = null

/** The clipboard's HTML without what could act or restyle the page: what either conversion starts from. */
export function cleanHtml(html: string): string {
  purifier ??= DOMPurify()
  // Office apps wrap the fragment in a whole document with <meta> and <style>; only the body's content is wanted.
  return purifier
    .sanitize(html, { FORBID_TAGS: ['style', 'meta', 'link', 'title', 'form', 'input', 'button'], FORBID_ATTR: ['style', 'class', 'id'] })
    .replace(/<!--(?:Start|End)Fragment-->/g, '')
    .trim()
}

/** HTML as Markdown the way Folio writes it: ATX headings, fenced code, `-` bullets, `*` emphasis. */
export function htmlToMarkdown(html: string): string {
  converter ??= new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*', strongDelimiter: '**' })
  return converter.turndown(cleanHtml(html))
}

/** The text a paste of `html` puts at `pos`, or null to paste as usual (plain text). */
export function pastedText(state: EditorState, pos: number, html: string): string | null {
  if (html.trim() === '') return null
  // The header is YAML, TOML or JSON: formatted text has no place there.
  if (pos < headerOf(state).bodyStart) return null
  const html_ = state.facet(bodyKind) === 'html' || inHtmlBlock(state, pos)
  const text = html_ ? cleanHtml(html) : htmlToMarkdown(html)
  return text === '' ? null : text
}

const handler = EditorView.domEventHandlers({
  paste(event, view) {
    const html = event.clipboardData?.getData('text/html') ?? ''
    if (view.state.readOnly || html === '') return false
    const range = view.state.selection.main
    const text = pastedText(view.state, range.from, html)
    if (text === null) return false
    event.preventDefault()
    view.dispatch({
      changes: { from: range.from, to: range.to, insert: text },
      selection: { anchor: range.from + text.length },
      userEvent: 'input.paste',
      scrollIntoView: true,
    })
    return true
  },
})

/** Pastes HTML as Markdown into a Markdown article, as clean HTML into an HTML one (`kind`). */
export function pasteHtml(kind: PasteTarget): Extension {
  return [bodyKind.of(kind), handler]
}
