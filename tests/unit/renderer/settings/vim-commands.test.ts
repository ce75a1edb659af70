// @vitest-environment jsdom
/**
 * Vim's file commands in a real EditorView with the real Vim keymap: :w saves, :wa saves all,
 * :wq and :x save and then leave the editor (never the window), each through the actions the
 * editor's state carries.
 */
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { getCM, vim, Vim } from '@replit/codemirror-vim'
import { afterEach, describe, expect, it } from 'vitest'
import { defineVimCommands, vimActions } from '../../../../renderer/settings/vim-commands'

// jsdom lays nothing out: Vim's cursor asks text ranges for their boxes, which jsdom's ranges lack.
Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList
Range.prototype.getBoundingClientRect ??= () => new DOMRect()

let view: EditorView | null = null
afterEach(() => {
  view?.destroy()
  view = null
})

function editor(withActions: boolean) {
  const calls: string[] = []
  const actions = { save: () => calls.push('save'), saveAll: () => calls.push('saveAll'), leave: () => calls.push('leave') }
  defineVimCommands(Vim)
  view = new EditorView({
    state: EditorState.create({ doc: '---\ntitle: Vim\n---\n\n正文。\n', extensions: [vim(), withActions ? vimActions.of(actions) : []] }),
    parent: document.body,
  })
  const cm = getCM(view)
  if (!cm?.state.vim) throw new Error('Vim is not attached')
  // An attached editor: Vim's state is set (what handleEx's type asks for).
  const attached = cm as Parameters<typeof Vim.handleEx>[0]
  const ex = (command: string) => Vim.handleEx(attached, command)
  return { calls, ex }
}

const nextTask = () => new Promise((done) => setTimeout(done, 0))

describe('Vim file commands', () => {
  it(':w and :write save the article; :wa and :wall save every open article', () => {
    const { calls, ex } = editor(true)
    ex('w')
    ex('write')
    ex('wa')
    ex('wall')
    expect(calls).toEqual(['save', 'save', 'saveAll', 'saveAll'])
  })

  it(':wq and :x save first, then leave the editor once Vim has closed its command line', async () => {
    const { calls, ex } = editor(true)
    ex('wq')
    expect(calls).toEqual(['save'])
    await nextTask()
    expect(calls).toEqual(['save', 'leave'])
    ex('x')
    await nextTask()
    expect(calls).toEqual(['save', 'leave', 'save', 'leave'])
  })

  it('does nothing in an editor that carries no actions (and does not throw)', async () => {
    const { ex } = editor(false)
    expect(() => ex('w')).not.toThrow()
    expect(() => ex('wq')).not.toThrow()
    await nextTask()
  })

  it('registers the commands once, however many editors ask: one :w is one save', () => {
    defineVimCommands(Vim)
    const { calls, ex } = editor(true)
    defineVimCommands(Vim)
    ex('w')
    expect(calls).toEqual(['save'])
  })
})
