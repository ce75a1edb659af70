/**
 * The editor's words (the header lint message, CodeMirror's find/replace, folding and lint) in the UI language, through CodeMirror's
 * phrases: the English text is the key, renderer/i18n gives the translation. Each buffer's state
 * carries a compartment for them, made with the words of the language chosen (useEditorWords,
 * given to the buffer store), and useEditorPhrases keeps the shown state's in the language chosen
 * now, also after a switch of language.
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

/** In every buffer's setup: `words` (useEditorWords), English without them. */
export function editorPhrases(words: Extension = []): Extension {
  return phrases.of(words)
}

/** The editor's words in the UI language: one value per language, so a state made with it needs no change. */
export function useEditorWords(t: (key: StringKey) => string, locale: UiLocale): Extension {
  return useMemo(() => {
    const table = Object.fromEntries(EDITOR_PHRASES.map((key) => [phraseKey(key), t(key)]))
    return [EditorState.phrases.of(table), editorLocale.of(locale)]
  }, [t, locale])
}

/** The words a state was made or last reconfigured with (undefined: a state without the compartment). */
export function editorWords(state: EditorState): Extension | undefined {
  return phrases.get(state)
}

/**
 * Keeps the shown editor state's phrases `wanted` (useEditorWords); re-lints so the message
 * follows. A state made with them is left alone: changing the words of a long article costs its
 * whole configuration again and a lint, in the task that shows it.
 */
export function useEditorPhrases(view: EditorView | null, wanted: Extension): void {
  // After every render: the store may have swapped in another article's state since the last.
  useEffect(() => {
    const current = view ? editorWords(view.state) : undefined
    // A state without the compartment (the empty one before any article) has no words to change.
    if (!view || current === undefined || current === wanted) return
    view.dispatch({ effects: phrases.reconfigure(wanted) })
    forceLinting(view)
  })
}
