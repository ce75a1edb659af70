/**
 * A header that does not parse is a lint error on its line: a marker in the gutter and the line
 * underlined, with the parser's message on hover. The form stays locked until it parses.
 */
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint'
import type { EditorState, Extension } from '@codemirror/state'
import { headerBlock, headerOf } from './header-block'

export function headerDiagnostics(state: EditorState): Diagnostic[] {
  const { error } = headerOf(state)
  if (!error) return []
  const line = state.doc.line(Math.min(Math.max(1, error.line), state.doc.lines))
  return [{ from: line.from, to: line.to, severity: 'error', source: 'header', message: `${error.message} (line ${error.line}). The form is locked until the header parses.` }]
}

export function headerLint(): Extension {
  return [headerBlock, linter((view) => headerDiagnostics(view.state), { delay: 150 }), lintGutter()]
}
