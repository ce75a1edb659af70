/**
 * A header that does not parse is a lint error on its line: a marker in the gutter and the line
 * underlined, with the parser's message on hover. The form stays locked until it parses.
 */
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint'
import type { EditorState, Extension } from '@codemirror/state'
import { format } from '../i18n/strings'
import { headerBlock, headerOf } from './header-block'
import { phraseKey } from './phrases'

export function headerDiagnostics(state: EditorState): Diagnostic[] {
  const { error } = headerOf(state)
  if (!error) return []
  const line = state.doc.line(Math.min(Math.max(1, error.line), state.doc.lines))
  // In the UI language (EditorState.phrases, see phrases.ts); the parser's own reason stays as it said it.
  const message = format(state.phrase(phraseKey('headerLint')), { message: error.message, line: error.line })
  return [{ from: line.from, to: line.to, severity: 'error', source: 'header', message }]
}

export function headerLint(): Extension {
  return [headerBlock, linter((view) => headerDiagnostics(view.state), { delay: 150 }), lintGutter()]
}
