import { Transaction } from '@codemirror/state'
import type { BufferStore } from '../buffers/buffer-store'
import { reloadTransaction } from '../workbench/reload'

/**
 * Puts `text` (a past version, a merge) into the shown buffer as one undoable edit that changes
 * only the lines that differ, in the buffer's own line ending.
 */
export function replaceShownText(buffers: BufferStore, text: string): boolean {
  const path = buffers.getSnapshot().path
  const state = path === null ? null : buffers.editorState(path)
  if (!state) return false
  const spec = reloadTransaction(state, text.replace(/\r\n?/g, '\n').replace(/\n/g, state.lineBreak))
  buffers.dispatch({ ...spec, annotations: Transaction.addToHistory.of(true), userEvent: 'input.restore' })
  return true
}
