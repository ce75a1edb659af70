/**
 * A link whose image is still being made is followed through the writer's edits; when the image
 * fails, exactly that text goes, only while it is unchanged, and undo then undoes the writer's own
 * edits instead of bringing back a link to nothing.
 */
import { history, undo, undoDepth } from '@codemirror/commands'
import { EditorState, type TransactionSpec } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { endLanding, followLanding, landingAt } from '../../../../renderer/media/landing-links'

const LINK = '![海边](海边.jpg)'

function typed(): EditorState {
  let state = EditorState.create({ doc: '---\ntitle: 旅行\n---\n\nDay one. ', extensions: [history()] })
  state = state.update({ changes: { from: state.doc.length, insert: 'Sea.' }, userEvent: 'input.type' }).state
  return state
}

function insertAt(state: EditorState, at: number, id = 'job-1'): EditorState {
  return state.update({ changes: { from: at, insert: LINK }, effects: followLanding(state, id, at, LINK), userEvent: 'input.paste' }).state
}

const apply = (state: EditorState, spec: TransactionSpec | null): EditorState => (spec ? state.update(spec).state : state)

describe('links waiting for their image', () => {
  it('follow the text as the writer types before and after them, and a failure takes out exactly the link', async () => {
    let state = typed()
    const at = state.doc.length - 'Sea.'.length
    state = insertAt(state, at)
    // Typing right before and right after the link is the writer's text, not the link's.
    state = state.update({
      changes: [
        { from: 0, insert: '' },
        { from: at, insert: '→' },
        { from: at + LINK.length, insert: '←' },
      ],
      userEvent: 'input.type',
    }).state
    expect(landingAt(state, 'job-1')).toEqual({ from: at + 1, to: at + 1 + LINK.length })
    state = apply(state, endLanding(state, 'job-1', true))
    expect(state.doc.toString()).toBe('---\ntitle: 旅行\n---\n\nDay one. →←Sea.')
    expect(landingAt(state, 'job-1')).toBeNull()
    // Undo skips the emptied insert: the arrows go, then "Sea.", and the link never comes back.
    const undone: string[] = []
    while (undoDepth(state) > 0) {
      undo({ state, dispatch: (tr) => (state = tr.state) })
      undone.push(state.doc.toString())
    }
    expect(undone.some((text) => text.includes(LINK))).toBe(false)
    expect(undone.at(-1)).toBe('---\ntitle: 旅行\n---\n\nDay one. ')
  })

  it('stay when the writer changed them, and a landed image only ends the follow', async () => {
    let state = insertAt(typed(), 5)
    state = insertAt(state, 0, 'job-2')
    const link = landingAt(state, 'job-1')!
    state = state.update({ changes: { from: link.from + 2, to: link.from + 4, insert: '大海' } }).state
    const edited = state.doc.toString()
    state = apply(state, endLanding(state, 'job-1', true))
    expect(state.doc.toString()).toBe(edited)
    state = apply(state, endLanding(state, 'job-2', false))
    expect(state.doc.toString()).toBe(edited)
    expect([landingAt(state, 'job-1'), landingAt(state, 'job-2')]).toEqual([null, null])
    expect(endLanding(state, 'job-2', true)).toBeNull()
  })
})
