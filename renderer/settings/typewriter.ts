/**
 * Typewriter scrolling: while the writer types or moves the cursor with the keyboard, the cursor's
 * line stays in the middle of the editor and the text moves instead. Room below the last line
 * lets the end of the article come to the middle too. Clicks do not scroll (the text would jump
 * from under the pointer).
 */
import { EditorState, type Extension, type Transaction } from '@codemirror/state'
import { EditorView } from '@codemirror/view'

const KEYBOARD_EVENTS = ['input', 'delete', 'move', 'select', 'undo', 'redo'] as const

function byKeyboard(tr: Transaction): boolean {
  return KEYBOARD_EVENTS.some((event) => tr.isUserEvent(event)) && !tr.isUserEvent('select.pointer')
}

const centre = EditorState.transactionExtender.of((tr) =>
  tr.selection && byKeyboard(tr) ? { effects: EditorView.scrollIntoView(tr.selection.main.head, { y: 'center' }) } : null,
)

// More specific than the base theme's padding of .cm-content, whatever order the themes mount in.
const room = EditorView.theme({ '&.cm-editor .cm-content': { paddingBottom: '50vh' } })

export function typewriterScrolling(): Extension {
  return [centre, room]
}
