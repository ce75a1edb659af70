import { EditorView } from '@codemirror/view'
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { tags } from '@lezer/highlight'
import type { Extension } from '@codemirror/state'

/** Colours come from CSS variables so light and dark themes switch without reconfiguring. */
const base = EditorView.theme({
  // The font, its size and the line height are the writer's settings (renderer/settings/editor-settings.ts).
  '&': { height: '100%', backgroundColor: 'var(--editor-bg)', color: 'var(--text)' },
  '.cm-content': { caretColor: 'var(--accent)', padding: '12px 0' },
  '.cm-line': { padding: '0 16px' },
  '.cm-gutters': { backgroundColor: 'var(--editor-bg)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--selection)' },
  '.cm-folio-template-tag': { color: 'var(--tag)', backgroundColor: 'var(--tag-bg)', borderRadius: '3px' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--tag-bg)', border: 'none', color: 'var(--muted)' },
  '.cm-panels': { backgroundColor: 'var(--panel)', color: 'var(--text)' },
  // CodeMirror's light gradients under our dark text colour made the find panel unreadable in dark mode.
  '.cm-panels .cm-textfield': { backgroundColor: 'var(--editor-bg)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-panels .cm-button': { backgroundImage: 'none', backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-panels .cm-button:active': { backgroundImage: 'none', backgroundColor: 'var(--row-selected)' },
  '.cm-panels button[name=close]': { color: 'var(--muted)' },
  // Header lines are data: Markdown's heading, emphasis and link styling does not apply there.
  '.cm-folio-header span': { fontWeight: 'normal', fontStyle: 'normal', textDecoration: 'none', color: 'inherit' },
  '.cm-folio-header span.cm-folio-h-fence, .cm-folio-header span.cm-folio-h-comment': { color: 'var(--muted)' },
  '.cm-folio-header span.cm-folio-h-punctuation': { color: 'var(--muted)' },
  '.cm-folio-header span.cm-folio-h-key': { color: 'var(--html-attr)' },
  '.cm-folio-header span.cm-folio-h-table': { color: 'var(--html-tag)' },
  '.cm-folio-header span.cm-folio-h-string': { color: 'var(--html-value)' },
  '.cm-folio-header span.cm-folio-h-number, .cm-folio-header span.cm-folio-h-atom': { color: 'var(--keyword)' },
  '.cm-folio-header span.cm-folio-h-anchor': { color: 'var(--accent)' },
})

const highlight = HighlightStyle.define([
  { tag: tags.heading, fontWeight: 'bold', color: 'var(--heading)' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: 'bold' },
  { tag: tags.link, color: 'var(--accent)' },
  { tag: tags.url, color: 'var(--accent)' },
  { tag: [tags.monospace, tags.processingInstruction], color: 'var(--code)' },
  { tag: tags.quote, color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [tags.tagName, tags.angleBracket], color: 'var(--html-tag)' },
  { tag: tags.attributeName, color: 'var(--html-attr)' },
  { tag: tags.attributeValue, color: 'var(--html-value)' },
  { tag: [tags.comment, tags.meta], color: 'var(--muted)' },
  { tag: [tags.keyword, tags.atom, tags.bool], color: 'var(--keyword)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--html-value)' },
  { tag: tags.number, color: 'var(--keyword)' },
  { tag: tags.contentSeparator, color: 'var(--muted)' },
])

export function folioTheme(): Extension {
  return [base, syntaxHighlighting(highlight)]
}
