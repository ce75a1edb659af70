/**
 * The editor's words (the header lint message, CodeMirror's find/replace, folding and lint) in the UI language, through CodeMirror's
 * phrases: the English text is the key, renderer/i18n gives the translation. Each buffer's state
 * carries a compartment for them, and useEditorPhrases keeps the shown state's in the language
 * chosen now, also after a switch of language or of article.
 */
import { forceLinting } from '@codemirror/lint'
import { Compartment, EditorState, Facet, type Extension } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import { useEffect, useMemo } from 'react'
import { STRINGS, type StringKey } from '../i18n/strings'
import type { UiLocale } from '../../shared/contract'

const phrases = new Compartment()

/** The UI language, for editor code that words more than a fixed phrase (the header lint explains errors by their kind). */
export const editorLocale = Facet.define<UiLocale, UiLocale>({ combine: (values) => values[0] ?? 'en' })

/** Phrases the editor asks for: each English string (the phrase's key in the state) by its i18n key. */
const EDITOR_PHRASES = [
  'headerLint',
  'headerErrorDetails',
  'headerLintSource',
  // @codemirror/search, language (folding), lint and view ask for these.
  'cmFind',
  'cmReplace',
  'cmNext',
  'cmPrevious',
  'cmAll',
  'cmMatchCase',
  'cmRegexp',
  'cmByWord',
  'cmReplaceOne',
  'cmReplaceAll',
  'cmClose',
  'cmCurrentMatch',
  'cmReplacedMatches',
  'cmReplacedOnLine',
  'cmOnLine',
  'cmGoToLine',
  'cmGo',
  'cmFoldedLines',
  'cmUnfoldedLines',
  'cmTo',
  'cmFoldedCode',
  'cmUnfold',
  'cmFoldLine',
  'cmUnfoldLine',
  'cmDiagnostics',
  'cmNoDiagnostics',
  'cmControlCharacter',
  'cmCompletions',
  'cmSelectionDeleted',
] as const satisfies readonly StringKey[]

/** The English text an editor phrase is asked for by (its key in EditorState.phrases). */
export function phraseKey(key: (typeof EDITOR_PHRASES)[number]): string {
  return STRINGS.en[key]
}

/** In every buffer's setup: English until useEditorPhrases says otherwise. */
export function editorPhrases(): Extension {
  return phrases.of([])
}

/** Keeps the shown editor state's phrases in the UI language; re-lints so the message follows. */
export function useEditorPhrases(view: EditorView | null, t: (key: StringKey) => string, locale: UiLocale): void {
  const wanted = useMemo(() => {
    const table = Object.fromEntries(EDITOR_PHRASES.map((key) => [phraseKey(key), t(key)]))
    return [EditorState.phrases.of(table), editorLocale.of(locale)]
  }, [t, locale])
  // After every render: the store may have swapped in another article's state since the last.
  useEffect(() => {
    const current = view ? phrases.get(view.state) : undefined
    // A state without the compartment (the empty one before any article) has no words to change.
    if (!view || current === undefined || current === wanted) return
    view.dispatch({ effects: phrases.reconfigure(wanted) })
    forceLinting(view)
  })
}
