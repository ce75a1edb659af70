/**
 * A header that does not parse is a lint error on its line: a marker in the gutter and the line
 * underlined, with what is wrong on hover. The form stays locked until it parses.
 */
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint'
import type { EditorState, Extension } from '@codemirror/state'
import { format } from '../i18n/strings'
import { headerErrorDetail, headerErrorPlace, headerErrorText } from '../i18n/header-errors'
import { headerBlock, headerOf } from './header-block'
import { editorLocale, phraseKey } from './phrases'

export function headerDiagnostics(state: EditorState): Diagnostic[] {
  const { error } = headerOf(state)
  if (!error) return []
  const line = state.doc.line(Math.min(Math.max(1, error.line), state.doc.lines))
  // In the UI language: the sentence by the error's kind (header-errors.ts), the frame through EditorState.phrases.
  const locale = state.facet(editorLocale)
  const message = format(state.phrase(phraseKey('headerLint')), { message: headerErrorText(error, locale), place: headerErrorPlace(error, locale) })
  const detail = headerErrorDetail(error, locale)
  const diagnostic: Diagnostic = { from: line.from, to: line.to, severity: 'error', source: state.phrase(phraseKey('headerLintSource')), message }
  if (detail !== null) {
    // The parser's English only on request, under the sentence that explains it.
    diagnostic.renderMessage = () => {
      const box = document.createElement('div')
      box.append(message)
      const more = document.createElement('details')
      const summary = document.createElement('summary')
      summary.textContent = state.phrase(phraseKey('headerErrorDetails'))
      const original = document.createElement('span')
      original.lang = 'en'
      original.textContent = detail
      more.append(summary, original)
      box.append(more)
      return box
    }
  }
  return [diagnostic]
}

export function headerLint(): Extension {
  return [headerBlock, linter((view) => headerDiagnostics(view.state), { delay: 150 }), lintGutter()]
}
