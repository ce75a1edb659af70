/**
 * The writer's settings inside the editor. Every buffer's state carries two compartments (in
 * folioSetup): one for the look and behaviour (font, size, line height, wrap, focus mode,
 * typewriter scrolling, spell check, paste), one for the Vim keymap, first so it sees keys before
 * the others. useWriterSettings keeps the shown state's compartments in step with the settings,
 * after a change or a switch of article, by reconfiguring them: the editor, its selection and its
 * undo history stay as they are.
 */
import { Compartment, Prec, type EditorState, type Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Settings } from '../../shared/contract'
import { SETTINGS_DEFAULTS } from '../../shared/settings'
import { focusMode } from './focus-mode'
import { articleBodyKind, pasteHtml, type PasteTarget } from './paste-html'
import { typewriterScrolling } from './typewriter'
import { defineVimCommands, vimActions, type VimActions } from './vim-commands'

const writing = new Compartment()
const keys = new Compartment()
/** No Vim: one value, so an unchanged choice is never reconfigured. */
const NONE: Extension = []

type EditorSettings = Pick<
  Settings,
  'editorFont' | 'editorFontSize' | 'editorLineHeight' | 'lineWrap' | 'focusMode' | 'typewriter' | 'spellCheck' | 'pasteHtmlAsMarkdown'
>

/** The editor's font is the writer's choice, or Folio's monospace (with CJK fallbacks). */
function fontTheme(settings: EditorSettings): Extension {
  return EditorView.theme({
    '&': { fontSize: `${settings.editorFontSize}px` },
    '.cm-scroller': {
      fontFamily: settings.editorFont.trim() === '' ? 'var(--font-mono)' : `${settings.editorFont}, var(--font-mono)`,
      lineHeight: String(settings.editorLineHeight),
    },
  })
}

function writingExtension(settings: EditorSettings, kind: PasteTarget): Extension {
  return [
    fontTheme(settings),
    settings.lineWrap ? EditorView.lineWrapping : [],
    settings.focusMode ? focusMode() : [],
    settings.typewriter ? typewriterScrolling() : [],
    EditorView.contentAttributes.of({ spellcheck: settings.spellCheck ? 'true' : 'false' }),
    // Off, or an HTML article with the setting off: CodeMirror's own paste (plain text).
    settings.pasteHtmlAsMarkdown ? pasteHtml(kind) : [],
  ]
}

/** In every buffer's setup: the defaults until useWriterSettings says otherwise. */
export function writerSettings(): Extension {
  return [Prec.highest(keys.of(NONE)), writing.of(writingExtension(SETTINGS_DEFAULTS, 'markdown'))]
}

/** The Vim keymap, loaded the first time it is asked for (most writers never do). */
let vimExtension: Extension | null = null
let vimLoading: Promise<Extension> | null = null
function loadVim(): Promise<Extension> {
  vimLoading ??= import('@replit/codemirror-vim').then(({ vim, Vim }) => {
    defineVimCommands(Vim)
    return (vimExtension = vim({ status: true }))
  })
  return vimLoading
}

/** Whether the shown state already has this configuration. */
function applied(state: EditorState, compartment: Compartment, wanted: Extension): boolean {
  const current = compartment.get(state)
  return current === undefined || current === wanted
}

/**
 * Keeps the shown editor state's settings compartments as `settings` say, for the article at
 * `path` (an HTML article pastes HTML, a Markdown one Markdown).
 */
export function useWriterSettings(view: EditorView | null, settings: Settings, path: string | null, actions: VimActions): void {
  const kind = articleBodyKind(path)
  const { editorFont, editorFontSize, editorLineHeight, lineWrap, focusMode: focus, typewriter, spellCheck, pasteHtmlAsMarkdown } = settings
  const wantedWriting = useMemo(
    () => writingExtension({ editorFont, editorFontSize, editorLineHeight, lineWrap, focusMode: focus, typewriter, spellCheck, pasteHtmlAsMarkdown }, kind),
    [editorFont, editorFontSize, editorLineHeight, lineWrap, focus, typewriter, spellCheck, pasteHtmlAsMarkdown, kind],
  )
  // Re-rendered once the Vim module has loaded.
  const [vimReady, setVimReady] = useState(vimExtension !== null)
  // One object for the editor's whole life that calls the app's latest actions, so a render never reconfigures Vim.
  const latest = useRef(actions)
  latest.current = actions
  const stable = useMemo<VimActions>(
    () => ({ save: () => latest.current.save(), saveAll: () => latest.current.saveAll(), leave: () => latest.current.leave() }),
    [],
  )
  const wantedKeys = useMemo(() => (settings.vim && vimReady && vimExtension ? [vimExtension, vimActions.of(stable)] : NONE), [settings.vim, vimReady, stable])
  useLayoutEffect(() => {
    if (settings.vim && !vimReady) void loadVim().then(() => setVimReady(true))
  }, [settings.vim, vimReady])
  // After every render: the store may have swapped in another article's state since the last.
  useLayoutEffect(() => {
    if (!view) return
    const effects = []
    if (!applied(view.state, writing, wantedWriting)) effects.push(writing.reconfigure(wantedWriting))
    if (!applied(view.state, keys, wantedKeys)) effects.push(keys.reconfigure(wantedKeys))
    if (effects.length > 0) view.dispatch({ effects })
  })
}
