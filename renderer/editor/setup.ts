import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { bracketMatching, codeFolding, foldGutter, foldKeymap, indentOnInput } from '@codemirror/language'
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search'
import { EditorState, type Extension } from '@codemirror/state'
import {
  EditorView,
  crosshairCursor,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightSpecialChars,
  keymap,
  rectangularSelection,
} from '@codemirror/view'
import { headerFolding } from './frontmatter-fold'
import type { Generator } from '../../shared/sites/types'
import { headerRules } from './header-block'
import { headerLines } from './header-lines'
import { headerLint } from './header-lint'
import { editorPhrases } from './phrases'
import { templateTags } from './template-tags'
import { fileLineSeparator } from './line-separator'
import { folioTheme } from './theme'
import { writerSettings } from '../settings/editor-settings'

export interface SetupOptions {
  eol: '\n' | '\r\n'
  readOnly: boolean
  /** Accessible name of the text area, in the UI language. */
  label: string
  /** Read headers by this generator's rules (shared/sites). */
  site: Generator
  /** The editor's words in the UI language (phrases.ts); English without them. */
  phrases?: Extension
}

/**
 * Folio's own setup array: each entry a small extension with one job, instead of basicSetup,
 * so what the editor does is listed here.
 */
export function folioSetup(options: SetupOptions): Extension[] {
  return [
    fileLineSeparator(options.eol),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    bracketMatching(),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    // Markdown with embedded HTML blocks and inline tags (markdown() nests lang-html by default).
    markdown({ base: markdownLanguage }),
    templateTags(),
    headerRules.of({ site: options.site }),
    headerLines(),
    headerFolding(),
    headerLint(),
    editorPhrases(options.phrases),
    codeFolding(),
    foldGutter(),
    search({ top: true }),
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...foldKeymap, indentWithTab]),
    EditorState.readOnly.of(options.readOnly),
    EditorView.contentAttributes.of({ 'aria-label': options.label, autocapitalize: 'off' }),
    // The test-id contract: [data-testid=editor] is CodeMirror's root.
    EditorView.editorAttributes.of({ 'data-testid': 'editor' }),
    folioTheme(),
    // Font, wrap, focus mode, typewriter, spell check, paste and Vim, as the writer set them.
    writerSettings(),
  ]
}
