/**
 * Vim's ex commands that touch files, done the Folio way. `:w` saves the article (the same save
 * as Ctrl+S: atomic, checked against the disk), `:wa` saves every open article. `:wq` and `:x`
 * save and then leave the editor for the article list, as a Vim user closing a file expects to
 * be back where files are chosen: they never close the window or the app, which hold the rest of
 * the folder's work.
 */
import { Facet } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import type { Vim as VimApi } from '@replit/codemirror-vim'

export interface VimActions {
  save(): void
  saveAll(): void
  /** Leave the editor: focus goes to the article list. */
  leave(): void
}

/** The app's actions, carried in the Vim compartment beside the keymap. */
export const vimActions = Facet.define<VimActions, VimActions | null>({ combine: (values) => values[0] ?? null })

let defined = false

/** Registers :w, :wa, :wq and :x with Vim (its ex commands are global to the module, so once). */
export function defineVimCommands(vim: typeof VimApi): void {
  if (defined) return
  defined = true
  const actions = (cm: { cm6: EditorView }) => cm.cm6.state.facet(vimActions)
  vim.defineEx('write', 'w', (cm) => actions(cm)?.save())
  vim.defineEx('wall', 'wa', (cm) => actions(cm)?.saveAll())
  const saveAndLeave = (cm: { cm6: EditorView }) => {
    const found = actions(cm)
    found?.save()
    // After Vim has closed its command line, which gives the editor its focus back.
    setTimeout(() => found?.leave(), 0)
  }
  vim.defineEx('wq', 'wq', saveAndLeave)
  vim.defineEx('xit', 'x', saveAndLeave)
}
