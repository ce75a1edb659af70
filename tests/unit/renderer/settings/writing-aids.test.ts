import { EditorSelection, EditorState } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { currentParagraph } from '../../../../renderer/settings/focus-mode'
import { articleBodyKind } from '../../../../renderer/settings/paste-html'
import { typewriterScrolling } from '../../../../renderer/settings/typewriter'

const DOC = '---\ntitle: A\n---\n\nOne.\nStill one.\n\n\nTwo.\n'

describe('focus mode’s paragraph', () => {
  const at = (pos: number) => currentParagraph(EditorState.create({ doc: DOC, selection: { anchor: pos } }))
  it('is the run of non-blank lines around the cursor', () => {
    expect(at(DOC.indexOf('Still'))).toEqual({ first: 5, last: 6 })
    expect(at(DOC.indexOf('One.'))).toEqual({ first: 5, last: 6 })
    expect(at(DOC.indexOf('Two.'))).toEqual({ first: 9, last: 9 })
    expect(at(0)).toEqual({ first: 1, last: 3 })
  })
  it('a blank line is its own, so everything else dims', () => {
    expect(at(DOC.indexOf('\n\n\nTwo') + 1)).toEqual({ first: 7, last: 7 })
  })
})

describe('typewriter scrolling', () => {
  const state = EditorState.create({ doc: DOC, extensions: typewriterScrolling() })
  // The only effect these transactions can carry is the extender's scroll to the middle.
  const centred = (tr: ReturnType<EditorState['update']>) => tr.effects.length === 1
  it('centres the cursor after typing, deleting and moving by keyboard', () => {
    expect(centred(state.update({ changes: { from: 4, insert: 'x' }, selection: { anchor: 5 }, userEvent: 'input.type' }))).toBe(true)
    expect(centred(state.update({ selection: EditorSelection.cursor(9), userEvent: 'select' }))).toBe(true)
    expect(centred(state.update({ changes: { from: 4, to: 5 }, selection: { anchor: 4 }, userEvent: 'delete.backward' }))).toBe(true)
  })
  it('leaves a click, and changes that are not the writer’s, where they are', () => {
    expect(centred(state.update({ selection: EditorSelection.cursor(9), userEvent: 'select.pointer' }))).toBe(false)
    expect(centred(state.update({ changes: { from: 0, insert: 'x' } }))).toBe(false)
  })
})

describe('what a paste turns HTML into', () => {
  it('HTML files keep HTML; everything else is Markdown', () => {
    expect(articleBodyKind('posts/a.html')).toBe('html')
    expect(articleBodyKind('posts/a.HTM')).toBe('html')
    expect(articleBodyKind('posts/a.md')).toBe('markdown')
    expect(articleBodyKind('posts/a.txt')).toBe('markdown')
    expect(articleBodyKind(null)).toBe('markdown')
  })
})
